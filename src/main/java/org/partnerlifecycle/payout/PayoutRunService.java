package org.partnerlifecycle.payout;

import static org.partnerlifecycle.payout.process.PayoutRunProcess.CHASE_DECISION;
import static org.partnerlifecycle.payout.process.PayoutRunProcess.CHASE_NOTE;
import static org.partnerlifecycle.payout.process.PayoutRunProcess.PAID_ON;
import static org.partnerlifecycle.payout.process.PayoutRunProcess.PAYMENT_REFERENCE;
import static org.partnerlifecycle.payout.process.PayoutRunProcess.PAYOUT_DECISION;
import static org.partnerlifecycle.payout.process.PayoutRunProcess.PAYOUT_REASON;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.partnerlifecycle.audit.AuditLog;
import org.partnerlifecycle.audit.RuleResultStore;
import org.partnerlifecycle.deal.Ledger;
import org.partnerlifecycle.deal.Ledger.Settleable;
import org.partnerlifecycle.engine.Decisions;
import org.partnerlifecycle.engine.Decisions.Verdict;
import org.partnerlifecycle.engine.EngineTime;
import org.partnerlifecycle.engine.InvalidDecisionException;
import org.partnerlifecycle.notification.PartnerEvent;
import org.partnerlifecycle.notification.PartnerEvents;
import org.partnerlifecycle.payout.process.PayoutRunProcess;
import org.partnerlifecycle.rules.Money;
import org.partnerlifecycle.rules.ProgramTerms;
import org.partnerlifecycle.rules.RuleResult;
import org.partnerlifecycle.rules.SettlementRules;
import org.partnerlifecycle.rules.SettlementRules.Netting;
import org.partnerlifecycle.rules.SettlementRules.Outcome;
import org.partnerlifecycle.rules.TermsCatalog;
import org.partnerlifecycle.web.ApiProblems.FieldProblem;
import org.partnerlifecycle.web.ConflictException;
import org.partnerlifecycle.web.Ids;
import org.partnerlifecycle.web.InvalidRequestException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Monthly payout runs (SPEC §3 payout-run): one per period, on the 1st by the timer or on demand by finance. A run
 * builds, in one transaction, one statement per partner from every payable ledger amount netted against open
 * clawbacks (under the $50 minimum or negative: carried forward, no statement); leadership approves a run from
 * $50,000; the statements are issued Net 30 and the partners told; finance records each payment.
 */
@Service
@Transactional
public class PayoutRunService {

  /** ChaseOverdueStatement's options. */
  enum StatementChase { PAID, NOT_YET }

  /** The rules whose results computed a statement line's amount, by ledger kind. */
  private static final Map<String, String> RULE_OF_KIND = Map.of(Ledger.REVENUE_SHARE, "payout.contractYears",
      Ledger.CLAWBACK, "payout.clawback", Ledger.ADJUSTMENT, "payout.downgradeAdjustment");

  /** A run asked for: its id, and whether the period had run already (then nothing changed). */
  public record Requested(String runId, boolean alreadyRan) {
  }

  private final PayoutRepository repository;
  private final Ledger ledger;
  private final TermsCatalog terms;
  private final RuleResultStore ruleResults;
  private final PartnerEvents events;
  private final AuditLog audit;
  private final EngineTime time;
  private final PayoutRunProcess process;

  PayoutRunService(PayoutRepository repository, Ledger ledger, TermsCatalog terms, RuleResultStore ruleResults,
      PartnerEvents events, AuditLog audit, EngineTime time, PayoutRunProcess process) {
    this.repository = repository;
    this.ledger = ledger;
    this.terms = terms;
    this.ruleResults = ruleResults;
    this.events = events;
    this.audit = audit;
    this.time = time;
    this.process = process;
  }

