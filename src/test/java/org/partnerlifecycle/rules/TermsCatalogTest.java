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
    assertThat(Terms.CATALOG.all()).extracting(ProgramTerms::version).containsExactly("2026-01-01", "2026-12-01");
    assertThat(Terms.CATALOG.effectiveOn(LocalDate.parse("2026-11-30")).version()).isEqualTo("2026-01-01");
    assertThat(Terms.CATALOG.effectiveOn(LocalDate.parse("2026-12-01")).version()).isEqualTo("2026-12-01");
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
    assertRefused(t -> ((ObjectNode) t.path("health").path("weights")).put("FIT", 15), "health.weights",
        "add up to 105, not 100");
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

  @Test
  void unknownKeysAreRefusedNotIgnored() throws IOException {
    assertRefused(t -> ((ObjectNode) t.path("revenueThresholds")).putObject("DISTRIBUTOR"),
        "revenueThresholds.DISTRIBUTOR", "unknown Motion 'DISTRIBUTOR'");
    assertRefused(t -> ((ObjectNode) t.path("revenueThresholds").path("REFERRAL")).put("FOUNDATION", 1),
        "revenueThresholds.REFERRAL.FOUNDATION", "FOUNDATION has no threshold");
    assertRefused(t -> ((ObjectNode) t.path("products").path("OEM")).putArray("PLATINUM"),
        "products.OEM.PLATINUM", "unknown Tier 'PLATINUM'");
    assertRefused(t -> ((ObjectNode) t.path("products").path("OEM")).putArray("GROWTH").add("MAX"),
        "products.OEM.GROWTH", "unknown Product 'MAX'");
    assertRefused(t -> ((ObjectNode) t.path("launchMethods")).putArray("GROWTH").add("LTI"),
        "launchMethods.GROWTH", "unknown LaunchMethod 'LTI'");
    assertRefused(t -> ((ObjectNode) t.path("incentives").path("NEW")).putObject("AFFILIATE"),
        "incentives.NEW.AFFILIATE", "unknown Motion 'AFFILIATE'");
  }

  @Test
  void negativeThresholdsAndBrokenCellsAreRefused() throws IOException {
    assertRefused(t -> ((ObjectNode) t.path("revenueThresholds").path("OEM")).put("GROWTH", -1),
        "revenueThresholds.OEM.GROWTH", "must not be negative");
    assertRefused(t -> ((ObjectNode) t.path("revenueThresholds").path("OEM")).put("STRATEGIC", 1000000),
        "revenueThresholds.OEM.STRATEGIC", "not above the GROWTH threshold");
    assertRefused(t -> ((ObjectNode) t.path("incentives").path("NEW").path("OEM").path("GROWTH"))
        .put("negotiated", false), "incentives.NEW.OEM.GROWTH.negotiated", "always negotiated");
    assertRefused(t -> ((ObjectNode) t.path("incentives").path("NEW").path("REFERRAL").path("GROWTH"))
        .put("term", "FOREVER"), "incentives.NEW.REFERRAL.GROWTH.term", "unknown term 'FOREVER'");
    assertRefused(t -> ((ObjectNode) t.path("incentives").path("NEW").path("REFERRAL").path("GROWTH"))
        .remove("percent"), "incentives.NEW.REFERRAL.GROWTH.percent", "missing");
    assertRefused(t -> ((ObjectNode) t.path("attributionPercent")).put("INFLUENCED", 101),
        "attributionPercent.INFLUENCED", "above 100");
    assertRefused(t -> ((ObjectNode) t.path("participationStandards").path("STRATEGIC"))
        .put("certifiedFieldPercent", 120), "participationStandards.STRATEGIC.certifiedFieldPercent", "at most 100");
  }

  @Test
  void healthBandsAndWeightsAreChecked() throws IOException {
    assertRefused(t -> ((ObjectNode) t.path("health").path("bands").path(1)).put("min", 85),
        "health.bands[1].min", "out of order");
    assertRefused(t -> ((ObjectNode) t.path("health").path("bands").path(4)).put("min", 5),
        "health.bands", "the last band must start at 0");
    assertRefused(t -> ((ObjectNode) t.path("health").path("weights")).put("MOOD", 0),
        "health.weights.MOOD", "unknown HealthFactor 'MOOD'");
    assertRefused(t -> ((ObjectNode) t.path("health").path("indicatorPoints").path("FIT")).put("STRONG", 11),
        "health.indicatorPoints.FIT.STRONG", "exceed the factor's weight 10");
  }

  @Test
  void notJsonIsRefusedWithTheFileName() {
    assertThatThrownBy(() -> TermsCatalog.fromJson("garbled.json", "{ not json"))
        .isInstanceOf(TermsValidationException.class).hasMessageContaining("garbled.json")
        .hasMessageContaining("not valid JSON");
  }

  @Test
  void decimalRatesAreReadExactly() throws IOException {
    ObjectNode terms = shipped();
    ((ObjectNode) terms.path("incentives").path("NEW").path("REFERRAL").path("GROWTH")).put("percent",
        new java.math.BigDecimal("12.35"));
    ProgramTerms parsed = TermsCatalog.fromJson("decimal.json", terms.toString());
    assertThat(parsed.incentives().get("NEW").get(Motion.REFERRAL).get(Tier.GROWTH).percent())
        .isEqualTo(new java.math.BigDecimal("12.35"));
  }

  @Test
  void currentReadsTheClock() {
    java.time.Clock jan2026 = java.time.Clock.fixed(java.time.Instant.parse("2026-03-01T10:00:00Z"),
        java.time.ZoneOffset.UTC);
    assertThat(Terms.CATALOG.current(jan2026).version()).isEqualTo("2026-01-01");
    assertThat(Terms.CATALOG.current(jan2026).effectiveFrom()).isEqualTo(LocalDate.parse("2026-01-01"));
  }

  @Test
  void twoFilesForOneDayAreRefused() throws IOException {
    ObjectNode copy = shipped();
    copy.put("version", "2026-01-01b");
    assertThatThrownBy(() -> new TermsCatalog(List.of(Terms.V2026, TermsCatalog.fromJson("b.json", copy.toString()))))
        .isInstanceOf(TermsValidationException.class).hasMessageContaining("effectiveFrom");
  }
}
