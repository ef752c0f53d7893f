package org.partnerlifecycle.mdf;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.partnerlifecycle.partner.PartnerNotFoundException;
import org.partnerlifecycle.rules.MdfUse;
import org.partnerlifecycle.security.Caller;
import org.partnerlifecycle.security.StaffGroups;
import org.partnerlifecycle.web.Idempotency;
import org.partnerlifecycle.web.Idempotency.Answer;
import org.partnerlifecycle.web.InputPatterns;
import org.partnerlifecycle.web.InvalidRequestException;
import org.partnerlifecycle.web.NotFoundException;
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

/**
 * Market development funds (SPEC §4): a partner requests and claims its own; staff and the owner read a request
 * (anyone else is told it does not exist); finance records reimbursements paid; leadership, auditors and admins
 * read the ROI.
 */
@RestController
@RequestMapping(path = "/api", produces = "application/json")
class MdfController {

  public record MdfRequestBody(
      @NotBlank @Size(max = 200) @Pattern(regexp = InputPatterns.PLAIN_TEXT, message = InputPatterns.PLAIN_TEXT_MESSAGE)
      String activity,
      @NotNull MdfUse use,
      @NotNull @DecimalMin(value = "0", inclusive = false, message = "must be more than 0")
      @DecimalMax(value = "1000000", message = "must be at most 1,000,000 USD")
      @Digits(integer = 7, fraction = 2, message = "must be USD with at most 2 decimals") BigDecimal amount,
      @NotNull LocalDate plannedOn,
      @NotNull @Min(0) @Max(1000000) Integer expectedLeads) {
  }

  public record ClaimBody(
      @NotNull @DecimalMin(value = "0", inclusive = false, message = "must be more than 0")
      @DecimalMax(value = "1000000", message = "must be at most 1,000,000 USD")
      @Digits(integer = 7, fraction = 2, message = "must be USD with at most 2 decimals") BigDecimal receiptAmount,
      @NotNull @Min(0) @Max(1000000) Integer leadsGenerated,
      @NotNull @DecimalMin(value = "0", message = "must not be negative")
      @DecimalMax(value = "10000000000", message = "must be at most 10,000,000,000 USD")
      @Digits(integer = 11, fraction = 2, message = "must be USD with at most 2 decimals") BigDecimal pipelineValue,
      @NotBlank @Size(max = 2000)
      @Pattern(regexp = InputPatterns.PLAIN_TEXT, message = InputPatterns.PLAIN_TEXT_MESSAGE) String evidenceNote) {
  }

  public record PaymentBody(@NotNull LocalDate paidOn,
      @NotBlank @Size(max = 200) @Pattern(regexp = InputPatterns.PLAIN_TEXT, message = InputPatterns.PLAIN_TEXT_MESSAGE)
      String reference) {
  }

  private final MdfService mdf;
  private final Caller caller;
  private final Idempotency idempotency;

  MdfController(MdfService mdf, Caller caller, Idempotency idempotency) {
    this.mdf = mdf;
    this.caller = caller;
    this.idempotency = idempotency;
  }

  /**
   * A partner requests MDF for itself: 201 with the request's status. A request the terms refuse (FOUNDATION, beyond
   * the quarterly cap or the annual budget) is kept as REFUSED, with the reason and the amount left.
   */
  @PostMapping(path = "/mdf-requests", consumes = "application/json")
  ResponseEntity<Object> request(@Valid @RequestBody MdfRequestBody body,
      @RequestHeader(name = Idempotency.HEADER, required = false) String idempotencyKey) {
    String partnerId = caller.partnerId();
    if (partnerId == null) {
      throw new AccessDeniedException("Only a partner requests MDF, for itself");
    }
    return idempotency.create(caller.name(), idempotencyKey, "mdf-request", Map.of("body", body), () -> {
      MdfRequest request = mdf.submit(partnerId, new MdfService.NewRequest(body.activity().trim(), body.use(),
          body.amount(), body.plannedOn(), body.expectedLeads()), caller.name());
      Map<String, Object> answer = new LinkedHashMap<>();
      answer.put("requestId", request.id());
      answer.put("status", request.status());
      answer.put("period", request.period());
      if (request.status() == MdfStatus.REFUSED) {
        answer.put("refusal", request.refusal());
        answer.put("reason", request.decisionReason());
      }
      answer.put("amountLeft", request.amountLeft());
      return Answer.of(HttpStatus.CREATED, request.id(), URI.create("/api/mdf-requests/" + request.id()), answer);
    });
  }

  @GetMapping("/mdf-requests/{id}")
  MdfViews.RequestView get(@PathVariable String id) {
    return mdf.view(visible(id));
  }

  /** The owner claims its approved request. */
  @PostMapping(path = "/mdf-requests/{id}/claim", consumes = "application/json")
  @ResponseStatus(HttpStatus.ACCEPTED)
  void claim(@PathVariable String id, @Valid @RequestBody ClaimBody body) {
    MdfRequest request = visible(id);
    if (!request.partnerId().equals(caller.partnerId())) {
      throw new AccessDeniedException("Only the partner that requested the funds claims them");
    }
    mdf.claim(id, body.receiptAmount(), body.leadsGenerated(), body.pipelineValue(), body.evidenceNote().trim(),
        caller.name());
  }

  /** Finance records the reimbursement's payment. */
  @PostMapping(path = "/mdf-requests/{id}/reimbursement-payment", consumes = "application/json")
  @ResponseStatus(HttpStatus.ACCEPTED)
  void payment(@PathVariable String id, @Valid @RequestBody PaymentBody body) {
    visible(id);
    caller.requireGroup(StaffGroups.FINANCE, StaffGroups.ADMIN);
    mdf.recordPayment(id, body.paidOn(), body.reference().trim(), caller.name());
  }

  /** Budget, reserved, claimed, paid and remaining, this quarter and this year; the reimbursements. */
  @GetMapping("/partners/{id}/mdf")
  MdfViews.Funds funds(@PathVariable String id) {
    if (!caller.maySee(id)) {
      throw new PartnerNotFoundException(id);
    }
    return mdf.funds(id);
  }

  /** MDF spent against the leads and pipeline reported, for claims approved in [from, to] (default: this fiscal
   * year to today). */
  @GetMapping("/program/mdf-roi")
  MdfViews.Roi roi(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
    caller.requireGroup(StaffGroups.LEADERSHIP, StaffGroups.AUDITORS, StaffGroups.ADMIN);
    return mdf.roi(from == null ? null : date("from", from), to == null ? null : date("to", to));
  }

  private MdfRequest visible(String id) {
    MdfRequest request = mdf.find(id).orElseThrow(() -> new NotFoundException("No MDF request " + id));
    if (!caller.maySee(request.partnerId())) {
      throw new NotFoundException("No MDF request " + id);
    }
    return request;
  }

  private static LocalDate date(String parameter, String value) {
    try {
      return LocalDate.parse(value);
    } catch (java.time.format.DateTimeParseException e) {
      throw new InvalidRequestException(parameter, "must be an ISO date such as 2026-01-31");
    }
  }
}
