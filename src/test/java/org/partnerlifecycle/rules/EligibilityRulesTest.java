package org.partnerlifecycle.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EligibilityRulesTest {

  private final ProgramTerms terms = Terms.V2026;

  /** Guide §5/§7: Foundation allows the referral motion only; resellers and OEM are "N/A / Not Eligible" there. */
  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource({
      "FOUNDATION, REFERRAL, true", "FOUNDATION, ASSISTED_RESELLER, false", "FOUNDATION, FULL_RESELLER, false",
      "FOUNDATION, OEM, false",
      "GROWTH, REFERRAL, true", "GROWTH, ASSISTED_RESELLER, true", "GROWTH, FULL_RESELLER, true", "GROWTH, OEM, true",
      "STRATEGIC, REFERRAL, true", "STRATEGIC, ASSISTED_RESELLER, true", "STRATEGIC, FULL_RESELLER, true",
      "STRATEGIC, OEM, true"})
  void motionsPerTier(Tier tier, Motion motion, boolean allowed) {
    RuleResult<Boolean> result = EligibilityRules.motionAllowed(terms, tier, motion);
    assertThat(result.value()).isEqualTo(allowed);
    assertThat(result.explanation().cell()).isEqualTo("motionsByTier." + tier);
  }

  /** Guide §8, "Product Engagement Eligibility": every motion × tier × product. */
  @ParameterizedTest(name = "{0} {1}: {2}")
  @CsvSource({
      "REFERRAL,          FOUNDATION, PLUS SIMON ORO",
      "REFERRAL,          GROWTH,     PLUS SIMON ORO",
      "REFERRAL,          STRATEGIC,  PLUS SIMON ORO",
      "ASSISTED_RESELLER, FOUNDATION, ''",
      "ASSISTED_RESELLER, GROWTH,     PLUS SIMON ORO",
      "ASSISTED_RESELLER, STRATEGIC,  PLUS SIMON ORO",
      "FULL_RESELLER,     FOUNDATION, ''",
      "FULL_RESELLER,     GROWTH,     PLUS",
      "FULL_RESELLER,     STRATEGIC,  PLUS",
      "OEM,               FOUNDATION, ''",
      "OEM,               GROWTH,     PLUS",
      "OEM,               STRATEGIC,  PLUS"})
  void productsPerMotionAndTier(Motion motion, Tier tier, String products) {
    List<String> allowed = products.isBlank() ? List.of() : Arrays.asList(products.split(" "));
    for (Product product : Product.values()) {
      RuleResult<Boolean> result = EligibilityRules.productAllowed(terms, tier, motion, product);
      assertThat(result.value()).as(product.name()).isEqualTo(allowed.contains(product.name()));
      assertThat(result.explanation().cell()).isEqualTo("products." + motion + "." + tier);
    }
  }

  @Test
  void oroCarriesTheGuidesApiNote() {
    assertThat(EligibilityRules.productAllowed(terms, Tier.GROWTH, Motion.REFERRAL, Product.ORO).explanation().text())
        .contains("Oro API planned for 2025");
  }

  /** Guide §8, "Supported Launch Methods": SCORM and AICC for all, Launch Links/SSO from Growth. */
  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({"FOUNDATION, SCORM AICC", "GROWTH, SCORM AICC LAUNCH_LINKS_SSO", "STRATEGIC, SCORM AICC LAUNCH_LINKS_SSO"})
  void launchMethodsPerTier(Tier tier, String methods) {
    assertThat(EligibilityRules.launchMethods(terms, tier).value()).extracting(Enum::name)
        .containsExactly(methods.split(" "));
  }

  /** Guide §8, "Integration Type" (reseller and OEM rows span Foundation/Growth and Strategic; Foundation is N/A). */
  @ParameterizedTest(name = "{0} {1}: {2}")
  @CsvSource({
      "REFERRAL,          FOUNDATION, DIRECT_INTEGRATION",
      "REFERRAL,          GROWTH,     DIRECT_INTEGRATION",
      "REFERRAL,          STRATEGIC,  DIRECT_INTEGRATION",
      "ASSISTED_RESELLER, FOUNDATION, ''",
      "ASSISTED_RESELLER, GROWTH,     DIRECT_INTEGRATION GRAPHQL",
      "ASSISTED_RESELLER, STRATEGIC,  DIRECT_INTEGRATION GRAPHQL",
      "FULL_RESELLER,     FOUNDATION, ''",
      "FULL_RESELLER,     GROWTH,     DIRECT_INTEGRATION GRAPHQL",
      "FULL_RESELLER,     STRATEGIC,  DIRECT_INTEGRATION GRAPHQL",
      "OEM,               FOUNDATION, ''",
      "OEM,               GROWTH,     GRAPHQL ENTERPRISE_CONTENT_PLATFORM",
      "OEM,               STRATEGIC,  GRAPHQL ENTERPRISE_CONTENT_PLATFORM"})
  void integrationTypesPerMotionAndTier(Motion motion, Tier tier, String types) {
    List<String> expected = types.isBlank() ? List.of() : Arrays.asList(types.split(" "));
    assertThat(EligibilityRules.integrationTypes(terms, tier, motion).value()).extracting(Enum::name)
        .containsExactlyElementsOf(expected);
  }

  /** Guide §8, "Integration Support": support, project management and roadmap cadence. */
  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "FOUNDATION, Documentation|Office Hours, Not Applicable, 0",
      "GROWTH,     Integration Program Manager, Supervised, 12",
      "STRATEGIC,  Integration Program Manager|Integration Product Manager, Managed, 6"})
  void integrationSupportPerTier(Tier tier, String support, String projectManagement, int roadmapMonths) {
    ProgramTerms.IntegrationSupport actual = EligibilityRules.integrationSupport(terms, tier).value();
    assertThat(actual.support()).containsExactly(support.split("\\|"));
    assertThat(actual.projectManagement()).isEqualTo(projectManagement);
    assertThat(actual.roadmapAlignmentMonths()).isEqualTo(roadmapMonths);
  }

  /** Guide §6 "Partner Benefits", every row, quoted (the Growth/Strategic "Co-sell ... Sales promotions" is two items). */
  @Test
  void benefitsAreTheGuidesListsPerTier() {
    assertThat(EligibilityRules.benefits(terms, Tier.FOUNDATION).value()).containsExactly(
        "Digitally Led",
        "Email-based, reactive partner support", "Strategic Partner Manager Office Hours",
        "New Partner Program Welcome Kit", "New Partner Announcement Kit",
        "PRM Lead Referral/Registration", "Self-Service Co-Marketing Kit", "Partner monthly newsletter subscription",
        "Access to partner resources and opportunities for future growth");
    assertThat(EligibilityRules.benefits(terms, Tier.GROWTH).value()).containsExactly(
        "Managed by Strategic Partner Manager (SPM)",
        "Live, proactive partner support", "Bi-weekly recurring meetings with SPM", "Bi-annual business reviews",
        "New Partner Program Welcome Kit", "Joint PR Partnership Announcement", "Live onboarding session",
        "PRM Lead/Deal Referral/Registration", "Tailored Co-Marketing templates",
        "Event Co-Sponsorship & activations (invite only)", "Partner monthly newsletter subscription",
        "Account Mapping tools", "Co-sell with OpenSesame Sales", "Sales promotions (invite only)",
        "Annual Partner Awards");
    assertThat(EligibilityRules.benefits(terms, Tier.STRATEGIC).value()).containsExactly(
        "Managed by Strategic Partner Manager (SPM)", "Executive Sponsor",
        "Live, proactive partner support", "Weekly recurring meetings with SPM", "Quarterly business reviews",
        "New Partner Program Welcome Kit", "Joint PR Partnership Announcement", "Enhanced onboarding support",
        "Sales promotions and success enablement", "PRM Lead/Deal Referral/Registration", "Custom Co-Marketing",
        "Event Co-Sponsorship & activations (invite only)", "Partner monthly newsletter subscription",
        "Account Mapping tools", "Co-sell with OpenSesame Sales", "Sales promotions (invite only)",
        "OpenSesame CS enablement opportunities (invite only)",
        "Annual Customer Success Story Featured in OpenSesame.com Partner Page",
        "OpenSesame Sales Kickoff", "Annual Partner Roundtable/Advisory Board", "Industry award collaborations");
  }

  @Test
  void integrationExplanationsCarryTheGuidesNotes() {
    assertThat(EligibilityRules.integrationTypes(terms, Tier.GROWTH, Motion.FULL_RESELLER).explanation().text())
        .contains("GraphQL (full catalog build, OpenSesame branding)");
    assertThat(EligibilityRules.integrationSupport(terms, Tier.FOUNDATION).explanation().text())
        .contains("no roadmap alignment meeting");
    assertThat(EligibilityRules.integrationSupport(terms, Tier.STRATEGIC).explanation().text())
        .contains("roadmap alignment meeting every 6 months");
  }

  @ParameterizedTest(name = "{1} at {0} -> {2}")
  @CsvSource({
      "FOUNDATION, REFERRAL, REFERRAL", "FOUNDATION, ASSISTED_RESELLER, REFERRAL", "FOUNDATION, FULL_RESELLER, REFERRAL",
      "FOUNDATION, OEM, REFERRAL", "GROWTH, OEM, OEM", "STRATEGIC, FULL_RESELLER, FULL_RESELLER"})
  void aResellerOrOemFallingToFoundationContinuesAsReferral(Tier tier, Motion motion, Motion expected) {
    RuleResult<Motion> result = EligibilityRules.motionAfterTierChange(terms, tier, motion);
    assertThat(result.value()).isEqualTo(expected);
    if (expected != motion) {
      assertThat(result.explanation().text()).contains("continues under the REFERRAL motion");
    }
  }
}
