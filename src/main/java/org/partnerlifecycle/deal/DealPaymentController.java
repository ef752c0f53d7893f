package org.partnerlifecycle.deal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.partnerlifecycle.security.Caller;
import org.partnerlifecycle.security.StaffGroups;
import org.partnerlifecycle.web.Idempotency;
import org.partnerlifecycle.web.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/deal-registrations/{id}/payments} (finance): the customer's payment for one contract year of a won
 * deal; that year's revenue share becomes payable after the 30-day refund holdback (SPEC §2 "Paying partners").
 * Answers 201 with the payment and the date the share is payable from. Takes an {@code Idempotency-Key}.
 * {@code GET} lists the deal's payments (staff, the deal's partner).
 */
@RestController
@RequestMapping(path = "/api", produces = "application/json")
class DealPaymentController {

  public record PaymentRequest(@NotNull LocalDate paidOn,
      @NotNull @DecimalMin(value = "0", inclusive = false, message = "must be more than 0")
      @DecimalMax(value = "10000000000", message = "must be at most 10,000,000,000 USD")
      @Digits(integer = 11, fraction = 2, message = "must be USD with at most 2 decimals") BigDecimal amount,
      @NotNull @Min(1) @Max(100) Integer contractYear) {
  }

  private final DealPayouts payouts;
  private final DealRepository deals;
  private final CustomerPayments payments;
  private final Caller caller;
  private final Idempotency idempotency;

  DealPaymentController(DealPayouts payouts, DealRepository deals, CustomerPayments payments, Caller caller,
      Idempotency idempotency) {
    this.payouts = payouts;
    this.deals = deals;
    this.payments = payments;
    this.caller = caller;
    this.idempotency = idempotency;
  }

  @PostMapping(path = "/deal-registrations/{id}/payments", consumes = "application/json")
  ResponseEntity<Object> record(@PathVariable String id, @Valid @RequestBody PaymentRequest request,
      @RequestHeader(name = Idempotency.HEADER, required = false) String idempotencyKey) {
    caller.requireGroup(StaffGroups.FINANCE, StaffGroups.ADMIN);
    deals.find(id).orElseThrow(() -> new NotFoundException("No deal registration " + id));
    Map<String, Object> identity = new LinkedHashMap<>();
    identity.put("dealId", id);
    identity.put("request", request);
    return idempotency.create(caller.name(), idempotencyKey, "customer-payment", identity, () -> {
      CustomerPayment payment = payouts.recordCustomerPayment(id, request.paidOn(), request.amount(),
          request.contractYear(), caller.name());
      return Idempotency.Answer.of(HttpStatus.CREATED, payment.paymentId(),
          URI.create("/api/deal-registrations/" + id + "/payments"), payment);
    });
  }

  @GetMapping("/deal-registrations/{id}/payments")
  List<CustomerPayment> list(@PathVariable String id) {
    DealRegistration deal = deals.find(id).orElseThrow(() -> new NotFoundException("No deal registration " + id));
    if (!caller.maySee(deal.partnerId())) {
      throw new NotFoundException("No deal registration " + id);
    }
    return payments.forDeal(id);
  }
}
