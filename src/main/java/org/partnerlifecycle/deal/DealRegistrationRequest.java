package org.partnerlifecycle.deal;

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
import org.partnerlifecycle.web.InputPatterns;

/**
 * {@code POST /api/deal-registrations}. {@code partnerId} is for staff registering on a partner's behalf; a partner
 * registers for itself and may omit it. Amounts are USD; an estimate above $10 billion is refused as absurd.
 * {@code seats}, {@code unitPrice} (per seat per term) and {@code remainingMonths} belong to an ADD_ON registration
 * only (purchasing guide, seed 003 line 46: "proportional to the time that remains in the subscription's term").
 */
public record DealRegistrationRequest(
    @Size(max = 40) @Pattern(regexp = "^P-[A-Z0-9]{1,30}$", message = "must be a partner id such as P-1A2B3C")
    String partnerId,
    @NotBlank @Size(max = 200) @Pattern(regexp = InputPatterns.PLAIN_TEXT, message = InputPatterns.PLAIN_TEXT_MESSAGE)
    String customerName,
    @NotBlank @Size(max = 253) @Pattern(regexp = InputPatterns.DOMAIN, message = InputPatterns.DOMAIN_MESSAGE)
    String customerDomain,
    @NotBlank @Pattern(regexp = "REFERRAL|ASSISTED_RESELLER|FULL_RESELLER|OEM",
        message = "must be one of REFERRAL, ASSISTED_RESELLER, FULL_RESELLER, OEM")
    String motion,
    @NotBlank @Pattern(regexp = "NEW|RENEWAL|ADD_ON", message = "must be one of NEW, RENEWAL, ADD_ON")
    String dealType,
    @NotBlank @Pattern(regexp = "SUBSCRIPTION|VOLUME|PAY_PER_USE",
        message = "must be one of SUBSCRIPTION, VOLUME, PAY_PER_USE")
    String licenseType,
    @NotBlank @Pattern(regexp = "PLUS|SIMON|ORO", message = "must be one of PLUS, SIMON, ORO")
    String product,
    @NotNull @DecimalMin(value = "0", inclusive = false, message = "must be more than 0")
    @DecimalMax(value = "10000000000", message = "must be at most 10,000,000,000 USD")
    @Digits(integer = 11, fraction = 2, message = "must be USD with at most 2 decimals")
    BigDecimal estimatedValue,
    @NotNull @Min(value = 1, message = "must be at least 1") @Max(value = 120, message = "must be at most 120")
    Integer termMonths,
    @DecimalMin(value = "0", message = "must not be negative") @DecimalMax(value = "100", message = "must be at most 100")
    @Digits(integer = 3, fraction = 2, message = "must be a percent with at most 2 decimals")
    BigDecimal proposedRate,
    @Min(value = 1, message = "must be at least 1") @Max(value = 1000000, message = "must be at most 1,000,000")
    Integer seats,
    @DecimalMin(value = "0", inclusive = false, message = "must be more than 0")
    @DecimalMax(value = "10000000", message = "must be at most 10,000,000 USD")
    @Digits(integer = 8, fraction = 2, message = "must be USD with at most 2 decimals")
    BigDecimal unitPrice,
    @Min(value = 1, message = "must be at least 1") @Max(value = 120, message = "must be at most 120")
    Integer remainingMonths) {

  /** A registration without add-on seats. */
  public DealRegistrationRequest(String partnerId, String customerName, String customerDomain, String motion,
      String dealType, String licenseType, String product, BigDecimal estimatedValue, Integer termMonths,
      BigDecimal proposedRate) {
    this(partnerId, customerName, customerDomain, motion, dealType, licenseType, product, estimatedValue, termMonths,
        proposedRate, null, null, null);
  }
}
