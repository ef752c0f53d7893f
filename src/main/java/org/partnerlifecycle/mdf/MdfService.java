package org.partnerlifecycle.mdf;

import static org.partnerlifecycle.mdf.process.MdfRequestProcess.APPROVAL_DECISION;
import static org.partnerlifecycle.mdf.process.MdfRequestProcess.APPROVAL_REASON;
import static org.partnerlifecycle.mdf.process.MdfRequestProcess.CHASE_NOTE;
import static org.partnerlifecycle.mdf.process.MdfRequestProcess.CLAIM_DECISION;
import static org.partnerlifecycle.mdf.process.MdfRequestProcess.CLAIM_REASON;
import static org.partnerlifecycle.mdf.process.MdfRequestProcess.MDF_DECISION;
import static org.partnerlifecycle.mdf.process.MdfRequestProcess.MDF_REASON;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.partnerlifecycle.audit.AuditLog;
import org.partnerlifecycle.audit.Audited;
import org.partnerlifecycle.audit.RuleResultStore;
import org.partnerlifecycle.deal.Ledger;
import org.partnerlifecycle.engine.Decisions;
import org.partnerlifecycle.engine.Decisions.Verdict;
import org.partnerlifecycle.engine.EngineTime;
import org.partnerlifecycle.engine.FormText;
import org.partnerlifecycle.engine.InvalidDecisionException;
import org.partnerlifecycle.mdf.MdfRepository.Claim;
import org.partnerlifecycle.mdf.MdfRepository.Holdings;
import org.partnerlifecycle.mdf.MdfRepository.Reimbursement;
import org.partnerlifecycle.mdf.process.MdfRequestProcess;
import org.partnerlifecycle.notification.NotificationPort;
import org.partnerlifecycle.notification.PartnerEvent;
import org.partnerlifecycle.partner.Partner;
import org.partnerlifecycle.partner.PartnerNotFoundException;
import org.partnerlifecycle.partner.PartnerRepository;
import org.partnerlifecycle.partner.PartnerStatus;
import org.partnerlifecycle.rules.Explanation;
import org.partnerlifecycle.rules.MdfRules;
import org.partnerlifecycle.rules.MdfRules.Period;
import org.partnerlifecycle.rules.MdfRules.RequestCheck;
import org.partnerlifecycle.rules.MdfUse;
import org.partnerlifecycle.rules.Money;
import org.partnerlifecycle.rules.ProgramTerms;
import org.partnerlifecycle.rules.RuleResult;
import org.partnerlifecycle.rules.TermsCatalog;
import org.partnerlifecycle.security.StaffDirectory;
import org.partnerlifecycle.web.ConflictException;
import org.partnerlifecycle.web.Ids;
import org.partnerlifecycle.web.InvalidRequestException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Market development funds (SPEC §2 MDF terms, §3 mdf-request): a partner's request is checked against its tier's
 * eligibility, quarterly cap and annual budget under the partner's budget lock, reviewed by the partner manager
 * (from the leadership threshold approved by leadership as well, never by the reviewer), claimed with its receipt
 * and ROI evidence, reimbursed by finance Net 15 from the claim's approval; unclaimed, it lapses at year end.
 */
@Service
@Transactional
public class MdfService {

  /** A request as the partner sends it. */
  public record NewRequest(String activity, MdfUse use, BigDecimal amount, LocalDate plannedOn, int expectedLeads) {
  }

  /** What the checks decided and what the forms show. */
  public record CheckOutcome(boolean refused, boolean leadershipApproval, Map<String, Object> formVariables) {
  }

  private final MdfRepository mdf;
  private final PartnerRepository partners;
  private final TermsCatalog terms;
  private final MdfRequestProcess process;
  private final RuleResultStore ruleResults;
  private final NotificationPort notifications;
  private final StaffDirectory staff;
  private final EngineTime time;
  private final Ledger ledger;

  public MdfService(MdfRepository mdf, PartnerRepository partners, TermsCatalog terms, MdfRequestProcess process,
      RuleResultStore ruleResults, NotificationPort notifications, StaffDirectory staff, EngineTime time,
      Ledger ledger) {
    this.ledger = ledger;
    this.mdf = mdf;
    this.partners = partners;
    this.terms = terms;
    this.process = process;
    this.ruleResults = ruleResults;
    this.notifications = notifications;
    this.staff = staff;
    this.time = time;
  }

