package org.partnerlifecycle.deal;

import org.partnerlifecycle.web.ListQuery;
import org.partnerlifecycle.web.Page;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.partnerlifecycle.web.Idempotency;
import org.partnerlifecycle.web.InputPatterns;
import org.partnerlifecycle.web.InvalidRequestException;
import org.partnerlifecycle.web.NotFoundException;
import org.partnerlifecycle.deal.DealRegistrationService.Submitted;
import org.partnerlifecycle.partner.PartnerNotFoundException;
import org.partnerlifecycle.security.Caller;
import org.partnerlifecycle.security.StaffGroups;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Deal registration, direct pipeline and ledger endpoints of SPEC §4. */
@RestController
@RequestMapping(path = "/api", produces = "application/json")
class DealController {

  public record CloseRequest(
      @NotBlank @Pattern(regexp = "WON|LOST", message = "must be WON or LOST") String outcome,
      @DecimalMin(value = "0", inclusive = false, message = "must be more than 0")
      @DecimalMax(value = "10000000000", message = "must be at most 10,000,000,000 USD")
      @Digits(integer = 11, fraction = 2, message = "must be USD with at most 2 decimals") BigDecimal amount,
      @NotNull LocalDate closedOn) {
  }

  public record CancellationRequest(@NotNull LocalDate cancelledOn,
      @NotBlank @Size(max = 2000) @Pattern(regexp = InputPatterns.PLAIN_TEXT, message = InputPatterns.PLAIN_TEXT_MESSAGE)
      String reason) {
  }

  public record DirectOpportunityRequest(
      @NotBlank @Size(max = 253) @Pattern(regexp = InputPatterns.DOMAIN, message = InputPatterns.DOMAIN_MESSAGE)
      String customerDomain,
      @NotBlank @Size(max = 200) @Pattern(regexp = InputPatterns.PLAIN_TEXT, message = InputPatterns.PLAIN_TEXT_MESSAGE)
      String customerName,
      @NotBlank @Size(max = 200) @Pattern(regexp = InputPatterns.PLAIN_TEXT, message = InputPatterns.PLAIN_TEXT_MESSAGE)
      String owner) {
  }

  private final DealRegistrationService registrations;
  private final DealPayouts payouts;
  private final DealRepository deals;
  private final Ledger ledger;
  private final Caller caller;
  private final ObjectMapper json;
  private final Idempotency idempotency;

  DealController(DealRegistrationService registrations, DealPayouts payouts, DealRepository deals,
      Ledger ledger, Caller caller, ObjectMapper json, Idempotency idempotency) {
    this.idempotency = idempotency;
    this.registrations = registrations;
    this.payouts = payouts;
    this.deals = deals;
    this.ledger = ledger;
    this.caller = caller;
    this.json = json;
  }

  @PostMapping(path = "/deal-registrations", consumes = "application/json")
  ResponseEntity<Map<String, String>> register(@Valid @RequestBody DealRegistrationRequest request,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
    String partnerId = registeringPartner(request);
    if (idempotencyKey != null) {
      Idempotency.checkKey(idempotencyKey);
    }
    String canonical = canonical(request);
    Submitted submitted;
    try {
      submitted = registrations.submit(partnerId, request, caller.name(), idempotencyKey, canonical);
    } catch (DuplicateKeyException raced) {
      // A concurrent request with the same key committed first: answer with its registration.
      submitted = registrations.replay(caller.name(), idempotencyKey, DealRegistrationService.sha256(canonical))
          .orElseThrow(() -> raced);
    }
    DealRegistration deal = submitted.deal();
    return ResponseEntity.created(URI.create("/api/deal-registrations/" + deal.id()))
        .header("Idempotent-Replayed", Boolean.toString(submitted.replayed()))
        .body(Map.of("dealId", deal.id(), "status", deal.status().name()));
  }

  /** A partner registers for itself; staff (partner managers, admins) name the partner. */
  private String registeringPartner(DealRegistrationRequest request) {
    String own = caller.partnerId();
    if (own != null) {
      if (request.partnerId() != null && !request.partnerId().equals(own)) {
        throw new InvalidRequestException("partnerId", "must be your own partner id or left out");
      }
      return own;
    }
    caller.requireGroup(StaffGroups.PARTNER_MANAGERS, StaffGroups.ADMIN);
    if (request.partnerId() == null) {
      throw new InvalidRequestException("partnerId", "is required when staff register on a partner's behalf");
    }
    return request.partnerId();
  }