  /**
   * {@code POST /api/payout-runs}: a run for the period of {@code statementDate} (today when null), started unless
   * that period ran already — then nothing changes and the earlier run is answered.
   */
  public Requested request(LocalDate statementDate, String requestedBy) {
    LocalDate date = statementDate == null ? time.today() : statementDate;
    if (date.isAfter(time.today())) {
      throw new InvalidRequestException("statementDate", "must not be in the future: amounts become payable by date");
    }
    String period = YearMonth.from(date).toString();
    var earlier = repository.runForPeriod(period);
    if (earlier.isPresent()) {
      return new Requested(earlier.get().runId(), true);
    }
    String runId = Ids.next("PR-");
    repository.insertRun(runId, period, date, requestedBy, time.now());
    repository.runStarted(runId, process.start(runId));
    audit.append(requestedBy, "payout-run.requested", AuditLog.Subject.PAYOUT_RUN, runId, null,
        Map.of("period", period, "statementDate", date.toString()));
    return new Requested(runId, false);
  }

  /** The monthly timer's run (statement date: today): its id, or null when this period ran already. */
  public String openScheduled(String processInstanceId) {
    LocalDate date = time.today();
    String period = YearMonth.from(date).toString();
    if (repository.runForPeriod(period).isPresent()) {
      return null;
    }
    String runId = Ids.next("PR-");
    repository.insertRun(runId, period, date, "system", time.now());
    repository.runStarted(runId, processInstanceId);
    return runId;
  }

  /**
   * Builds the run's statements, all in the caller's transaction (a crash leaves none): every revenue share payable
   * on the statement date and every open clawback or adjustment, one statement per partner whose net reaches the
   * minimum payout, the others carried forward. Safe to run twice: a built run is left as it is.
   * @return whether the run needs leadership's approval
   */
  public boolean build(String runId, String processInstanceId) {
    PayoutRun run = repository.lockRun(runId);
    if (run.statementCount() != null) {
      return Boolean.TRUE.equals(run.needsApproval());
    }
    LocalDate date = run.statementDate();
    ProgramTerms current = terms.effectiveOn(date);
    LocalDate dueDate = SettlementRules.dueDate(current, date).value();
    Map<String, long[]> ruleIds = repository.latestRuleResults(List.copyOf(RULE_OF_KIND.values()));
    Map<String, BigDecimal> broughtForward = repository.carriedForwardBefore(date);
    Map<String, List<Settleable>> byPartner = new LinkedHashMap<>();
    for (Settleable entry : ledger.settleable(date)) {
      byPartner.computeIfAbsent(entry.partnerId(), p -> new ArrayList<>()).add(entry);
    }
    List<Statement> statements = new ArrayList<>();
    Map<String, List<StatementLine>> lines = new LinkedHashMap<>();
    Map<Long, String> statementOfEntry = new LinkedHashMap<>();
    List<CarryForward> carried = new ArrayList<>();
    BigDecimal payableTotal = BigDecimal.ZERO;
    BigDecimal clawbackTotal = BigDecimal.ZERO;
    BigDecimal statementTotal = BigDecimal.ZERO;
    BigDecimal carriedTotal = BigDecimal.ZERO;
    for (Map.Entry<String, List<Settleable>> partner : byPartner.entrySet()) {
      BigDecimal payable = BigDecimal.ZERO;
      BigDecimal clawbacks = BigDecimal.ZERO;
      for (Settleable entry : partner.getValue()) {
        if (Ledger.REVENUE_SHARE.equals(entry.kind())) {
          payable = payable.add(entry.amount());
        } else {
          clawbacks = clawbacks.add(entry.amount());
        }
      }
      RuleResult<Netting> netting = SettlementRules.net(current, payable, clawbacks);
      Netting net = netting.value();
      payableTotal = payableTotal.add(net.payable());
      clawbackTotal = clawbackTotal.add(net.clawbacks());
      if (net.outcome() != Outcome.STATEMENT) {
        carried.add(new CarryForward(runId, partner.getKey(), date, net.payable(), net.clawbacks(), net.net(),
            netting.explanation().text()));
        carriedTotal = carriedTotal.add(net.net());
        continue;
      }
      String statementId = Ids.next("ST-");
      statements.add(new Statement(statementId, runId, partner.getKey(), null, date, dueDate, StatementStatus.DRAFT,
          net.payable(), net.clawbacks(), net.net(), Money.cents(broughtForward.getOrDefault(partner.getKey(),
              BigDecimal.ZERO)), netting.explanation().text(), current.version(), null, null, null, null));
      List<StatementLine> statementLines = new ArrayList<>();
      for (Settleable entry : partner.getValue()) {
        String rule = RULE_OF_KIND.get(entry.kind());
        long[] ruleId = rule == null ? null : ruleIds.get(entry.dealId() + "/" + rule);
        statementLines.add(new StatementLine(statementLines.size() + 1, entry.dealId(), null, entry.entryId(),
            entry.kind(), entry.contractYear(), entry.amount(), entry.termsVersion(),
            ruleId == null ? null : ruleId[0], ruleId == null ? null : rule, entry.explanation()));
        statementOfEntry.put(entry.entryId(), statementId);
      }
      lines.put(statementId, statementLines);
      statementTotal = statementTotal.add(net.net());
    }
    repository.insertStatements(statements, time.now());
    repository.insertLines(lines);
    repository.insertCarryForwards(carried);
    ledger.putOnStatements(statementOfEntry);
    RuleResult<Boolean> approval = SettlementRules.needsApproval(current, statementTotal);
    ruleResults.record(RuleResultStore.Subject.PAYOUT_RUN, runId, approval.explanation(), processInstanceId);
    repository.runBuilt(runId, Money.cents(payableTotal), Money.cents(clawbackTotal), Money.cents(statementTotal),
        Money.cents(carriedTotal), statements.size(), carried.size(), approval.value(), time.now());
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("statementDate", date.toString());
    details.put("statements", statements.size());
    details.put("statementTotal", Money.cents(statementTotal).toPlainString());
    details.put("carriedForward", Money.cents(carriedTotal).toPlainString());
    details.put("partnersCarriedForward", carried.size());
    details.put("approval", approval.explanation().text());
    audit.append("system", "payout-run.built", AuditLog.Subject.PAYOUT_RUN, runId, processInstanceId, details);
    return approval.value();
  }

