package org.partnerlifecycle.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.partnerlifecycle.health.process.PartnerHealthProcess;
import org.partnerlifecycle.support.Http;
import org.partnerlifecycle.support.Http.Response;
import org.partnerlifecycle.support.PostgresProfileTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Benchmark (not part of {@code mvn verify}; run {@code bench/partner-health.sh}): the quarterly health run for
 * PARTNERS ACTIVE partners with DEALS_PER_PARTNER WON deals each (10,000 × 12 = 120,000 by default) on PostgreSQL —
 * the scheduler pages through the partners starting partner-health for each, each computation (revenue growth,
 * registrations, activity, NPS, fit) stored with its factors — and then GET /api/program/kpis over the year.
 */
@Tag("benchmark")
@PostgresProfileTest
class PartnerHealthBenchmark {

  static final int PARTNERS = Integer.getInteger("bench.partners", 10_000);
  static final int DEALS_PER_PARTNER = Integer.getInteger("bench.dealsPerPartner", 12);
  static final int JOB_THREADS = Integer.getInteger("bench.jobThreads", 4);
  static final int KPI_QUERIES = 5;

  @DynamicPropertySource
  static void connectionPool(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.hikari.maximum-pool-size", () -> "10");
  }

  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  ProcessEngine engine;
  @Autowired
  PartnerHealthProcess health;
  @LocalServerPort
  int port;

  @Test
  void quarterlyHealthRunAndKpiQuery() throws Exception {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    long seedStart = System.nanoTime();
    seed(today);
    double seedSeconds = (System.nanoTime() - seedStart) / 1e9;

    long start = System.nanoTime();
    health.startRun();
    Job batch;
    while ((batch = engine.getManagementService().createJobQuery().processDefinitionKey(
        PartnerHealthProcess.SCHEDULER_KEY).messages().singleResult()) != null) {
      engine.getManagementService().executeJob(batch.getId());
      if (jdbc.queryForObject("SELECT count(*) FROM partner_health", Integer.class) == 0) {
        jdbc.execute("ANALYZE");
      }
    }
    double startedAfter = (System.nanoTime() - start) / 1e9;
    jdbc.execute("ANALYZE");
    BenchJobs.executeAll(engine, PartnerHealthProcess.KEY, JOB_THREADS);
    double seconds = (System.nanoTime() - start) / 1e9;
    int computed = jdbc.queryForObject("SELECT count(*) FROM partner_health", Integer.class);
    int atRisk = jdbc.queryForObject("SELECT count(*) FROM partner_health WHERE enters_risk", Integer.class);

    Http http = new Http(port);
    String kpis = "/api/program/kpis?from=" + today.minusYears(1).plusDays(1) + "&to=" + today;
    List<Double> millis = new ArrayList<>();
    String body = null;
    for (int i = 0; i < KPI_QUERIES; i++) {
      long q = System.nanoTime();
      Response answer = http.get(kpis, "pgadmin", "pgadmin");
      millis.add((System.nanoTime() - q) / 1e6);
      assertThat(answer.status()).as(answer.body()).isEqualTo(200);
      body = answer.body();
    }
    System.out.printf("%nPARTNER HEALTH AND KPI BENCHMARK (PostgreSQL)%n");
    System.out.printf("partners: %d, WON deals: %d (seeded in %.1f s)%n", PARTNERS, PARTNERS * DEALS_PER_PARTNER,
        seedSeconds);
    System.out.printf("quarterly health run: all partner-health instances started after %.1f s; %d scores computed "
        + "and stored on %d job threads in %.1f s (%.0f partners per second); %d entered a risk band%n",
        startedAfter, computed, JOB_THREADS, seconds, computed / seconds, atRisk);
    System.out.printf("GET /api/program/kpis over a year: %s ms (first to last of %d)%n", millis.stream()
        .map(m -> String.format("%.0f", m)).toList(), KPI_QUERIES);
    System.out.printf("kpis: %s%n%n", body.length() > 600 ? body.substring(0, 600) + "..." : body);
    assertThat(computed).isEqualTo(PARTNERS);
  }

  /** PARTNERS ACTIVE partners with a year of WON deals each (some influenced) and a commitments record each. */
  private void seed(LocalDate today) {
    BenchPartners.insertActive(jdbc, "P-H", PARTNERS, today.plusYears(1), today.minusYears(1)
        .atStartOfDay(ZoneOffset.UTC).toInstant());
    jdbc.update("INSERT INTO deal_registration (id, partner_id, submitted_by, customer_name, customer_domain, "
        + "normalized_domain, motion, deal_type, license_type, product, estimated_value, term_months, status, "
        + "attribution, rate_kind, rate_percent, closed_amount, closed_on, terms_version, created_at, updated_at) "
        + "SELECT 'D-H' || n || '-' || m, 'P-H' || n, 'bench', 'Customer', 'cust' || n || '-' || m || '.example', "
        + "'cust' || n || '-' || m || '.example', 'REFERRAL', 'NEW', 'SUBSCRIPTION', 'PLUS', "
        + "(n % 5) * 7000 + 1000, 12, 'WON', CASE WHEN m % 4 = 0 THEN 'INFLUENCED' ELSE 'SOURCED' END, "
        + "'REVENUE_SHARE', 10, (n % 5) * 7000 + 1000, ?::date - (m * 28 + n % 20), '2026-01-01', "
        + "now() - ((m * 28 + n % 20) * interval '1 day'), now() FROM generate_series(1, ?) AS n, "
        + "generate_series(1, ?) AS m", Date.valueOf(today), PARTNERS, DEALS_PER_PARTNER);
    jdbc.update("INSERT INTO partner_commitment (partner_id, period_start, period_end, management_meetings_held, "
        + "ceo_meetings_held, c_suite_meetings_held, enablement_sessions_held, certified_field_percent, "
        + "business_plan_agreed, nps, strategic_fit, commission_quota_relief, sales_event_presence, recorded_by, "
        + "recorded_at) SELECT 'P-H' || n, ?::date - 365, ?::date - 1, 24, 0, 2, 2, 75, TRUE, n % 100 - 20, "
        + "CASE WHEN n % 3 = 0 THEN 'STRONG' WHEN n % 3 = 1 THEN 'MODERATE' ELSE 'WEAK' END, TRUE, FALSE, 'bench', "
        + "now() FROM generate_series(1, ?) AS n", Date.valueOf(today), Date.valueOf(today), PARTNERS);
    jdbc.execute("ANALYZE");
  }
}
