package org.partnerlifecycle.deal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.partnerlifecycle.audit.AuditLog;
import org.partnerlifecycle.audit.Audited;
import org.partnerlifecycle.audit.RuleResultStore.Subject;
import org.partnerlifecycle.audit.RuleResultStore;
import org.partnerlifecycle.engine.EngineTime;
import org.partnerlifecycle.partner.PartnerRepository;
import org.partnerlifecycle.partner.PartnerStatus;
import org.partnerlifecycle.rules.Attribution;
import org.partnerlifecycle.rules.IncentiveKind;
import org.partnerlifecycle.rules.Money;
import org.partnerlifecycle.rules.IncentiveRules.Rate;
import org.partnerlifecycle.rules.PayoutRules.Clawback;
import org.partnerlifecycle.rules.PayoutRules.Payout;
import org.partnerlifecycle.rules.PayoutRules;
import org.partnerlifecycle.rules.ProgramTerms;
import org.partnerlifecycle.rules.RuleResult;
import org.partnerlifecycle.rules.SettlementRules;
import org.partnerlifecycle.rules.SettlementRules.YearShare;
import org.partnerlifecycle.rules.TermsCatalog;
import org.partnerlifecycle.web.ApiProblems.FieldProblem;
import org.partnerlifecycle.web.ConflictException;
import org.partnerlifecycle.web.InvalidRequestException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Money for closed deals: the payout of a WON deal at its locked rate and the clawback of a cancelled one, each
 * booked once in the partner's ledger under the terms version the deal was registered with.
 */
@Service
@Transactional
public class DealPayouts {

  private final DealRepository deals;
  private final PartnerRepository partners;
  private final Ledger ledger;
  private final TermsCatalog terms;
  private final RuleResultStore ruleResults;
  private final EngineTime time;
  private final CustomerPayments payments;

  public DealPayouts(DealRepository deals, PartnerRepository partners, Ledger ledger, TermsCatalog terms,
      RuleResultStore ruleResults, EngineTime time, CustomerPayments payments) {
    this.payments = payments;
    this.deals = deals;
    this.partners = partners;
    this.ledger = ledger;
    this.terms = terms;
    this.ruleResults = ruleResults;
    this.time = time;
  }