  // --- request and checks -------------------------------------------------------------------------------------

  /**
   * Records the request and starts its process, whose checks (in this transaction) accept it for review or refuse
   * it with the reason and the amount left. @return the request after its checks
   */
  @Audited(action = "mdf.requested", subject = AuditLog.Subject.PARTNER)
  public MdfRequest submit(String partnerId, NewRequest request, String requestedBy) {
    Partner partner = partners.find(partnerId).orElseThrow(() -> new PartnerNotFoundException(partnerId));
    if (partner.status() != PartnerStatus.ACTIVE) {
      throw new ConflictException("Partner " + partnerId + " is " + partner.status()
          + ": only ACTIVE partners may request MDF");
    }
    LocalDate today = time.today();
    ProgramTerms current = terms.effectiveOn(today);
    Period period = MdfRules.period(current, today);
    List<org.partnerlifecycle.web.ApiProblems.FieldProblem> problems = new ArrayList<>();
    if (!current.mdf().allowedUses().contains(request.use())) {
      problems.add(new org.partnerlifecycle.web.ApiProblems.FieldProblem("use", "must be one of "
          + current.mdf().allowedUses() + " (terms " + current.version() + ")"));
    }
    if (request.plannedOn().isBefore(today) || request.plannedOn().isAfter(period.yearEnd())) {
      problems.add(new org.partnerlifecycle.web.ApiProblems.FieldProblem("plannedOn", "must be from " + today
          + " to " + period.yearEnd() + ": funds expire at the end of the fiscal year"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException("Invalid fields: " + String.join(", ",
          problems.stream().map(org.partnerlifecycle.web.ApiProblems.FieldProblem::field).toList()), problems);
    }
    String id = Ids.next("MDF-");
    Instant now = time.now();
    mdf.insert(new MdfRequest(id, partnerId, request.activity(), request.use(), request.amount(),
        request.plannedOn(), request.expectedLeads(), MdfStatus.IN_REVIEW, partner.tier(), period.fiscalYear(),
        period.quarter(), BigDecimal.ZERO, false, null, null, null,
        MdfRules.lapsesAfter(current, today).value(), current.version(), null, null, requestedBy, now));
    mdf.addStep(id, partnerId, "REQUESTED", requestedBy, request.amount(), request.activity(), now);
    process.start(id, partnerId);
    return mdf.get(id);
  }

  /**
   * The checks (CheckMdfRequest): under the partner's budget lock for the year, eligibility, the quarterly cap and
   * the annual budget left; each rule result stored for the partner. Accepted, the amount is reserved.
   */
  public CheckOutcome check(String requestId, String processInstanceId) {
    MdfRequest request = mdf.get(requestId);
    mdf.lockBudget(request.partnerId(), request.fiscalYear());
    ProgramTerms used = terms.version(request.termsVersion());
    Period period = MdfRules.period(used, LocalDate.ofInstant(request.createdAt(), ZoneOffset.UTC));
    Holdings quarter = mdf.holdings(request.partnerId(), request.fiscalYear(), request.fiscalQuarter());
    Holdings year = mdf.holdings(request.partnerId(), request.fiscalYear(), null);
    RuleResult<RequestCheck> result = MdfRules.check(used, request.tier(), request.amount(), period,
        quarter.reserved().add(quarter.claimed()), year.reserved().add(year.claimed()));
    RequestCheck check = result.value();
    for (Explanation explanation : check.explanations()) {
      ruleResults.record(RuleResultStore.Subject.PARTNER, request.partnerId(), explanation, processInstanceId);
    }
    ruleResults.record(RuleResultStore.Subject.PARTNER, request.partnerId(), result.explanation(), processInstanceId);
    String reason = result.explanation().text();
    Instant now = time.now();
    if (check.accepted()) {
      mdf.recordCheck(requestId, MdfStatus.IN_REVIEW, request.amount(), check.leadershipApproval(), null, null,
          check.amountLeft().subtract(request.amount()), now);
    } else {
      mdf.recordCheck(requestId, MdfStatus.REFUSED, BigDecimal.ZERO, false, check.refusal(), reason,
          check.amountLeft(), now);
      mdf.addStep(requestId, request.partnerId(), "REFUSED", "system", check.amountLeft(), reason, now);
    }
    Partner partner = partners.get(request.partnerId());
    Map<String, Object> form = new LinkedHashMap<>();
    form.put(MdfRequestProcess.PARTNER_NAME, partner.companyName());
    form.put(MdfRequestProcess.TIER_TEXT, MdfTexts.tier(request.tier()));
    form.put(MdfRequestProcess.ACTIVITY, request.activity());
    form.put(MdfRequestProcess.USE_TEXT, MdfTexts.use(request.use()));
    form.put(MdfRequestProcess.AMOUNT_TEXT, Money.usd(request.amount()));
    form.put(MdfRequestProcess.PLANNED_ON_TEXT, FormText.date(request.plannedOn()));
    form.put(MdfRequestProcess.EXPECTED_LEADS, (long) request.expectedLeads());
    form.put(MdfRequestProcess.REQUESTED_AT_TEXT, FormText.dateTime(request.createdAt()));
    form.put(MdfRequestProcess.BUDGET_TEXT, Money.usd(check.quarterLeft()) + " of the "
        + Money.usd(used.mdf().quarterlyCap().get(request.tier())) + " quarterly cap left in " + period.label()
        + " before this request; " + Money.usd(check.yearLeft()) + " of the "
        + Money.usd(used.mdf().annualBudget().get(request.tier())) + " annual budget left in FY"
        + period.fiscalYear() + " (terms " + used.version() + ")");
    form.put(MdfRequestProcess.APPROVAL_TEXT, check.leadershipApproval()
        ? "From " + Money.usd(used.mdf().leadershipApprovalFrom()) + ": the partner manager reviews, then "
            + "leadership approves (not the same person)"
        : "Under " + Money.usd(used.mdf().leadershipApprovalFrom()) + ": the partner manager approves");
    return new CheckOutcome(!check.accepted(), check.leadershipApproval(), form);
  }

  // --- decisions ----------------------------------------------------------------------------------------------

  /**
   * ReviewMdfRequest (partner manager): APPROVE, or REJECT with a reason, which releases the reservation. Under the
   * leadership threshold an approval is final. @return what leadership's approval form shows of this review
   */
  public String recordReview(String requestId, String decision, String reason, String reviewer) {
    Verdict verdict = Decisions.oneOf(MDF_DECISION, decision, Verdict.class);
    String why = Decisions.optionalText(MDF_REASON, reason);
    MdfRequest request = mdf.lock(requestId);
    requireStatus(request, MdfStatus.IN_REVIEW, MDF_DECISION);
    Instant now = time.now();
    if (verdict == Verdict.REJECT) {
      Decisions.requireText(MDF_REASON, why, "is required to reject a request");
      mdf.recordReview(requestId, MdfStatus.REJECTED, BigDecimal.ZERO, reviewer, why, now);
      mdf.addStep(requestId, request.partnerId(), "REJECTED", reviewer, request.amount(), why, now);
      tellDecision(request, MdfStatus.REJECTED, why);
      return null;
    }
    if (request.leadershipApproval()) {
      mdf.recordReview(requestId, MdfStatus.AWAITING_LEADERSHIP, request.amount(), reviewer, why, now);
      mdf.addStep(requestId, request.partnerId(), "REVIEWED", reviewer, request.amount(), why, now);
      return "Approved by " + staff.name(reviewer) + " on " + FormText.dateTime(now) + (why == null ? "" : ": " + why);
    }
    mdf.recordReview(requestId, MdfStatus.APPROVED, request.amount(), reviewer, why, now);
    mdf.addStep(requestId, request.partnerId(), "APPROVED", reviewer, request.amount(), why, now);
    tellDecision(request, MdfStatus.APPROVED, why);
    return null;
  }

  /**
   * ApproveMdfRequest (leadership), never by the partner manager who reviewed the request (as recorded with the
   * review, not a variable a completion could send): APPROVE, or REJECT with a reason.
   */
  public void recordLeadershipDecision(String requestId, String decision, String reason, String approver) {
    Verdict verdict = Decisions.oneOf(APPROVAL_DECISION, decision, Verdict.class);
    String why = Decisions.optionalText(APPROVAL_REASON, reason);
    MdfRequest request = mdf.lock(requestId);
    requireStatus(request, MdfStatus.AWAITING_LEADERSHIP, APPROVAL_DECISION);
    if (approver.equals(request.reviewedBy())) {
      throw new InvalidDecisionException(APPROVAL_DECISION,
          "the partner manager who reviewed this request may not approve it as leadership too (four eyes)");
    }
    Instant now = time.now();
    if (verdict == Verdict.REJECT) {
      Decisions.requireText(APPROVAL_REASON, why, "is required to reject a request");
      mdf.recordApproval(requestId, MdfStatus.REJECTED, BigDecimal.ZERO, approver, why, now);
      mdf.addStep(requestId, request.partnerId(), "REJECTED", approver, request.amount(), why, now);
      tellDecision(request, MdfStatus.REJECTED, why);
      return;
    }
    mdf.recordApproval(requestId, MdfStatus.APPROVED, request.amount(), approver, why, now);
    mdf.addStep(requestId, request.partnerId(), "APPROVED", approver, request.amount(), why, now);
    tellDecision(request, MdfStatus.APPROVED, why);
  }

  private void tellDecision(MdfRequest request, MdfStatus status, String reason) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("requestId", request.id());
    data.put("status", status.name());
    data.put("amount", request.amount());
    data.put("lapsesAfter", request.lapsesAfter().toString());
    if (reason != null) {
      data.put("reason", reason);
    }
    notifications.tell(request.partnerId(), PartnerEvent.MDF_DECIDED, "mdf.decided:" + request.id(), data);
  }

  // --- claim --------------------------------------------------------------------------------------------------

  /** The owner claims an APPROVED request: the receipt (at most the approved amount) and the leads and pipeline. */
  @Audited(action = "mdf.claimed", subject = AuditLog.Subject.PARTNER, subjectId = "#result")
  public String claim(String requestId, BigDecimal receiptAmount, int leadsGenerated, BigDecimal pipelineValue,
      String evidenceNote, String claimedBy) {
    MdfRequest request = mdf.lock(requestId);
    if (request.status() != MdfStatus.APPROVED) {
      throw new ConflictException("MDF request " + requestId + " is " + request.status()
          + ": only an APPROVED request can be claimed");
    }
    if (receiptAmount.compareTo(request.amount()) > 0) {
      throw new InvalidRequestException("receiptAmount", "must be at most the approved "
          + Money.usd(request.amount()));
    }
    Instant now = time.now();
    mdf.insertClaim(requestId, receiptAmount, leadsGenerated, pipelineValue, evidenceNote, claimedBy, now);
    mdf.moveTo(requestId, MdfStatus.CLAIMED, request.amount(), now);
    mdf.addStep(requestId, request.partnerId(), "CLAIMED", claimedBy, receiptAmount, evidenceNote, now);
    String claimText = "Receipts of " + Money.usd(receiptAmount) + " of " + Money.usd(request.amount())
        + " approved; " + leadsGenerated + " leads and " + Money.usd(pipelineValue) + " of pipeline generated "
        + "(" + request.expectedLeads() + " leads expected); claimed on " + FormText.dateTime(now);
    if (!process.claimSubmitted(requestId, claimText, evidenceNote)) {
      throw new ConflictException("MDF request " + requestId + " is not waiting for its claim");
    }
    return request.partnerId();
  }

  /**
   * ReviewMdfClaim (partner manager): APPROVE makes the receipt amount payable, due Net 15 (and releases what the
   * claim did not use); REJECT, with a reason, releases the whole reservation. @return the reimbursement's text
   */
  public String recordClaimReview(String requestId, String decision, String reason, String reviewer,
      String processInstanceId) {
    Verdict verdict = Decisions.oneOf(CLAIM_DECISION, decision, Verdict.class);
    String why = Decisions.optionalText(CLAIM_REASON, reason);
    MdfRequest request = mdf.lock(requestId);
    requireStatus(request, MdfStatus.CLAIMED, CLAIM_DECISION);
    Claim claim = mdf.claim(requestId).orElseThrow();
    Instant now = time.now();
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("requestId", requestId);
    data.put("decision", decision);
    data.put("receiptAmount", claim.receiptAmount());
    if (verdict == Verdict.REJECT) {
      Decisions.requireText(CLAIM_REASON, why, "is required to reject a claim");
      mdf.decideClaim(requestId, "REJECTED", reviewer, why, now);
      mdf.moveTo(requestId, MdfStatus.CLAIM_REJECTED, BigDecimal.ZERO, now);
      mdf.addStep(requestId, request.partnerId(), "CLAIM_REJECTED", reviewer, claim.receiptAmount(), why, now);
      data.put("reason", why);
      notifications.tell(request.partnerId(), PartnerEvent.MDF_CLAIM_DECIDED, "mdf.claim_decided:" + requestId, data);
      return null;
    }
    ProgramTerms used = terms.version(request.termsVersion());
    LocalDate today = time.today();
    RuleResult<BigDecimal> released = MdfRules.claimRelease(used, request.amount(), claim.receiptAmount());
    RuleResult<LocalDate> due = MdfRules.reimbursementDue(used, today);
    ruleResults.record(RuleResultStore.Subject.PARTNER, request.partnerId(), released.explanation(),
        processInstanceId);
    ruleResults.record(RuleResultStore.Subject.PARTNER, request.partnerId(), due.explanation(), processInstanceId);
    mdf.decideClaim(requestId, "APPROVED", reviewer, why, now);
    mdf.moveTo(requestId, MdfStatus.REIMBURSEMENT_DUE, claim.receiptAmount(), now);
    mdf.insertReimbursement(new Reimbursement(requestId, request.partnerId(), claim.receiptAmount(), today,
        due.value(), null, null, null, used.version()));
    ledger.bookMdfReimbursement(request.partnerId(), requestId, claim.receiptAmount(), used.version(),
        "MDF reimbursement of request " + requestId + ": " + released.explanation().text() + " "
            + due.explanation().text(), today, now);
    mdf.addStep(requestId, request.partnerId(), "CLAIM_APPROVED", reviewer, claim.receiptAmount(),
        why == null ? released.explanation().text() : why, now);
    data.put("reimbursementDueOn", due.value().toString());
    data.put("released", released.value());
    notifications.tell(request.partnerId(), PartnerEvent.MDF_CLAIM_DECIDED, "mdf.claim_decided:" + requestId, data);
    return Money.usd(claim.receiptAmount()) + " due " + FormText.date(due.value()) + ", Net "
        + used.mdf().reimbursementNetDays() + " from the claim's approval on " + FormText.date(today);
  }

  // --- reimbursement ------------------------------------------------------------------------------------------

  /** Finance records the reimbursement's payment: PAID, and the process ends (an open chase task with it). */
  @Audited(action = "mdf.reimbursementPaid", subject = AuditLog.Subject.PARTNER, subjectId = "#result")
  public String recordPayment(String requestId, LocalDate paidOn, String reference, String recordedBy) {
    MdfRequest request = mdf.lock(requestId);
    if (request.status() != MdfStatus.REIMBURSEMENT_DUE) {
      throw new ConflictException("MDF request " + requestId + " is " + request.status()
          + ": only a reimbursement that is due can be paid");
    }
    Reimbursement reimbursement = mdf.reimbursement(requestId).orElseThrow();
    if (paidOn.isAfter(time.today()) || paidOn.isBefore(reimbursement.approvedOn())) {
      throw new InvalidRequestException("paidOn", "must be from the claim's approval on "
          + reimbursement.approvedOn() + " to today");
    }
    Instant now = time.now();
    mdf.recordPayment(requestId, paidOn, reference, recordedBy, now);
    ledger.mdfReimbursementPaid(requestId);
    mdf.moveTo(requestId, MdfStatus.PAID, reimbursement.amount(), now);
    mdf.addStep(requestId, request.partnerId(), "REIMBURSEMENT_PAID", recordedBy, reimbursement.amount(),
        "Paid on " + paidOn + ", reference " + reference, now);
    if (!process.reimbursementPaid(requestId)) {
      throw new ConflictException("MDF request " + requestId + " is not waiting for its reimbursement's payment");
    }
    return request.partnerId();
  }

  /** ChaseMdfReimbursement (finance): what was done about the overdue reimbursement. */
  public void recordChase(String requestId, String note, String by) {
    String what = Decisions.optionalText(CHASE_NOTE, note);
    Decisions.requireText(CHASE_NOTE, what, "is required: say what was done about the overdue reimbursement");
    MdfRequest request = mdf.get(requestId);
    mdf.addStep(requestId, request.partnerId(), "CHASED", by, request.reservedAmount(), what, time.now());
  }

  /** The start of the day after the due date: unpaid by then, the reimbursement is overdue. */
  public Date overdueAt(String requestId) {
    return Date.from(mdf.reimbursement(requestId).orElseThrow().dueOn().plusDays(1).atStartOfDay()
        .toInstant(ZoneOffset.UTC));
  }

  // --- year end -----------------------------------------------------------------------------------------------

  /** The end of the fiscal year of the request's submission (use it or lose it). */
  public Date lapseAt(String requestId) {
    return Date.from(mdf.get(requestId).lapsesAfter().plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC));
  }

