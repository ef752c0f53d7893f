package org.partnerlifecycle.lead;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.partnerlifecycle.web.Idempotency;
import org.partnerlifecycle.web.Idempotency.Answer;
import org.partnerlifecycle.web.InputPatterns;
import org.partnerlifecycle.web.InvalidRequestException;
import org.partnerlifecycle.web.NotFoundException;
import org.partnerlifecycle.partner.PartnerRepository;
import org.partnerlifecycle.partner.PartnerStatus;
import org.partnerlifecycle.security.Caller;
import org.partnerlifecycle.security.StaffGroups;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Leads and the published fairness report (seed 002 items 3–7). */
@RestController
@RequestMapping(path = "/api/leads", produces = "application/json")
class LeadController {

  public record LeadRequest(
      @NotBlank @Size(max = 200) @Pattern(regexp = InputPatterns.PLAIN_TEXT, message = InputPatterns.PLAIN_TEXT_MESSAGE)
      String companyName,
      @NotBlank @Size(max = 253) @Pattern(regexp = InputPatterns.DOMAIN, message = InputPatterns.DOMAIN_MESSAGE)
      String customerDomain,
      @NotBlank @Pattern(regexp = "NA|EMEA|APAC|LATAM", message = "must be one of NA, EMEA, APAC, LATAM")
      String region,
      @NotNull LeadCategory category) {
  }

  private final LeadRoutingService leads;
  private final PartnerRepository partners;
  private final Caller caller;
  private final Idempotency idempotency;

  LeadController(LeadRoutingService leads, PartnerRepository partners, Caller caller,
      Idempotency idempotency) {
    this.leads = leads;
    this.partners = partners;
    this.caller = caller;
    this.idempotency = idempotency;
  }

  @PostMapping(consumes = "application/json")
  ResponseEntity<Object> create(@Valid @RequestBody LeadRequest request,
      @RequestHeader(name = Idempotency.HEADER, required = false) String idempotencyKey) {
    caller.requireGroup(StaffGroups.PARTNER_MANAGERS, StaffGroups.ADMIN);
    return idempotency.create(caller.name(), idempotencyKey, "lead", request, () -> {
      LeadRoutingService.Offer offer = leads.create(request.companyName().trim(), request.customerDomain().trim(),
          request.region(), request.category(), caller.name());
      return Answer.of(HttpStatus.CREATED, offer.leadId(), null, offer);
    });
  }

  /**
   * Staff: all leads by {@link LeadStatus}. A partner: the leads offered to it, {@code status} being the offer's
   * {@link OfferOutcome} ({@code OFFERED} = waiting for its answer until {@code offerExpiresAt}).
   */
  @GetMapping
  org.partnerlifecycle.web.Page<LeadView> list(@RequestParam(required = false) String status,
      @RequestParam(required = false) String page, @RequestParam(required = false) String size) {
    org.partnerlifecycle.web.ListQuery query = org.partnerlifecycle.web.ListQuery.of(page, size);
    String partnerId = caller.partnerId();
    if (partnerId != null) {
      OfferOutcome outcome = query.filter("status", status, OfferOutcome.class);
      query.check();
      return leads.offersTo(partnerId, outcome, query);
    }
    caller.requireStaff();
    LeadStatus wanted = query.filter("status", status, LeadStatus.class);
    query.check();
    return leads.list(wanted, query);
  }

  @PostMapping("/{id}/accept")
  @ResponseStatus(HttpStatus.ACCEPTED)
  void accept(@PathVariable String id) {
    leads.answer(id, assignedPartner(id), true);
  }

  @PostMapping("/{id}/decline")
  @ResponseStatus(HttpStatus.ACCEPTED)
  void decline(@PathVariable String id) {
    leads.answer(id, assignedPartner(id), false);
  }

  /** Only the partner the lead is offered to answers it; to anyone else the lead does not exist. */
  private String assignedPartner(String leadId) {
    String partnerId = caller.partnerId();
    if (partnerId == null) {
      throw new NotFoundException("No lead " + leadId + " offered to you");
    }
    return partnerId;
  }

  /** Aggregates only; staff, and ACTIVE partners with their key. {@code from}/{@code to}: ISO dates, [from, to). */
  @GetMapping("/transparency")
  TransparencyReport transparency(@RequestParam String from, @RequestParam String to) {
    String partnerId = caller.partnerId();
    if (partnerId != null) {
      if (partners.get(partnerId).status() != PartnerStatus.ACTIVE) {
        throw new AccessDeniedException("Only ACTIVE partners read the transparency report");
      }
    } else {
      caller.requireStaff();
    }
    Instant start = date("from", from);
    Instant end = date("to", to);
    if (!end.isAfter(start)) {
      throw new InvalidRequestException("to", "must be after from");
    }
    return new TransparencyReport(from, to, leads.transparency(start, end));
  }

  /** The report of offers in [from, to). */
  record TransparencyReport(String from, String to, List<TransparencyLine> rows) {
  }

  private static Instant date(String parameter, String value) {
    try {
      return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
    } catch (java.time.format.DateTimeParseException e) {
      throw new InvalidRequestException(parameter, "must be an ISO date such as 2026-01-31");
    }
  }
}
