package org.partnerlifecycle.deal;

import java.time.LocalDate;
import org.partnerlifecycle.audit.AuditLog;
import org.partnerlifecycle.audit.Audited;
import org.partnerlifecycle.audit.RuleResultStore.Subject;
import org.partnerlifecycle.audit.RuleResultStore;
import org.partnerlifecycle.engine.EngineTime;
import org.partnerlifecycle.partner.PartnerRepository;
import org.partnerlifecycle.partner.PartnerStatus;
import org.partnerlifecycle.rules.Attribution;
import org.partnerlifecycle.rules.IncentiveKind;
import org.partnerlifecycle.rules.IncentiveRules.Rate;
import org.partnerlifecycle.rules.PayoutRules.Clawback;
import org.partnerlifecycle.rules.PayoutRules.Payout;
import org.partnerlifecycle.rules.PayoutRules;
import org.partnerlifecycle.rules.ProgramTerms;
import org.partnerlifecycle.rules.RuleResult;
import org.partnerlifecycle.rules.TermsCatalog;
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

  public DealPayouts(DealRepository deals, PartnerRepository partners, Ledger ledger, TermsCatalog terms,
      RuleResultStore ruleResults, EngineTime time) {
    this.deals = deals;
    this.partners = partners;
    this.ledger = ledger;
    this.terms = terms;
    this.ruleResults = ruleResults;
    this.time = time;
  }

  /** RecordClose: WON books the payout (a REMOVED partner gets none), LOST just ends. Safe to run twice. */
  public void recordClose(String dealId, String outcome, String processInstanceId) {
    DealRegistration deal = deals.get(dealId);
    if (!"WON".equals(outcome)) {
      deals.lose(dealId, time.now());
      return;
    }
    deals.win(dealId, time.now());
    if (partners.get(deal.partnerId()).status() == PartnerStatus.REMOVED) {
      deals.recordNoPayout(dealId, time.now(), "No payout: the partner was removed from the program");
      return;
    }
    ProgramTerms dealTerms = terms.version(deal.termsVersion());
    Rate locked = new Rate(deal.rateKind(), deal.ratePercent(), deal.standardPercent(), deal.rateNegotiated(),
        deal.attribution(), deal.rateTerm(), true);
    RuleResult<Payout> payout = PayoutRules.payout(dealTerms, locked, deal.closedAmount(), deal.termMonths());
    ruleResults.record(Subject.DEAL, dealId, payout.explanation(), processInstanceId);
    String kind = payout.value().kind() == IncentiveKind.NONE ? "REVENUE_SHARE" : payout.value().kind().name();
    ledger.bookOnce(deal.partnerId(), dealId, kind, payout.value().amount(), payout.value().rate(),
        payout.value().basis(), dealTerms.version(), payout.explanation().text(), time.now());
  }

  /** The customer cancelled a WON deal: the clawback by days since close, booked once. */
  @Audited(action = "deal.cancelled", subject = AuditLog.Subject.DEAL)
  public LedgerEntry cancel(String dealId, LocalDate cancelledOn, String reason) {
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
    if (paid == null) {
      return null;
    }
    ProgramTerms dealTerms = terms.version(deal.termsVersion());
    RuleResult<Clawback> clawback = PayoutRules.clawback(dealTerms, paid.amount(), deal.closedOn(), cancelledOn);
    ruleResults.record(Subject.DEAL, dealId, clawback.explanation(), null);
    ledger.bookOnce(deal.partnerId(), dealId, Ledger.CLAWBACK, clawback.value().amount().negate(),
        clawback.value().percent(), paid.amount(), dealTerms.version(), clawback.explanation().text(), time.now());
    return ledger.find(dealId, Ledger.CLAWBACK).orElseThrow();
  }
}
