package org.partnerlifecycle.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class TermsCatalogTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static ObjectNode shipped() throws IOException {
    try (InputStream in = TermsCatalogTest.class.getClassLoader().getResourceAsStream("terms/2026-01-01.json")) {
      return (ObjectNode) JSON.readTree(in);
    }
  }

  private static void assertRefused(Consumer<ObjectNode> edit, String cell, String reason) throws IOException {
    ObjectNode terms = shipped();
    edit.accept(terms);
    assertThatThrownBy(() -> TermsCatalog.fromJson("broken.json", terms.toString()))
        .isInstanceOf(TermsValidationException.class)
        .hasMessageContaining("broken.json").hasMessageContaining(cell).hasMessageContaining(reason);
  }

  @Test
  void theShippedTermsLoad() {
    assertThat(Terms.CATALOG.all()).extracting(ProgramTerms::version).containsExactly("2026-01-01");
    assertThat(Terms.V2026.dealRegistration().reviewSlaHours()).isEqualTo(24);
    assertThat(Terms.V2026.dealRegistration().protectionDays()).isEqualTo(30);
    assertThat(Terms.V2026.warningCurePeriodDays()).isEqualTo(30);
    assertThat(Terms.V2026.volumeLicenceMonths()).isEqualTo(12);
  }

  @Test
  void aMissingCellIsNamed() throws IOException {
    assertRefused(t -> ((ObjectNode) t.path("revenueThresholds").path("OEM")).remove("STRATEGIC"),
        "revenueThresholds.OEM.STRATEGIC", "missing");
    assertRefused(t -> ((ObjectNode) t.path("incentives").path("RENEWAL").path("FULL_RESELLER")).remove("GROWTH"),
        "incentives.RENEWAL.FULL_RESELLER.GROWTH", "missing");
  }

  @Test
  void aNegativeOrImpossibleRateIsRefused() throws IOException {
    assertRefused(t -> ((ObjectNode) t.path("incentives").path("NEW").path("REFERRAL").path("GROWTH"))
        .put("percent", -10), "incentives.NEW.REFERRAL.GROWTH.percent", "negative");
    assertRefused(t -> ((ObjectNode) t.path("incentives").path("NEW").path("REFERRAL").path("GROWTH"))
        .put("percent", 150), "incentives.NEW.REFERRAL.GROWTH.percent", "above 100");
  }

  @Test
  void thresholdsOutOfOrderAreRefused() throws IOException {
    assertRefused(t -> ((ObjectNode) t.path("revenueThresholds").path("REFERRAL")).put("STRATEGIC", 50000),
        "revenueThresholds.REFERRAL.STRATEGIC", "not above the GROWTH threshold");
    assertRefused(t -> ((ObjectNode) t.path("clawback").path("bands").path(2)).put("fromDay", 20),
        "clawback.bands[2].fromDay", "out of order");
  }

  @Test
  void unknownNamesAndBrokenSumsAreRefused() throws IOException {
    assertRefused(t -> ((ObjectNode) t.path("motionsByTier")).putArray("FOUNDATION").add("DISTRIBUTOR"),
        "motionsByTier.FOUNDATION", "unknown Motion 'DISTRIBUTOR'");
    assertRefused(t -> ((ObjectNode) t.path("health").path("fit")).put("max", 15), "health", "not 100");
    assertRefused(t -> ((ObjectNode) t.path("incentives").path("NEW").path("OEM").path("FOUNDATION"))
        .put("kind", "REVENUE_SHARE"), "incentives.NEW.OEM.FOUNDATION", "must be NOT_ELIGIBLE");
  }

  @Test
  void aDecisionUsesTheTermsInEffectOnItsDateAndOlderDealsKeepTheirs() throws IOException {
    ObjectNode next = shipped();
    next.put("version", "2027-01-01").put("effectiveFrom", "2027-01-01");
    ((ObjectNode) next.path("incentives").path("NEW").path("REFERRAL").path("GROWTH")).put("percent", 12);
    TermsCatalog catalog = new TermsCatalog(List.of(Terms.V2026, TermsCatalog.fromJson("2027-01-01.json",
        next.toString())));
    assertThat(catalog.effectiveOn(LocalDate.parse("2026-12-31")).version()).isEqualTo("2026-01-01");
    assertThat(catalog.effectiveOn(LocalDate.parse("2027-01-01")).version()).isEqualTo("2027-01-01");
    ProgramTerms dealsTerms = catalog.version("2026-01-01");
    assertThat(IncentiveRules.rateFor(dealsTerms, Tier.GROWTH, Motion.REFERRAL, DealType.NEW,
        LicenseType.SUBSCRIPTION, Attribution.SOURCED).value().percent()).isEqualByComparingTo("10");
    assertThatThrownBy(() -> catalog.effectiveOn(LocalDate.parse("2025-06-01"))).hasMessageContaining("No program terms");
  }
}
