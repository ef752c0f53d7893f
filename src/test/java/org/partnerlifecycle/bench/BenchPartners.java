package org.partnerlifecycle.bench;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Many ACTIVE partners at once, written straight into the partner table: the benchmarks need thousands, and the
 * real onboarding (support.ActivePartners, used by the tests) takes four tasks per partner. bench/lib.sh's
 * seed_partner writes the same row for the shell scripts.
 */
final class BenchPartners {

  private BenchPartners() {
  }

  /**
   * Partners {@code idPrefix}1 … {@code idPrefix}{@code count}: GROWTH referral partners listed with every launch
   * method and product, spread over the four regions, each with its own domain.
   */
  static void insertActive(JdbcTemplate jdbc, String idPrefix, int count, LocalDate nextReviewDue,
      Instant activatedAt) {
    jdbc.update("INSERT INTO partner (id, company_name, website_domain, normalized_domain, contact_name, contact_email, "
        + "region, applied_motion, forecast_annual_revenue, status, proposed_tier, tier, motion, terms_version, "
        + "launch_methods, products, integration_types, listed, next_review_due, activated_at, created_at, updated_at) "
        + "SELECT ? || n, 'Bench ' || ? || n, lower(?) || n || '.bench.example', lower(?) || n || '.bench.example', "
        + "'Contact', 'c' || n || '@bench.example', (ARRAY['NA','EMEA','APAC','LATAM'])[1 + n % 4], 'REFERRAL', "
        + "150000, 'ACTIVE', 'GROWTH', 'GROWTH', 'REFERRAL', '2026-01-01', 'SCORM,AICC,LAUNCH_LINKS_SSO', "
        + "'PLUS,SIMON,ORO', 'DIRECT_INTEGRATION', TRUE, ?, ?, now(), now() FROM generate_series(1, ?) AS n",
        idPrefix, idPrefix, idPrefix, idPrefix, Date.valueOf(nextReviewDue), Timestamp.from(activatedAt), count);
  }
}