  /** LapseMdfRequest: approved and not claimed by year end, the request lapses and its funds carry nowhere. */
  public void lapse(String requestId, String processInstanceId) {
    MdfRequest request = mdf.lock(requestId);
    if (request.status() != MdfStatus.APPROVED) {
      return; // a job runs at least once: lapsed before
    }
    RuleResult<LocalDate> lapse = MdfRules.lapsesAfter(terms.version(request.termsVersion()),
        LocalDate.ofInstant(request.createdAt(), ZoneOffset.UTC));
    ruleResults.record(RuleResultStore.Subject.PARTNER, request.partnerId(), lapse.explanation(), processInstanceId);
    Instant now = time.now();
    mdf.moveTo(requestId, MdfStatus.LAPSED, BigDecimal.ZERO, now);
    mdf.addStep(requestId, request.partnerId(), "LAPSED", "system", request.amount(), lapse.explanation().text(),
        now);
  }

  // --- reads --------------------------------------------------------------------------------------------------

  @Transactional(readOnly = true)
  public Optional<MdfRequest> find(String requestId) {
    return mdf.find(requestId);
  }

  /** The request with its decisions, claim and reimbursement. */
  @Transactional(readOnly = true)
  public MdfViews.RequestView view(MdfRequest r) {
    return new MdfViews.RequestView(r.id(), r.partnerId(), r.status(), r.activity(), r.use(), r.amount(),
        r.plannedOn(), r.expectedLeads(), r.tier(), r.period(), r.reservedAmount(), r.leadershipApproval(),
        r.refusal(), r.decisionReason(), r.amountLeft(), r.lapsesAfter(), r.termsVersion(), r.createdAt(),
        mdf.steps(r.id()).stream().map(s -> new MdfViews.Step(s.action(), s.decidedBy(), s.amount(), s.note(),
            s.at())).toList(),
        mdf.claim(r.id()).map(c -> new MdfViews.Claim(c.receiptAmount(), c.leadsGenerated(), c.pipelineValue(),
            c.evidenceNote(), c.claimedAt(), c.decision(), c.decisionReason(), c.decidedAt())).orElse(null),
        mdf.reimbursement(r.id()).map(MdfService::reimbursementView).orElse(null));
  }