  /**
   * RecordClose: WON books the payout, LOST just ends. Safe to run twice. An ADD_ON pays on its prorated basis
   * (purchasing guide, seed 003 line 46). A REMOVED partner is paid for a deal whose rate was locked before its
   * removal (playbook anti-pattern, seed 001 line 1993: "Changing terms retroactively — Partners lose trust"), unless
   * it was removed for CONDUCT (seed 001 line 1977: "Fraudulent referral → Full clawback + termination").
   */
  public void recordClose(String dealId, String outcome, String processInstanceId) {
    DealRegistration deal = deals.get(dealId);
    if (!"WON".equals(outcome)) {
      deals.lose(dealId, time.now());
      return;
    }
    deals.win(dealId, time.now());
    String approvedBeforeRemoval = null;
    if (partners.get(deal.partnerId()).status() == PartnerStatus.REMOVED) {
      var removal = partners.removal(deal.partnerId());
      if (removal.isEmpty() || removal.get().forConduct()) {
        deals.recordNoPayout(dealId, time.now(), "No payout: the partner was removed from the program"
            + (removal.isPresent() ? " for " + removal.get().reason() : ""));
        return;
      }
      if (deal.rateLockedAt() == null || deal.rateLockedAt().isAfter(removal.get().at())) {
        deals.recordNoPayout(dealId, time.now(), "No payout: the partner was removed from the program on "
            + removal.get().at() + " (" + removal.get().reason() + "), before this registration was approved");
        return;
      }
      approvedBeforeRemoval = "; approved (rate locked " + deal.rateLockedAt() + ") before the partner's removal on "
          + removal.get().at() + " for " + removal.get().reason() + ", so it is paid: terms do not change retroactively";
    }
    ProgramTerms dealTerms = terms.version(deal.termsVersion());
    Rate locked = new Rate(deal.rateKind(), deal.ratePercent(), deal.standardPercent(), deal.rateNegotiated(),
        deal.attribution(), deal.rateTerm(), true);
    RuleResult<Payout> payout;
    if (deal.addOn() != null) {
      RuleResult<java.math.BigDecimal> basis = PayoutRules.addOnProration(dealTerms, deal.addOn().seats(),
          deal.addOn().unitPrice(), deal.addOn().remainingMonths(), deal.termMonths());
      ruleResults.record(Subject.DEAL, dealId, basis.explanation(), processInstanceId);
      payout = PayoutRules.payout(dealTerms, locked, basis.value(), deal.addOn().remainingMonths());
    } else {
      payout = PayoutRules.payout(dealTerms, locked, deal.closedAmount(), deal.termMonths());
    }
    ruleResults.record(Subject.DEAL, dealId, payout.explanation(), processInstanceId);
    String explanation = payout.explanation().text() + (approvedBeforeRemoval == null ? "" : approvedBeforeRemoval);
    if (payout.value().kind() == IncentiveKind.DISCOUNT) {
      ledger.bookOnce(deal.partnerId(), dealId, Ledger.DISCOUNT, payout.value().amount(), payout.value().rate(),
          payout.value().basis(), dealTerms.version(), explanation, time.now());
      return;
    }
    // Revenue share accrues per contract year (SPEC §2 "Paying partners"; seed 001 lines 1927-1932, scenario 2):
    // year 2's share is paid only with year 2's customer payment.
    int periodMonths = deal.addOn() != null ? deal.addOn().remainingMonths() : deal.termMonths();
    if ("FIRST_12_MONTHS".equals(deal.rateTerm())) {
      periodMonths = Math.min(dealTerms.payouts().contractYearMonths(), periodMonths);
    }
    List<YearShare> years;
    if (payout.value().amount().signum() == 0 || periodMonths < 1) {
      years = List.of(new YearShare(1, Math.max(periodMonths, 0), payout.value().amount()));
    } else {
      RuleResult<List<YearShare>> split = SettlementRules.contractYears(dealTerms, payout.value().amount(),
          periodMonths);
      ruleResults.record(Subject.DEAL, dealId, split.explanation(), processInstanceId);
      years = split.value();
    }
    for (YearShare year : years) {
      String text = years.size() == 1 ? explanation : explanation + "; contract year " + year.contractYear() + " of "
          + years.size() + " (" + year.months() + " months): $" + year.amount().toPlainString();
      ledger.bookContractYear(deal.partnerId(), dealId, year.contractYear(),
          deal.closedOn().plusMonths((long) dealTerms.payouts().contractYearMonths() * (year.contractYear() - 1)),
          year.amount(), payout.value().rate(), payout.value().basis(), dealTerms.version(), text, time.now());
    }
  }

