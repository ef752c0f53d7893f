package org.partnerlifecycle.deal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.partnerlifecycle.security.Caller;
import org.partnerlifecycle.security.StaffGroups;
import org.partnerlifecycle.web.Idempotency;
import org.partnerlifecycle.web.InputPatterns;
import org.partnerlifecycle.web.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/deal-registrations/{id}/adjustment} (staff): a customer downgrade adjusts the commission pro rata
 * (playbook clawback table, seed 001 line 1976). Answers 201 with the ADJUSTMENT ledger entry, or 200 with
 * {@code adjustment: null} when nothing was paid to adjust (a reseller's discount). Takes an {@code Idempotency-Key}.
 */
@RestController
@RequestMapping(path = "/api", produces = "application/json")
class DealAdjustmentController {

  public record AdjustmentRequest(
      @NotNull @DecimalMin(value = "0", message = "must not be negative")
      @DecimalMax(value = "10000000000", message = "must be at most 10,000,000,000 USD")
      @Digits(integer = 11, fraction = 2, message = "must be USD with at most 2 decimals") BigDecimal newAmount,
      @NotNull LocalDate effectiveOn,
      @NotBlank @Size(max = 2000) @Pattern(regexp = InputPatterns.PLAIN_TEXT, message = InputPatterns.PLAIN_TEXT_MESSAGE)
      String reason) {
  }

  private final DealPayouts payouts;
  private final DealRepository deals;
  private final Caller caller;
  private final Idempotency idempotency;

  DealAdjustmentController(DealPayouts payouts, DealRepository deals, Caller caller, Idempotency idempotency) {
    this.payouts = payouts;
    this.deals = deals;
    this.caller = caller;
    this.idempotency = idempotency;
  }

  /** A downgrade's answer: the ADJUSTMENT entry booked, or why nothing was booked. */
  @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
  record Adjusted(String dealId, BigDecimal newAmount, LedgerEntry adjustment, String explanation) {
  }

  @PostMapping(path = "/deal-registrations/{id}/adjustment", consumes = "application/json")
  @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "201", description = "The adjustment booked",
      content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/json",
          schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = Adjusted.class)))
  @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "Nothing to adjust "
      + "(no revenue share was paid), with the explanation",
      content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/json",
          schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = Adjusted.class)))
  ResponseEntity<Object> adjust(@PathVariable String id, @Valid @RequestBody AdjustmentRequest request,
      @RequestHeader(name = Idempotency.HEADER, required = false) String idempotencyKey) {
    caller.requireGroup(StaffGroups.PARTNER_MANAGERS, StaffGroups.ADMIN);
    deals.find(id).orElseThrow(() -> new NotFoundException("No deal registration " + id));
    Map<String, Object> identity = new LinkedHashMap<>();
    identity.put("dealId", id);
    identity.put("request", request);
    return idempotency.create(caller.name(), idempotencyKey, "deal-adjustment", identity, () -> {
      LedgerEntry entry = payouts.adjust(id, request.newAmount(), request.effectiveOn(), request.reason().trim());
      Adjusted body = new Adjusted(id, request.newAmount(), entry, entry != null ? null
          : "Nothing to adjust: no revenue share was paid on this deal (a reseller's discount is never paid out)");
      return Idempotency.Answer.of(entry == null ? HttpStatus.OK : HttpStatus.CREATED,
          entry == null ? id : Long.toString(entry.id()), null, body);
    });
  }
}
