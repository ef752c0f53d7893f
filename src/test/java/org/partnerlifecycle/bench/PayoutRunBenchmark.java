package org.partnerlifecycle.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.partnerlifecycle.payout.PayoutRunService;
import org.partnerlifecycle.support.PostgresProfileTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Benchmark (not part of {@code mvn verify}; run {@code bench/payout-run.sh}): a monthly payout run over PARTNERS
 * partners with ENTRIES payable revenue-share entries each, on PostgreSQL — statements built in one transaction (the
 * asynchronous BuildStatements job), leadership's approval (the total is far above $50,000), statements issued and
 * every partner told (statement.issued). Some partners have open clawbacks (1 in 10), some net under the $50 minimum
 * (1 in 50), some a negative net (1 in 100). Reconciliation: statements + carried forward = payable − clawbacks.
 */
@Tag("benchmark")
@PostgresProfileTest
class PayoutRunBenchmark {

  static final int PARTNERS = Integer.getInteger("bench.partners", 10_000);
  static final int ENTRIES = Integer.getInteger("bench.entriesPerPartner", 12);

  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  PayoutRunService runs;
  @Autowired
  ProcessEngine engine;

  @Test
  void aMonthlyPayoutRun() {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    long seedStart = System.nanoTime();
    seed(today);
    double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
    BigDecimal payable = jdbc.queryForObject("SELECT sum(e.amount) FROM ledger_entry e JOIN ledger_entry_state s ON "
        + "s.entry_id = e.id WHERE s.status = 'ACCRUED' AND s.payable_on <= ?", BigDecimal.class, Date.valueOf(today));
    BigDecimal clawbacks = jdbc.queryForObject("SELECT sum(e.amount) FROM ledger_entry e JOIN ledger_entry_state s ON "
        + "s.entry_id = e.id WHERE s.status = 'OPEN'", BigDecimal.class);

    long start = System.nanoTime();
    String runId = runs.request(today, "fiona").runId();
    String instanceId = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(runId)
        .singleResult().getId();
    engine.getManagementService().executeJob(engine.getManagementService().createJobQuery()
        .processInstanceId(instanceId).singleResult().getId());
    double built = (System.nanoTime() - start) / 1e9;
    Task approval = engine.getTaskService().createTaskQuery().processInstanceId(instanceId)
        .taskDefinitionKey("ApprovePayoutRun").singleResult();
    engine.getIdentityService().setAuthentication("lena", List.of("leadership"));
    long issueStart = System.nanoTime();
    try {
      engine.getTaskService().complete(approval.getId(), Map.of("payoutDecision", "APPROVE"));
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    double issued = (System.nanoTime() - issueStart) / 1e9;
    double seconds = (System.nanoTime() - start) / 1e9;

    Map<String, Object> totals = jdbc.queryForMap("SELECT count(*) AS statements, sum(total) AS total, "
        + "sum(payable) AS payable, sum(clawbacks) AS clawbacks FROM statement WHERE run_id = ? AND status = 'ISSUED'",
        runId);
    Map<String, Object> carried = jdbc.queryForMap("SELECT count(*) AS partners, coalesce(sum(amount), 0) AS amount, "
        + "count(*) FILTER (WHERE amount < 0) AS negative FROM payout_carry_forward WHERE run_id = ?", runId);
    int lines = jdbc.queryForObject("SELECT count(*) FROM statement_line l JOIN statement s ON s.id = l.statement_id "
        + "WHERE s.run_id = ?", Integer.class, runId);
    int told = jdbc.queryForObject("SELECT count(*) FROM partner_event WHERE event = 'statement.issued'",
        Integer.class);
    BigDecimal statementSum = (BigDecimal) totals.get("total");
    BigDecimal carriedSum = (BigDecimal) carried.get("amount");
    BigDecimal left = statementSum.add(carriedSum);
    BigDecimal right = payable.add(clawbacks);
    System.out.printf("%nPAYOUT RUN BENCHMARK (PostgreSQL, autovacuum %s)%n", jdbc.queryForObject("SHOW autovacuum",
        String.class));
    System.out.printf("partners: %d, payable entries per partner: %d (seeded in %.1f s)%n", PARTNERS, ENTRIES,
        seedSeconds);
    System.out.printf("statements: %s with %d lines, total $%s; carried forward: %s partners ($%s, %s negative)%n",
        totals.get("statements"), lines, statementSum.toPlainString(), carried.get("partners"),
        carriedSum.toPlainString(), carried.get("negative"));
    System.out.printf("build (one transaction): %.1f s; approve + issue + %d partners told: %.1f s; whole run: %.1f s%n",
        built, told, issued, seconds);
    System.out.printf("reconciliation: statements $%s + carried forward $%s = $%s; payable $%s - clawbacks $%s = $%s"
        + " -> %s%n%n", statementSum.toPlainString(), carriedSum.toPlainString(), left.toPlainString(),
        payable.toPlainString(), clawbacks.negate().toPlainString(), right.toPlainString(),
        left.compareTo(right) == 0 ? "reconciled" : "NOT reconciled");
    assertThat(left).isEqualByComparingTo(right);
    assertThat(((Number) totals.get("statements")).intValue() + ((Number) carried.get("partners")).intValue())
        .isEqualTo(PARTNERS);
  }

  /**
   * PARTNERS ACTIVE partners with ENTRIES won 12-month deals each, closed 60 days ago, the customer paid 40 days ago
   * (payable 10 days ago, after the holdback): one revenue-share entry per deal. Every 50th partner earns $4 a deal
   * (under the $50 minimum); every 10th has an open clawback of $300, every 100th one of $50,000 (a negative net).
   */
  private void seed(LocalDate today) {
    BenchPartners.insertActive(jdbc, "P-Y", PARTNERS, today.plusYears(1), today.minusYears(1)
        .atStartOfDay(ZoneOffset.UTC).toInstant());
    jdbc.update("INSERT INTO deal_registration (id, partner_id, submitted_by, customer_name, customer_domain, "
        + "normalized_domain, motion, deal_type, license_type, product, estimated_value, term_months, status, "
        + "attribution, rate_kind, rate_percent, closed_amount, closed_on, terms_version, created_at, updated_at) "
        + "SELECT 'D-Y' || n || '-' || m, 'P-Y' || n, 'bench', 'Customer ' || m, 'cy' || n || '-' || m || '.example', "
        + "'cy' || n || '-' || m || '.example', 'REFERRAL', 'NEW', 'SUBSCRIPTION', 'PLUS', "
        + "CASE WHEN n % 50 = 0 THEN 40 ELSE 1000 + (n % 7) * 500 + m * 100 END, 12, 'WON', 'SOURCED', "
        + "'REVENUE_SHARE', 10, CASE WHEN n % 50 = 0 THEN 40 ELSE 1000 + (n % 7) * 500 + m * 100 END, "
        + "?::date - 60, '2026-12-01', now(), now() FROM generate_series(1, ?) AS n, generate_series(1, ?) AS m",
        Date.valueOf(today), PARTNERS, ENTRIES);
    jdbc.update("INSERT INTO ledger_entry (partner_id, deal_id, kind, amount, rate, basis, terms_version, explanation, "
        + "booked_at, seq) SELECT partner_id, id, 'REVENUE_SHARE', closed_amount / 10, 10, closed_amount, "
        + "'2026-12-01', '10% of $' || closed_amount || ' revenue share', now(), 0 FROM deal_registration "
        + "WHERE id LIKE 'D-Y%'");
    jdbc.update("INSERT INTO customer_payment (id, deal_id, contract_year, paid_on, amount, recorded_by, recorded_at) "
        + "SELECT 'CP-' || id, id, 1, ?::date - 40, closed_amount, 'fiona', now() FROM deal_registration "
        + "WHERE id LIKE 'D-Y%'", Date.valueOf(today));
    jdbc.update("INSERT INTO ledger_entry_state (entry_id, partner_id, deal_id, contract_year, year_starts_on, status, "
        + "customer_paid_on, payable_on, changed_at) SELECT e.id, e.partner_id, e.deal_id, 1, ?::date - 60, 'ACCRUED', "
        + "?::date - 40, ?::date - 10, now() FROM ledger_entry e WHERE e.deal_id LIKE 'D-Y%'", Date.valueOf(today),
        Date.valueOf(today), Date.valueOf(today));
    jdbc.update("INSERT INTO ledger_entry (partner_id, deal_id, kind, amount, rate, basis, terms_version, explanation, "
        + "booked_at, seq) SELECT 'P-Y' || n, 'D-Y' || n || '-1', 'CLAWBACK', CASE WHEN n % 100 = 1 THEN -50000 "
        + "ELSE -300 END, 50, 600, '2026-12-01', 'Cancelled 45 days after close: clawback', now(), 0 "
        + "FROM generate_series(1, ?) AS n WHERE n % 10 = 1", PARTNERS);
    jdbc.update("INSERT INTO ledger_entry_state (entry_id, partner_id, deal_id, status, changed_at) SELECT e.id, "
        + "e.partner_id, e.deal_id, 'OPEN', now() FROM ledger_entry e WHERE e.kind = 'CLAWBACK' "
        + "AND e.deal_id LIKE 'D-Y%'");
    jdbc.execute("ANALYZE");
  }
}
