package org.partnerlifecycle.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import org.partnerlifecycle.engine.EngineTime;
import org.partnerlifecycle.rules.Explanation;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Stores every rule result with its explanation (rule, inputs, cell, outcome, terms version), in the transaction
 * of the decision it explains, where auditors read it.
 */
@Component
public class RuleResultStore {

  public enum Subject { PARTNER, DEAL, LEAD, PAYOUT_RUN }

  private final JdbcTemplate jdbc;
  private final ObjectMapper json;
  private final EngineTime time;

  public RuleResultStore(JdbcTemplate jdbc, ObjectMapper json, EngineTime time) {
    this.jdbc = jdbc;
    this.json = json;
    this.time = time;
  }

  public void record(Subject subject, String subjectId, Explanation explanation, String processInstanceId) {
    jdbc.update("INSERT INTO rule_result (subject_type, subject_id, rule_name, terms_version, cell, inputs, outcome, "
            + "explanation, process_instance_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        subject.name(), subjectId, explanation.rule(), explanation.termsVersion(), explanation.cell(),
        toJson(explanation.inputs()), explanation.outcome(), explanation.text(), processInstanceId,
        Timestamp.from(time.now()));
  }

  private String toJson(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
