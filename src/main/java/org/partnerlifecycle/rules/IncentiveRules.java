package org.partnerlifecycle.rules;

import java.math.BigDecimal;
import org.partnerlifecycle.rules.ProgramTerms.IncentiveCell;

/**
 * The incentive a deal earns (program guide §7, SPEC §2): new-business or renewal table by motion × tier, then the
 * attribution factor (sourced 100 %, influenced 50 %).
 *
 * <p>Choices: an "N/A" cell (the tier does not allow the motion) is not an exception but a NONE rate with
 * {@code eligible = false}, so the caller can store and show why; ADD_ON seats are new business (the purchasing
 * guide prices them as part of the running subscription, and the guide has no add-on table), read from the NEW
 * table.
 */
public final class IncentiveRules {

  /**
   * A deal's rate. {@code percent} is what the partner earns after attribution; {@code standardPercent} is the
   * table's figure (null where the cell is negotiated without one, as for OEM). {@code term} says what part of the
   * contract the rate applies to: FIRST_12_MONTHS, INITIAL_TERM, RENEWAL_TERM, or null (discounts).
   */
  public record Rate(IncentiveKind kind, BigDecimal percent, BigDecimal standardPercent, boolean negotiated,
      Attribution attribution, String term, boolean eligible) {
  }

  private IncentiveRules() {
  }

  /**
   * The rate of a deal. A FOUNDATION referral's "5% revenue share (Year 1)" carries the FIRST_12_MONTHS term: the
   * payout counts the first 12 months of the customer's contract only (README, "Decisions").
   */
  public static RuleResult<Rate> rateFor(ProgramTerms terms, Tier tier, Motion motion, DealType dealType,
      LicenseType licenseType, Attribution attribution) {
    Args.required("terms", terms);
    Args.required("tier", tier);
    Args.required("motion", motion);
    Args.required("dealType", dealType);
    Args.required("licenseType", licenseType);
    Args.required("attribution", attribution);
    String table = dealType == DealType.RENEWAL ? ProgramTerms.RENEWAL : ProgramTerms.NEW;
    String cellName = "incentives." + table + "." + motion + "." + tier;
    IncentiveCell cell = terms.incentives().get(table).get(motion).get(tier);
    Explanation.Builder why = Explanation.of("incentive.rate", terms).input("tier", tier).input("motion", motion)
        .input("dealType", dealType).input("licenseType", licenseType).input("attribution", attribution);
    String tableName = (table.equals(ProgramTerms.NEW) ? "new-business" : "renewal")
        + (dealType == DealType.ADD_ON ? " (add-on seats count as new business)" : "");

    if (!cell.eligible()) {
      return why.result(new Rate(IncentiveKind.NONE, BigDecimal.ZERO, null, false, attribution, null, false),
          cellName, "NOT_ELIGIBLE", tier + " partners cannot work the " + motion + " motion (" + cell.label() + ")");
    }
    if (motion == Motion.REFERRAL && licenseType == LicenseType.VOLUME) {
      return why.result(new Rate(IncentiveKind.NONE, BigDecimal.ZERO, BigDecimal.ZERO, false, attribution, null, true),
          cellName, "0%", "No revenue share on volume-purchase referrals");
    }
    if ("NONE".equals(cell.kind())) {
      return why.result(new Rate(IncentiveKind.NONE, BigDecimal.ZERO, BigDecimal.ZERO, false, attribution, null, true),
          cellName, "0%", tier + " " + motion + " " + tableName + ": " + cell.label());
    }
    IncentiveKind kind = IncentiveKind.valueOf(cell.kind());
    BigDecimal factor = terms.attributionPercent().get(attribution);
    BigDecimal effective = cell.percent() == null ? null
        : Money.plainPercent(cell.percent().multiply(factor).divide(Money.HUNDRED));
    String figure = cell.percent() == null ? "a negotiated rate"
        : effective.toPlainString() + "% " + (kind == IncentiveKind.DISCOUNT ? "discount off list price"
            : "revenue share");
    String text = tier + " " + motion + " " + tableName + " (" + cell.label() + "): " + figure
        + (attribution == Attribution.INFLUENCED ? ", " + factor.toPlainString() + "% of the rate as partner-influenced"
            : "")
        + (cell.negotiated() ? "; negotiated, needs leadership approval" : "")
        + ("FIRST_12_MONTHS".equals(cell.term()) ? "; on the first 12 months only" : "");
    return why.result(new Rate(kind, effective, cell.percent(), cell.negotiated(), attribution, cell.term(), true),
        cellName, effective == null ? "NEGOTIATED" : effective.toPlainString() + "%", text);
  }

  /** A negotiated cell (`*`, OEM), or any rate a manager proposes, goes to leadership. */
  public static boolean requiresLeadershipApproval(Rate rate, BigDecimal proposedRate) {
    Args.required("rate", rate);
    if (proposedRate != null && (proposedRate.signum() < 0 || proposedRate.compareTo(Money.HUNDRED) > 0)) {
      throw new IllegalArgumentException("proposedRate must be between 0 and 100: " + proposedRate.toPlainString());
    }
    return rate.negotiated() || proposedRate != null;
  }

  /**
   * The rate after leadership's approval: the approved figure is the full (sourced) rate, and the deal's attribution
   * still applies to it.
   */
  public static RuleResult<Rate> withApprovedRate(ProgramTerms terms, Rate rate, BigDecimal approvedPercent,
      String approvedBy) {
    Args.required("terms", terms);
    Args.required("rate", rate);
    if (approvedPercent == null || approvedPercent.signum() < 0 || approvedPercent.compareTo(Money.HUNDRED) > 0) {
      throw new IllegalArgumentException("approvedPercent must be between 0 and 100: " + approvedPercent);
    }
    BigDecimal factor = terms.attributionPercent().get(rate.attribution());
    BigDecimal effective = Money.plainPercent(approvedPercent.multiply(factor).divide(Money.HUNDRED));
    return Explanation.of("incentive.negotiatedRate", terms).input("standardPercent", rate.standardPercent())
        .input("approvedPercent", approvedPercent).input("attribution", rate.attribution())
        .input("approvedBy", approvedBy)
        .result(new Rate(rate.kind(), effective, rate.standardPercent(), true, rate.attribution(), rate.term(), true),
            "attributionPercent." + rate.attribution(), effective.toPlainString() + "%",
            "Negotiated rate " + approvedPercent.toPlainString() + "% approved by " + approvedBy
                + (rate.attribution() == Attribution.INFLUENCED ? ", " + factor.toPlainString()
                    + "% of it as partner-influenced: " + effective.toPlainString() + "%" : ""));
  }
}