  /**
   * ApprovePayoutRun, completed by leadership: APPROVE, or REJECT with a reason (the drafts are voided and their
   * amounts wait for the next month's run). @return whether approved
   */
  public boolean decide(String runId, String decision, String reason, String decidedBy) {
    boolean approved = Decisions.oneOf(PAYOUT_DECISION, decision, Verdict.class) == Verdict.APPROVE;
    String why = Decisions.optionalText(PAYOUT_REASON, reason);
    if (!approved) {
      Decisions.requireText(PAYOUT_REASON, why, "is required to reject a payout run");
    }
    PayoutRun run = repository.lockRun(runId);
    if (run.status() != PayoutRunStatus.AWAITING_APPROVAL) {
      throw new InvalidDecisionException(PAYOUT_DECISION, "the run is " + run.status() + ", not awaiting approval");
    }
    repository.runDecided(runId, approved ? PayoutRunStatus.APPROVED : PayoutRunStatus.REJECTED, decidedBy, why,
        time.now());
    if (!approved) {
      repository.voidDrafts(runId).forEach(ledger::releaseStatement);
    }
    return approved;
  }

  /** Issues the run's statements (due Net 30) and tells each partner (statement.issued). @return the due date */
  public LocalDate issue(String runId) {
    PayoutRun run = repository.lockRun(runId);
    for (String statementId : repository.issue(runId, time.now())) {
      Statement statement = repository.statement(statementId).orElseThrow();
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("statementId", statementId);
      data.put("runId", runId);
      data.put("date", statement.date().toString());
      data.put("dueDate", statement.dueDate().toString());
      data.put("total", statement.total());
      data.put("currency", "USD");
      events.emit(statement.partnerId(), PartnerEvent.STATEMENT_ISSUED, "statement.issued:" + statementId, data);
    }
    if (run.status() != PayoutRunStatus.ISSUED) {
      repository.runStatus(runId, PayoutRunStatus.ISSUED, time.now());
    }
    return SettlementRules.dueDate(terms.effectiveOn(run.statementDate()), run.statementDate()).value();
  }

  /** The run's statements unpaid after their due date, oldest first: one ChaseOverdueStatement each. */
  public List<Statement> overdue(String runId) {
    return repository.overdue(runId, time.today());
  }

