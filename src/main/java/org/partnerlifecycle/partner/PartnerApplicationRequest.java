package org.partnerlifecycle.partner;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import org.partnerlifecycle.web.InputPatterns;

/** {@code POST /api/partner-applications}: strict, every field required, unknown fields refused. */
public record PartnerApplicationRequest(
    @NotBlank @Size(max = 200) @Pattern(regexp = InputPatterns.PLAIN_TEXT, message = InputPatterns.PLAIN_TEXT_MESSAGE)
    String companyName,
    @NotBlank @Size(max = 253) @Pattern(regexp = InputPatterns.DOMAIN, message = InputPatterns.DOMAIN_MESSAGE)
    String websiteDomain,
    @NotBlank @Size(max = 200) @Pattern(regexp = InputPatterns.PLAIN_TEXT, message = InputPatterns.PLAIN_TEXT_MESSAGE)
    String contactName,
    @NotBlank @Size(max = 320) @Email(regexp = "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$")
    String contactEmail,
    @NotBlank @Pattern(regexp = "NA|EMEA|APAC|LATAM", message = "must be one of NA, EMEA, APAC, LATAM")
    String region,
    @NotBlank @Pattern(regexp = "REFERRAL|ASSISTED_RESELLER|FULL_RESELLER|OEM",
        message = "must be one of REFERRAL, ASSISTED_RESELLER, FULL_RESELLER, OEM")
    String motion,
    @NotNull @DecimalMin(value = "0", message = "must not be negative")
    @DecimalMax(value = "1000000000000", message = "must be at most 1,000,000,000,000 USD")
    @Digits(integer = 13, fraction = 2, message = "must be USD with at most 2 decimals")
    BigDecimal forecastAnnualRevenue) {
}
