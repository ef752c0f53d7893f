package org.partnerlifecycle.platform;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Since V9 two facts a later step decides on are kept in our tables instead of process variables: who reviewed an
 * application and a tier review's grace count. Processes started before V9 still carry them only as variables;
 * at startup each running process's value is copied once into the empty column, so that the step that reads it
 * (the Strategic placement's four eyes, applying a tier decision) finds it.
 */
@Component
public class DecisionFactsBackfill {

  private final JdbcTemplate jdbc;

  public DecisionFactsBackfill(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** @return how many rows got their fact */
  public int run() {
    // A process instance's own variables (not a task's or a sub-execution's); the business key is the partner id.
    int reviewers = jdbc.update("UPDATE partner SET application_reviewed_by = (SELECT MAX(v.TEXT_) "
        + "FROM ACT_RU_VARIABLE v JOIN ACT_RU_EXECUTION e ON e.ID_ = v.PROC_INST_ID_ "
        + "WHERE e.BUSINESS_KEY_ = partner.id AND v.NAME_ = 'reviewedBy' AND v.EXECUTION_ID_ = v.PROC_INST_ID_) "
        + "WHERE application_reviewed_by IS NULL AND EXISTS (SELECT 1 FROM ACT_RU_VARIABLE v "
        + "JOIN ACT_RU_EXECUTION e ON e.ID_ = v.PROC_INST_ID_ "
        + "WHERE e.BUSINESS_KEY_ = partner.id AND v.NAME_ = 'reviewedBy' AND v.EXECUTION_ID_ = v.PROC_INST_ID_)");
    // The review's id is its process instance's; an Integer variable is stored in LONG_.
    int graceCounts = jdbc.update("UPDATE tier_review SET failing_reviews_after = (SELECT MAX(v.LONG_) "
        + "FROM ACT_RU_VARIABLE v WHERE v.PROC_INST_ID_ = tier_review.id AND v.NAME_ = 'failingReviewsAfter') "
        + "WHERE failing_reviews_after IS NULL AND EXISTS (SELECT 1 FROM ACT_RU_VARIABLE v "
        + "WHERE v.PROC_INST_ID_ = tier_review.id AND v.NAME_ = 'failingReviewsAfter')");
    return reviewers + graceCounts;
  }
}
