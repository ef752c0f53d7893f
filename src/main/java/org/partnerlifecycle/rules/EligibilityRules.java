package org.partnerlifecycle.rules;

import java.util.List;

/** What a tier (and motion) entitles a partner to: motions, products, launch methods, integration, benefits. */
public final class EligibilityRules {

  private EligibilityRules() {
  }

  public static RuleResult<Boolean> motionAllowed(ProgramTerms terms, Tier tier, Motion motion) {
    Args.required("terms", terms);
    Args.required("tier", tier);
    Args.required("motion", motion);
    boolean allowed = terms.motionsByTier().get(tier).contains(motion);
    return Explanation.of("eligibility.motion", terms).input("tier", tier).input("motion", motion)
        .result(allowed, "motionsByTier." + tier, allowed ? "ALLOWED" : "NOT_ELIGIBLE",
            tier + (allowed ? " allows " : " does not allow ") + motion + " (allowed: "
                + terms.motionsByTier().get(tier) + ")");
  }

  public static RuleResult<Boolean> productAllowed(ProgramTerms terms, Tier tier, Motion motion, Product product) {
    Args.required("terms", terms);
    Args.required("tier", tier);
    Args.required("motion", motion);
    Args.required("product", product);
    boolean allowed = terms.products().get(motion).get(tier).contains(product);
    String note = terms.productNotes().containsKey(product) ? " — " + terms.productNotes().get(product) : "";
    return Explanation.of("eligibility.product", terms).input("tier", tier).input("motion", motion)
        .input("product", product)
        .result(allowed, "products." + motion + "." + tier, allowed ? "ALLOWED" : "NOT_ELIGIBLE",
            product + (allowed ? " is" : " is not") + " available to " + tier + " " + motion + " partners (available: "
                + terms.products().get(motion).get(tier) + ")" + (allowed ? note : ""));
  }

  public static RuleResult<List<LaunchMethod>> launchMethods(ProgramTerms terms, Tier tier) {
    Args.required("terms", terms);
    Args.required("tier", tier);
    List<LaunchMethod> methods = terms.launchMethods().get(tier);
    return Explanation.of("eligibility.launchMethods", terms).input("tier", tier)
        .result(methods, "launchMethods." + tier, methods.toString(), tier + " supports " + methods);
  }

  public static RuleResult<List<IntegrationType>> integrationTypes(ProgramTerms terms, Tier tier, Motion motion) {
    Args.required("terms", terms);
    Args.required("tier", tier);
    Args.required("motion", motion);
    List<IntegrationType> types = terms.integrationTypes().get(motion).get(tier);
    String note = terms.integrationTypeNotes().getOrDefault(motion, "");
    return Explanation.of("eligibility.integrationTypes", terms).input("tier", tier).input("motion", motion)
        .result(types, "integrationTypes." + motion + "." + tier, types.toString(),
            tier + " " + motion + " integrates by " + types + (note.isEmpty() ? "" : " (" + note + ")"));
  }

  public static RuleResult<ProgramTerms.IntegrationSupport> integrationSupport(ProgramTerms terms, Tier tier) {
    Args.required("terms", terms);
    Args.required("tier", tier);
    ProgramTerms.IntegrationSupport support = terms.integrationSupport().get(tier);
    String roadmap = support.roadmapAlignmentMonths() == 0 ? "no roadmap alignment meeting"
        : "roadmap alignment meeting every " + support.roadmapAlignmentMonths() + " months";
    return Explanation.of("eligibility.integrationSupport", terms).input("tier", tier)
        .result(support, "integrationSupport." + tier, support.support().toString(),
            tier + " integration support: " + support.support() + ", project management "
                + support.projectManagement() + ", " + roadmap);
  }

  public static RuleResult<List<String>> benefits(ProgramTerms terms, Tier tier) {
    Args.required("terms", terms);
    Args.required("tier", tier);
    List<String> benefits = terms.benefits().get(tier);
    return Explanation.of("eligibility.benefits", terms).input("tier", tier)
        .result(benefits, "benefits." + tier, benefits.size() + " benefits", tier + " benefits: " + benefits);
  }

  /**
   * The motion a partner works under at a (new) tier: its own when the tier allows it, otherwise REFERRAL, the
   * only motion FOUNDATION allows (a reseller or OEM partner falling to FOUNDATION continues as a referrer).
   */
  public static RuleResult<Motion> motionAfterTierChange(ProgramTerms terms, Tier tier, Motion motion) {
    Args.required("terms", terms);
    Args.required("tier", tier);
    Args.required("motion", motion);
    boolean allowed = terms.motionsByTier().get(tier).contains(motion);
    Motion result = allowed ? motion : Motion.REFERRAL;
    return Explanation.of("eligibility.motionAtTier", terms).input("tier", tier).input("motion", motion)
        .result(result, "motionsByTier." + tier, result.name(), allowed ? tier + " allows " + motion
            : tier + " does not allow " + motion + " (allowed: " + terms.motionsByTier().get(tier)
                + "): the partner continues under the REFERRAL motion");
  }
}