  /** Budget, reserved, claimed, paid and remaining of the partner, this quarter and this fiscal year. */
  @Transactional(readOnly = true)
  public MdfViews.Funds funds(String partnerId) {
    Partner partner = partners.find(partnerId).orElseThrow(() -> new PartnerNotFoundException(partnerId));
    LocalDate today = time.today();
    ProgramTerms current = terms.effectiveOn(today);
    Period period = MdfRules.period(current, today);
    RuleResult<Boolean> eligible = partner.tier() == null ? null : MdfRules.eligibility(current, partner.tier());
    BigDecimal cap = partner.tier() == null ? BigDecimal.ZERO : current.mdf().quarterlyCap().get(partner.tier());
    BigDecimal budget = partner.tier() == null ? BigDecimal.ZERO : current.mdf().annualBudget().get(partner.tier());
    Holdings year = mdf.holdings(partnerId, period.fiscalYear(), null);
    Holdings quarter = mdf.holdings(partnerId, period.fiscalYear(), period.quarter());
    BigDecimal yearRemaining = remaining(budget, year);
    return new MdfViews.Funds(partnerId, partner.tier(), eligible != null && eligible.value(),
        eligible == null ? "No tier yet" : eligible.explanation().text(), current.version(),
        periodView(period.label(), period.quarterStart(), period.quarterEnd(), cap, quarter,
            remaining(cap, quarter).min(yearRemaining)),
        periodView("FY" + period.fiscalYear(), period.yearStart(), period.yearEnd(), budget, year, yearRemaining),
        mdf.reimbursements(partnerId).stream().map(MdfService::reimbursementView).toList());
  }