  /**
   * {@code POST /api/statements/{id}/payment} (finance), or ChaseOverdueStatement's PAID: the statement is PAID, its
   * entries too, and the partner is told (statement.paid). The same payment again (same reference) changes nothing.
   */
  public Statement recordPayment(String statementId, LocalDate paidOn, String reference, String recordedBy) {
    Statement statement = repository.lockStatement(statementId);
    if (statement.status() == StatementStatus.PAID) {
      if (reference.equals(statement.paymentReference()) && paidOn.equals(statement.paidOn())) {
        return statement;
      }
      throw new ConflictException("Statement " + statementId + " was paid already on " + statement.paidOn()
          + " (reference " + statement.paymentReference() + ")");
    }
    if (statement.status() != StatementStatus.ISSUED) {
      throw new ConflictException("Statement " + statementId + " is " + statement.status() + ": only an issued "
          + "statement is paid");
    }
    List<FieldProblem> problems = new ArrayList<>();
    if (paidOn.isBefore(statement.date())) {
      problems.add(new FieldProblem("paidOn", "must not be before the statement date " + statement.date()));
    } else if (paidOn.isAfter(time.today())) {
      problems.add(new FieldProblem("paidOn", "must not be in the future"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException("Invalid fields", problems);
    }
    repository.paid(statementId, paidOn, reference, recordedBy);
    ledger.statementPaid(statementId);
    // Recorded here, not by @Audited: ChaseOverdueStatement's completion pays through this method too.
    audit.append(recordedBy, "statement.paid", AuditLog.Subject.PARTNER, statement.partnerId(), null, Map.of(
        "statementId", statementId, "paidOn", paidOn.toString(), "reference", reference, "total",
        statement.total().toPlainString()));
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("statementId", statementId);
    data.put("paidOn", paidOn.toString());
    data.put("total", statement.total());
    data.put("currency", "USD");
    events.emit(statement.partnerId(), PartnerEvent.STATEMENT_PAID, "statement.paid:" + statementId, data);
    return repository.statement(statementId).orElseThrow();
  }

  /**
   * ChaseOverdueStatement, completed by finance: PAID records the payment (paidOn, paymentReference); NOT_YET needs a
   * note saying what happens next (the statement stays overdue in the partner's list).
   */
  public void chase(String statementId, String decision, String paidOn, String reference, String note,
      String actor) {
    if (Decisions.oneOf(CHASE_DECISION, decision, StatementChase.class) == StatementChase.NOT_YET) {
      Decisions.requireText(CHASE_NOTE, Decisions.optionalText(CHASE_NOTE, note), "is required when the statement "
          + "is not paid yet");
      return;
    }
    Decisions.requireText(PAYMENT_REFERENCE, Decisions.optionalText(PAYMENT_REFERENCE, reference),
        "is required to record the payment");
    if (paidOn == null || paidOn.isBlank()) {
      throw new InvalidDecisionException(PAID_ON, "is required to record the payment");
    }
    LocalDate date;
    try {
      date = LocalDate.parse(paidOn.length() > 10 ? paidOn.substring(0, 10) : paidOn);
    } catch (DateTimeParseException e) {
      throw new InvalidDecisionException(PAID_ON, "must be a date (2026-12-31)");
    }
    try {
      recordPayment(statementId, date, reference.trim(), actor);
    } catch (InvalidRequestException | ConflictException e) {
      throw new InvalidDecisionException(PAID_ON, e.getMessage());
    }
  }

  public java.util.Optional<PayoutRun> run(String runId) {
    return repository.run(runId);
  }

  public java.util.Optional<Statement> statement(String statementId) {
    return repository.statement(statementId);
  }

  public List<Statement> statementsOfRun(String runId) {
    return repository.statementsOfRun(runId);
  }

  public List<Statement> statementsOfPartner(String partnerId) {
    return repository.statementsOfPartner(partnerId);
  }

  public List<CarryForward> carryForwardsOfPartner(String partnerId) {
    return repository.carryForwardsOfPartner(partnerId);
  }

  public List<StatementLine> lines(String statementId) {
    return repository.lines(statementId);
  }
}
