package org.partnerlifecycle.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.partnerlifecycle.rules.RegistrationRules.FieldIssue;

/** The registration shape (contracted motion, add-on seats, volume term) and the downgrade adjustment, as pure rules. */
class Issue23RulesTest {

  private final ProgramTerms terms = Terms.V2026;

  private List<String> fields(List<FieldIssue> issues) {
    return issues.stream().map(FieldIssue::field).toList();
  }

  @Test
  void aRegistrationUnderAMotionThePartnerDidNotContractIsRefused() {
    assertThat(fields(RegistrationRules.check(terms, List.of(Motion.ASSISTED_RESELLER), Motion.OEM, DealType.NEW,
        LicenseType.SUBSCRIPTION, 12, null, null, null))).containsExactly("motion");
    assertThat(RegistrationRules.check(terms, List.of(Motion.ASSISTED_RESELLER, Motion.OEM), Motion.OEM,
        DealType.NEW, LicenseType.SUBSCRIPTION, 12, null, null, null)).isEmpty();
  }

  /** Seed 003 line 50: Volume "lasts for 12 months from the date of purchase". */
  @Test
  void aVolumeLicenceLasts12Months() {
    assertThat(fields(RegistrationRules.check(terms, List.of(Motion.REFERRAL), Motion.REFERRAL, DealType.NEW,
        LicenseType.VOLUME, 24, null, null, null))).containsExactly("termMonths");
    assertThat(RegistrationRules.check(terms, List.of(Motion.REFERRAL), Motion.REFERRAL, DealType.NEW,
        LicenseType.VOLUME, 12, null, null, null)).isEmpty();
  }

  @Test
  void addOnSeatsAreRequiredForAddOnsOnlyAndProrateTo6000() {
    assertThat(fields(RegistrationRules.check(terms, List.of(Motion.REFERRAL), Motion.REFERRAL, DealType.ADD_ON,
        LicenseType.SUBSCRIPTION, 12, null, null, null))).containsExactly("seats", "unitPrice", "remainingMonths");
    assertThat(fields(RegistrationRules.check(terms, List.of(Motion.REFERRAL), Motion.REFERRAL, DealType.RENEWAL,
        LicenseType.SUBSCRIPTION, 12, 10, BigDecimal.TEN, 6))).containsExactly("seats", "unitPrice",
        "remainingMonths");
    assertThat(RegistrationRules.check(terms, List.of(Motion.REFERRAL), Motion.REFERRAL, DealType.ADD_ON,
        LicenseType.SUBSCRIPTION, 12, 10, new BigDecimal("1200"), 6)).isEmpty();
    // Seed 003 line 46: "proportional to the time that remains": 10 × $1,200 × 6/12 = $6,000.
    assertThat(PayoutRules.addOnProration(terms, 10, new BigDecimal("1200"), 6, 12).value())
        .isEqualByComparingTo("6000.00");
  }

  /** Seed 001 line 1976: "Customer downgrades → Adjust commission", pro rata. */
  @Test
  void aDowngradeAdjustsTheCommissionProRata() {
    LocalDate closed = LocalDate.parse("2026-01-01");
    // Half the contract given up from the close: half the $4,800 back.
    assertThat(PayoutRules.downgradeAdjustment(terms, new BigDecimal("4800"), new BigDecimal("48000"),
        new BigDecimal("48000"), new BigDecimal("24000"), closed, 12, closed).value()).isEqualByComparingTo("2400.00");
    // Half the contract given up with 185 of 365 days left (from 30 June): $2,400 × 185/365 = $1,216.44.
    assertThat(PayoutRules.downgradeAdjustment(terms, new BigDecimal("4800"), new BigDecimal("48000"),
        new BigDecimal("48000"), new BigDecimal("24000"), closed, 12, LocalDate.parse("2026-06-30")).value())
        .isEqualByComparingTo("1216.44");
    // After the commission period, nothing.
    assertThat(PayoutRules.downgradeAdjustment(terms, new BigDecimal("4800"), new BigDecimal("48000"),
        new BigDecimal("48000"), new BigDecimal("24000"), closed, 12, LocalDate.parse("2027-02-01")).value())
        .isEqualByComparingTo("0.00");
    assertThatThrownBy(() -> PayoutRules.downgradeAdjustment(terms, new BigDecimal("4800"), new BigDecimal("48000"),
        new BigDecimal("24000"), new BigDecimal("30000"), closed, 12, closed)).hasMessageContaining("newAmount");
  }
}