  /**
   * The customer cancelled a WON deal: the clawback by days since close, booked once. Clawbacks recover revenue
   * share only (SPEC §2): a reseller's DISCOUNT was never paid out, so nothing is clawed back.
   */
  @Audited(action = "deal.cancelled", subject = AuditLog.Subject.DEAL)
  public LedgerEntry cancel(String dealId, LocalDate cancelledOn, String reason) {
    deals.lock(dealId);
    DealRegistration deal = deals.get(dealId);
    if (deal.status() != DealStatus.WON) {
      throw new ConflictException("Deal " + dealId + " is " + deal.status() + ": only a WON deal can be cancelled");
    }
    if (cancelledOn.isBefore(deal.closedOn())) {
      throw new InvalidRequestException("cancelledOn", "must not be before the close on " + deal.closedOn());
    }
    if (cancelledOn.isAfter(time.today())) {
      throw new InvalidRequestException("cancelledOn", "must not be in the future");
    }
    LedgerEntry paid = ledger.payoutOf(dealId).orElse(null);
    deals.cancel(dealId, time.now(), cancelledOn, reason);
    if (paid == null || !Ledger.REVENUE_SHARE.equals(paid.kind())) {
      return null;
    }
    // Future contract years, and years whose customer payment is missing or still in its refund holdback on the
    // cancellation date, were never payable: cancelled, nothing to claw back (SPEC §2 "Paying partners").
    ledger.cancelUnpayable(dealId, cancelledOn);
    BigDecimal outstanding = ledger.outstandingRevenueShare(dealId);
    if (outstanding.signum() <= 0) {
      return null;
    }
    ProgramTerms dealTerms = terms.version(deal.termsVersion());
    RuleResult<Clawback> clawback = PayoutRules.clawback(dealTerms, outstanding, deal.closedOn(), cancelledOn);
    ruleResults.record(Subject.DEAL, dealId, clawback.explanation(), null);
    if (clawback.value().amount().signum() == 0) {
      return null;
    }
    ledger.bookOnce(deal.partnerId(), dealId, Ledger.CLAWBACK, clawback.value().amount().negate(),
        clawback.value().percent(), outstanding, dealTerms.version(), clawback.explanation().text(), time.now());
    return ledger.find(dealId, Ledger.CLAWBACK).orElseThrow();
  }