  private static BigDecimal remaining(BigDecimal budget, Holdings holdings) {
    return budget.subtract(holdings.reserved()).subtract(holdings.claimed()).max(BigDecimal.ZERO);
  }

  private static MdfViews.PeriodFunds periodView(String label, LocalDate from, LocalDate to, BigDecimal budget,
      Holdings holdings, BigDecimal remaining) {
    return new MdfViews.PeriodFunds(label, from, to, budget, holdings.reserved(), holdings.claimed(),
        holdings.paid(), remaining);
  }

  /** The partner's MDF reimbursements, for its statement history. */
  @Transactional(readOnly = true)
  public List<MdfViews.Reimbursement> reimbursements(String partnerId) {
    return mdf.reimbursements(partnerId).stream().map(MdfService::reimbursementView).toList();
  }

  private static MdfViews.Reimbursement reimbursementView(Reimbursement m) {
    return new MdfViews.Reimbursement(m.requestId(), m.amount(), m.approvedOn(), m.dueOn(),
        m.paidOn() == null ? "PAYABLE" : "PAID", m.paidOn(), m.reference(), m.termsVersion());
  }

  /**
   * MDF ROI (for the program's KPIs): claims approved from {@code requestedFrom} to {@code requestedTo} (by default
   * from the start of this fiscal year to today), what they spent (approved receipts) and paid, against the leads
   * and pipeline the partners reported, in total and by tier.
   */
  @Transactional(readOnly = true)
  public MdfViews.Roi roi(LocalDate requestedFrom, LocalDate requestedTo) {
    LocalDate today = time.today();
    LocalDate from = requestedFrom != null ? requestedFrom
        : MdfRules.period(terms.effectiveOn(today), today).yearStart();
    LocalDate to = requestedTo != null ? requestedTo : today;
    if (to.isBefore(from)) {
      throw new InvalidRequestException("to", "must not be before from");
    }
    List<MdfViews.TierRoi> byTier = new ArrayList<>();
    long claims = 0;
    long leads = 0;
    BigDecimal spent = BigDecimal.ZERO;
    BigDecimal paid = BigDecimal.ZERO;
    BigDecimal pipeline = BigDecimal.ZERO;
    for (MdfRepository.RoiLine line : mdf.roi(from, to)) {
      byTier.add(new MdfViews.TierRoi(line.tier(), line.claims(), line.spent(), line.paid(), line.leads(),
          line.pipeline(), perLead(line.spent(), line.leads()), perDollar(line.pipeline(), line.spent())));
      claims += line.claims();
      leads += line.leads();
      spent = spent.add(line.spent());
      paid = paid.add(line.paid());
      pipeline = pipeline.add(line.pipeline());
    }
    return new MdfViews.Roi(from, to, claims, spent, paid, leads, pipeline, perLead(spent, leads),
        perDollar(pipeline, spent), byTier);
  }

  private static BigDecimal perLead(BigDecimal spent, long leads) {
    return leads == 0 ? null : spent.divide(BigDecimal.valueOf(leads), 2, java.math.RoundingMode.HALF_EVEN);
  }

  private static BigDecimal perDollar(BigDecimal pipeline, BigDecimal spent) {
    return spent.signum() == 0 ? null : pipeline.divide(spent, 2, java.math.RoundingMode.HALF_EVEN);
  }

  private static void requireStatus(MdfRequest request, MdfStatus expected, String field) {
    if (request.status() != expected) {
      throw new InvalidDecisionException(field, "MDF request " + request.id() + " is " + request.status()
          + ", not " + expected);
    }
  }
}