  /** Staff: any partner's registrations; a partner: its own only (SPEC §4 second release). Newest first. */
  @GetMapping("/deal-registrations")
  Page<DealView> registrations(@RequestParam(required = false) String partnerId,
      @RequestParam(required = false) String status, @RequestParam(required = false) String page,
      @RequestParam(required = false) String size) {
    ListQuery query = ListQuery.of(page, size);
    DealStatus wanted = query.filter("status", status, DealStatus.class);
    String partner = query.filter("partnerId", partnerId, "^P-[A-Z0-9]{1,30}$", "must be a partner id such as P-1A2B");
    String own = caller.partnerId();
    if (own != null) {
      if (partner != null && !partner.equals(own)) {
        throw new InvalidRequestException("partnerId", "must be your own partner id or left out");
      }
      partner = own;
    } else {
      caller.requireStaff();
    }
    query.check();
    boolean staff = caller.isStaff();
    return query.page(deals.count(partner, wanted), deals.list(partner, wanted, query.offset(), query.size())
        .stream().map(d -> DealView.of(d, staff)).toList());
  }

  @GetMapping("/deal-registrations/{id}")
  DealView registration(@PathVariable String id) {
    return DealView.of(visible(id), caller.isStaff());
  }

  @PostMapping("/deal-registrations/{id}/extension-request")
  @ResponseStatus(HttpStatus.ACCEPTED)
  void requestExtension(@PathVariable String id) {
    DealRegistration deal = visible(id);
    if (!deal.partnerId().equals(caller.partnerId())) {
      caller.requireGroup(StaffGroups.PARTNER_MANAGERS, StaffGroups.ADMIN);
    }
    registrations.requestExtension(id);
  }

  @PostMapping(path = "/deal-registrations/{id}/close", consumes = "application/json")
  @ResponseStatus(HttpStatus.ACCEPTED)
  void close(@PathVariable String id, @Valid @RequestBody CloseRequest request) {
    caller.requireGroup(StaffGroups.PARTNER_MANAGERS, StaffGroups.ADMIN);
    registrations.close(id, request.outcome(), request.amount(), request.closedOn());
  }

  @PostMapping(path = "/deal-registrations/{id}/cancellation", consumes = "application/json")
  ResponseEntity<LedgerEntry> cancel(@PathVariable String id, @Valid @RequestBody CancellationRequest request) {
    caller.requireGroup(StaffGroups.PARTNER_MANAGERS, StaffGroups.ADMIN);
    LedgerEntry clawback = payouts.cancel(id, request.cancelledOn(), request.reason().trim());
    return clawback == null ? ResponseEntity.noContent().build() : ResponseEntity.ok(clawback);
  }

  @PostMapping(path = "/direct-opportunities", consumes = "application/json")
  ResponseEntity<Object> directOpportunity(@Valid @RequestBody DirectOpportunityRequest request,
      @RequestHeader(name = Idempotency.HEADER, required = false) String idempotencyKey) {
    caller.requireGroup(StaffGroups.PARTNER_MANAGERS, StaffGroups.ADMIN);
    return idempotency.create(caller.name(), idempotencyKey, "direct-opportunity", request, () -> {
      String id = registrations.createDirectOpportunity(request.customerName(), request.customerDomain(),
          request.owner(), caller.name());
      return Idempotency.Answer.of(HttpStatus.CREATED, id, null, Map.of("opportunityId", id));
    });
  }

  @GetMapping("/partners/{id}/ledger")
  List<LedgerEntry> ledger(@PathVariable String id) {
    if (!caller.maySee(id)) {
      throw new PartnerNotFoundException(id);
    }
    return ledger.forPartner(id);
  }

  /** The registration, if the caller may see it: staff, or its own partner. Otherwise it does not exist for them. */
  private DealRegistration visible(String id) {
    DealRegistration deal = deals.find(id).orElseThrow(() -> new NotFoundException("No deal registration " + id));
    if (!caller.maySee(deal.partnerId())) {
      throw new NotFoundException("No deal registration " + id);
    }
    return deal;
  }

  private String canonical(DealRegistrationRequest request) {
    try {
      return json.writeValueAsString(request);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