  /**
   * The customer's payment for one contract year of a WON deal ({@code POST /api/deal-registrations/{id}/payments},
   * finance): that year's revenue share becomes payable after the refund holdback (seed 001 line 345, "30-day refund
   * holdback"; line 1963, "First payment received → Pay commission"). One payment per contract year.
   */
  @Audited(action = "deal.customer-payment", subject = AuditLog.Subject.DEAL)
  public CustomerPayment recordCustomerPayment(String dealId, LocalDate paidOn, BigDecimal amount, int contractYear,
      String recordedBy) {
    deals.lock(dealId);
    DealRegistration deal = deals.get(dealId);
    if (deal.status() != DealStatus.WON && deal.status() != DealStatus.CANCELLED) {
      throw new ConflictException("Deal " + dealId + " is " + deal.status() + ": customer payments are recorded for "
          + "WON deals");
    }
    List<FieldProblem> problems = new ArrayList<>();
    LedgerEntry year = ledger.contractYear(dealId, contractYear).orElse(null);
    if (year == null) {
      int years = (int) ledger.forDeal(dealId).stream().filter(e -> e.contractYear() != null).count();
      problems.add(new FieldProblem("contractYear", years == 0 ? "this deal has no revenue share to pay (a "
          + "reseller's discount is never paid out)" : "must be between 1 and " + years + ", the deal's contract years"));
    }
    if (paidOn.isBefore(deal.closedOn())) {
      problems.add(new FieldProblem("paidOn", "must not be before the close on " + deal.closedOn()));
    } else if (paidOn.isAfter(time.today())) {
      problems.add(new FieldProblem("paidOn", "must not be in the future"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException("Invalid fields", problems);
    }
    if (year.status() == SettlementStatus.CANCELLED) {
      throw new ConflictException("Contract year " + contractYear + " of deal " + dealId + " was cancelled with the "
          + "customer's cancellation: nothing becomes payable");
    }
    Optional<CustomerPayment> earlier = payments.find(dealId, contractYear);
    if (earlier.isPresent()) {
      throw new ConflictException("The customer's payment for contract year " + contractYear + " of deal " + dealId
          + " was recorded already (paid on " + earlier.get().paidOn() + ")");
    }
    ProgramTerms dealTerms = terms.version(deal.termsVersion());
    RuleResult<LocalDate> payable = SettlementRules.payableOn(dealTerms, paidOn, contractYear);
    ruleResults.record(Subject.DEAL, dealId, payable.explanation(), null);
    ledger.customerPaid(year.id(), paidOn, payable.value());
    return payments.record(dealId, contractYear, paidOn, amount, recordedBy, year.id(), year.amount(),
        payable.value(), payable.explanation().text(), time.now());
  }

  /**
   * A customer downgrade ({@code POST /api/deal-registrations/{id}/adjustment}): the revenue share shrinks pro rata
   * (seed 001 line 1976). A reseller's discount was never paid out: the new amount is recorded and nothing is booked.
   * @return the ADJUSTMENT entry, or null when nothing was booked
   */
  @Audited(action = "deal.adjusted", subject = AuditLog.Subject.DEAL)
  public LedgerEntry adjust(String dealId, BigDecimal newAmount, LocalDate effectiveOn, String reason) {
    deals.lock(dealId);
    DealRegistration deal = deals.get(dealId);
    if (deal.status() != DealStatus.WON) {
      throw new ConflictException("Deal " + dealId + " is " + deal.status() + ": only a WON deal can be adjusted");
    }
    BigDecimal current = deal.currentAmount() != null ? deal.currentAmount() : deal.closedAmount();
    List<FieldProblem> problems = new ArrayList<>();
    if (newAmount.compareTo(current) >= 0) {
      problems.add(new FieldProblem("newAmount", "must be less than the current amount " + current.toPlainString()
          + ": an adjustment is for a downgrade"));
    }
    if (effectiveOn.isBefore(deal.closedOn())) {
      problems.add(new FieldProblem("effectiveOn", "must not be before the close on " + deal.closedOn()));
    } else if (effectiveOn.isAfter(time.today())) {
      problems.add(new FieldProblem("effectiveOn", "must not be in the future"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException("Invalid fields", problems);
    }
    deals.downgrade(dealId, time.now(), newAmount);
    LedgerEntry paid = ledger.payoutOf(dealId).orElse(null);
    BigDecimal share = ledger.revenueShareBooked(dealId);
    if (paid == null || !Ledger.REVENUE_SHARE.equals(paid.kind()) || share.signum() == 0) {
      return null;
    }
    ProgramTerms dealTerms = terms.version(deal.termsVersion());
    int periodMonths = deal.addOn() != null ? deal.addOn().remainingMonths() : deal.termMonths();
    if ("FIRST_12_MONTHS".equals(deal.rateTerm())) {
      periodMonths = Math.min(12, periodMonths);
    }
    RuleResult<BigDecimal> adjustment = PayoutRules.downgradeAdjustment(dealTerms, share,
        deal.closedAmount(), current, newAmount, deal.closedOn(), periodMonths, effectiveOn);
    BigDecimal taken = adjustment.value().min(ledger.outstandingRevenueShare(dealId));
    ruleResults.record(Subject.DEAL, dealId, adjustment.explanation(), null);
    ledger.bookNext(deal.partnerId(), dealId, Ledger.ADJUSTMENT, taken.negate(), paid.rate(), share,
        dealTerms.version(), adjustment.explanation().text() + (reason == null ? "" : "; reason: " + reason),
        time.now());
    return ledger.find(dealId, Ledger.ADJUSTMENT).orElseThrow();
  }

  /**
   * A removal for CONDUCT (seed 001 line 1977: "Fraudulent referral → Full clawback + termination"): every revenue
   * share of the partner is clawed back in full, less what cancellations and downgrades already took back; contract
   * years not payable yet are cancelled (never paid, nothing to claw back). Safe to run twice (nothing is
   * outstanding the second time). Discounts are never clawed back.
   */
  public void clawBackEverything(String partnerId, String reason) {
    for (String dealId : ledger.dealsWithRevenueShare(partnerId)) {
      deals.lock(dealId);
      ledger.cancelUnpayable(dealId, time.today());
      BigDecimal outstanding = ledger.outstandingRevenueShare(dealId);
      if (outstanding.signum() <= 0) {
        continue;
      }
      DealRegistration deal = deals.get(dealId);
      ledger.bookNext(partnerId, dealId, Ledger.CLAWBACK, outstanding.negate(), Money.HUNDRED, outstanding,
          deal.termsVersion(), "Full clawback of $" + outstanding.toPlainString() + ": the partner was removed for "
              + "CONDUCT (playbook: fraudulent referral → full clawback + termination); " + reason, time.now());
    }
  }
}
