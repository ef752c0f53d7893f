package org.partnerlifecycle.program;

import java.math.BigDecimal;
import org.partnerlifecycle.mdf.MdfViews;

/**
 * {@code GET /api/program/kpis}: every figure over [from, to] with its definition and the link to the records it is
 * made of ({@code records}).
 */
record ProgramKpiReport(String from, String to, String currency, Revenue sourcedRevenue, Revenue influencedRevenue,
    Rate activationRate, Days medianDaysToFirstDeal, Rate leadAcceptance, Rate leadConversion,
    Rate businessReviewCompletion, Rate partnerRetention, MdfRoi mdfRoi, String computedAt) {

  /** Revenue of WON registrations; {@code sharePercent} of all WON partner registrations in the period. */
  record Revenue(BigDecimal amount, BigDecimal totalAmount, BigDecimal sharePercent, long deals, String definition,
      String records) {
  }

  /** {@code counted} of {@code of} records, as a percent with one decimal (null when there are none). */
  record Rate(BigDecimal percent, long counted, long of, String definition, String records) {
  }

  /** The median days over {@code partners} partners (null when there are none). */
  record Days(BigDecimal days, long partners, String definition, String records) {
  }

  /** MDF spent against the leads and pipeline partners reported on their approved claims. */
  record MdfRoi(MdfViews.Roi figures, String definition, String records) {
  }
}
