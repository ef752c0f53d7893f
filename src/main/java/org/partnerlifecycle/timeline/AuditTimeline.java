package org.partnerlifecycle.timeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricIncident;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.partnerlifecycle.audit.AuditSealer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * One time-ordered story of a partner or a deal, for auditors: engine history (processes started and ended, user
 * tasks with who claimed and completed them, timers fired, escalations, incidents) joined with our own records
 * (audit records of API calls and task completions with their form values, rule results with inputs and terms
 * version, ledger entries, tier changes, warning steps, MDF decisions and payments). The audit records committed
 * before a timeline is asked for are sealed first (they are written unsealed: {@link AuditSealer}).
 */
@Service
class AuditTimeline {

  /** One line of the timeline. {@code details}: the record's own fields (inputs, outputs, terms version, …). */
  public record Entry(Instant at, String source, String type, String actor, String summary,
      Map<String, Object> details) {
  }

  private static final List<String> TIMER_TYPES = List.of("startTimerEvent", "intermediateTimer", "boundaryTimer");

  /** Columns that hold JSON text: served as JSON, not as a string of JSON. */
  private static final List<String> JSON_COLUMNS = List.of("details", "inputs");

  private final HistoryService history;
  private final JdbcTemplate jdbc;
  private final ObjectMapper json;
  private final AuditSealer sealer;

  AuditTimeline(HistoryService history, JdbcTemplate jdbc, ObjectMapper json, AuditSealer sealer) {
    this.history = history;
    this.jdbc = jdbc;
    this.json = json;
    this.sealer = sealer;
  }

  public List<Entry> forPartner(String partnerId) {
    return sealer.sealedThenRead(() -> partnerEntries(partnerId));
  }

  public List<Entry> forDeal(String dealId) {
    return sealer.sealedThenRead(() -> dealEntries(dealId));
  }

  private List<Entry> partnerEntries(String partnerId) {
    List<Entry> entries = processesAuditAndRules("PARTNER", partnerId);
    ours("SELECT booked_at AS at, 'system' AS actor, 'ledger.' || kind AS type, deal_id, amount, rate, basis, "
        + "terms_version, explanation FROM ledger_entry WHERE partner_id = ?", "ledger", partnerId, entries);
    ours("SELECT created_at AS at, decided_by AS actor, 'tier.change' AS type, from_tier, to_tier, from_motion, "
        + "to_motion, effective_date, reason, review_id FROM tier_change WHERE partner_id = ?", "tier", partnerId,
        entries);
    ours("SELECT at, decided_by AS actor, 'warning.' || action AS type, level, note, escalation_id FROM warning_step "
        + "WHERE partner_id = ?", "warning", partnerId, entries);
    // Statements (built by a payout run; their issue and payment are audit records and partner events) and the
    // months whose net was carried forward.
    ours("SELECT s.created_at AS at, 'system' AS actor, 'statement.built' AS type, s.id AS statement_id, s.run_id, "
        + "s.status, CAST(s.statement_date AS VARCHAR(10)) AS statement_date, CAST(s.due_date AS VARCHAR(10)) AS "
        + "due_date, s.total, s.terms_version, s.explanation, CAST(s.paid_on AS VARCHAR(10)) AS paid_on, "
        + "s.payment_reference, s.paid_recorded_by FROM statement s WHERE s.partner_id = ?", "payout", partnerId,
        entries);
    ours("SELECT r.updated_at AS at, 'system' AS actor, 'statement.carried-forward' AS type, c.run_id, "
        + "CAST(c.statement_date AS VARCHAR(10)) AS statement_date, c.amount, c.explanation FROM payout_carry_forward c "
        + "JOIN payout_run r ON r.id = c.run_id WHERE c.partner_id = ?", "payout", partnerId, entries);
    ours("SELECT at, decided_by AS actor, 'mdf.' || action AS type, request_id, amount, note FROM mdf_step "
        + "WHERE partner_id = ?", "mdf", partnerId, entries);
    return sorted(entries);
  }

  private List<Entry> dealEntries(String dealId) {
    List<Entry> entries = processesAuditAndRules("DEAL", dealId);
    ours("SELECT booked_at AS at, 'system' AS actor, 'ledger.' || kind AS type, amount, rate, basis, terms_version, "
        + "explanation FROM ledger_entry WHERE deal_id = ?", "ledger", dealId, entries);
    ours("SELECT recorded_at AS at, recorded_by AS actor, 'payment.customer' AS type, contract_year, "
        + "CAST(paid_on AS VARCHAR(10)) AS paid_on, amount FROM customer_payment WHERE deal_id = ?", "payment", dealId,
        entries);
    return sorted(entries);
  }

  /** What partners and deals share: their processes' history, their audit records, their rule results. */
  private List<Entry> processesAuditAndRules(String subjectType, String subjectId) {
    List<Entry> entries = new ArrayList<>();
    engineHistory(subjectId, entries);
    ours("SELECT at, principal AS actor, action AS type, details, process_instance_id FROM audit_record "
        + "WHERE subject_type = ? AND subject_id = ?", "audit", new Object[] {subjectType, subjectId}, entries);
    ruleResults(subjectType, subjectId, entries);
    return entries;
  }

  private void engineHistory(String businessKey, List<Entry> entries) {
    for (HistoricProcessInstance instance : history.createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(businessKey).list()) {
      String process = instance.getProcessDefinitionKey();
      entries.add(new Entry(instance.getStartTime().toInstant(), "engine", "process.started",
          instance.getStartUserId() == null ? "system" : instance.getStartUserId(), process + " started",
          map("processInstanceId", instance.getId())));
      if (instance.getEndTime() != null) {
        entries.add(new Entry(instance.getEndTime().toInstant(), "engine", "process.ended", "system",
            process + " ended (" + instance.getState() + ")", map("processInstanceId", instance.getId(),
                "endActivityId", instance.getEndActivityId())));
      }
      // A user task's name as the engine set it when it created the task ("Review deal registration — Acme / …").
      Map<String, String> taskNames = new HashMap<>();
      for (HistoricTaskInstance task : history.createHistoricTaskInstanceQuery().processInstanceId(instance.getId())
          .list()) {
        taskNames.put(task.getActivityInstanceId(), task.getName());
      }
      for (HistoricActivityInstance activity : history.createHistoricActivityInstanceQuery()
          .processInstanceId(instance.getId()).list()) {
        activity(process, activity, taskNames.get(activity.getId()), entries);
      }
      for (UserOperationLogEntry operation : history.createUserOperationLogQuery()
          .processInstanceId(instance.getId()).list()) {
        // Creation and completion are told by the task's own entries and our audit record (with its form values).
        if (!List.of("Create", "Complete").contains(operation.getOperationType())) {
          entries.add(new Entry(operation.getTimestamp().toInstant(), "engine",
              "task." + operation.getOperationType().toLowerCase(), operation.getUserId(),
              operation.getOperationType() + " " + (operation.getProperty() == null ? "" : operation.getProperty() + "="
                  + operation.getNewValue()), map("taskId", operation.getTaskId(), "operationId",
                  operation.getOperationId())));
        }
      }
      for (HistoricIncident incident : history.createHistoricIncidentQuery().processInstanceId(instance.getId())
          .list()) {
        entries.add(new Entry(incident.getCreateTime().toInstant(), "engine", "incident", "system",
            incident.getIncidentType() + ": " + incident.getIncidentMessage(), map("activityId",
                incident.getActivityId(), "resolved", incident.isResolved())));
      }
    }
  }

  private static void activity(String process, HistoricActivityInstance activity, String taskName,
      List<Entry> entries) {
    String type = activity.getActivityType();
    String name = taskName != null ? taskName
        : activity.getActivityName() == null ? activity.getActivityId() : activity.getActivityName();
    Map<String, Object> details = map("processInstanceId", activity.getProcessInstanceId(), "activityId",
        activity.getActivityId());
    if ("userTask".equals(type)) {
      entries.add(new Entry(activity.getStartTime().toInstant(), "engine", "task.created", "system",
          process + ": " + name, details));
      if (activity.getEndTime() != null && !activity.isCanceled()) {
        entries.add(new Entry(activity.getEndTime().toInstant(), "engine", "task.completed",
            activity.getAssignee() == null ? "unassigned" : activity.getAssignee(), process + ": " + name, details));
      }
    } else if (TIMER_TYPES.contains(type) && activity.getEndTime() != null && !activity.isCanceled()) {
      entries.add(new Entry(activity.getEndTime().toInstant(), "engine", "timer.fired", "system",
          process + ": " + name, details));
    } else if ("EscalateReview".equals(activity.getActivityId())) {
      entries.add(new Entry(activity.getStartTime().toInstant(), "engine", "escalation", "system",
          process + ": review SLA passed, escalated", details));
    }
  }

  private void ruleResults(String subjectType, String subjectId, List<Entry> entries) {
    ours("SELECT created_at AS at, 'rules' AS actor, 'rule.' || rule_name AS type, terms_version, cell, inputs, "
        + "outcome, explanation, process_instance_id FROM rule_result WHERE subject_type = ? AND subject_id = ?",
        "rules", new Object[] {subjectType, subjectId}, entries);
  }

  private void ours(String sql, String source, Object arg, List<Entry> entries) {
    ours(sql, source, new Object[] {arg}, entries);
  }

  private void ours(String sql, String source, Object[] args, List<Entry> entries) {
    for (Map<String, Object> row : jdbc.queryForList(sql, args)) {
      Map<String, Object> details = new LinkedHashMap<>();
      row.forEach((column, value) -> {
        String name = column.toLowerCase();
        if (!List.of("at", "actor", "type").contains(name)) {
          details.put(name, JSON_COLUMNS.contains(name) && value instanceof String text ? parse(text) : value);
        }
      });
      Object at = row.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("at")).findFirst().orElseThrow()
          .getValue();
      String type = String.valueOf(value(row, "type"));
      String summary = "audit".equals(source) ? Summaries.ofAuditRecord(type, (JsonNode) details.get("details"))
          : String.valueOf(details.getOrDefault("explanation", details.getOrDefault("reason",
              details.getOrDefault("note", type))));
      entries.add(new Entry(instant(at), source, type, String.valueOf(value(row, "actor")), summary, details));
    }
  }

  /**
   * Stored JSON as a tree; text that is not JSON (older rows cut at their column's length) stays text. Records
   * written before issue 26 may hold a request body as a string of JSON: stored rows are never rewritten (their
   * hash covers the text), so such strings are served as the JSON they hold.
   */
  private JsonNode parse(String text) {
    try {
      return unnest(json.readTree(text));
    } catch (JsonProcessingException e) {
      return TextNode.valueOf(text);
    }
  }

  private JsonNode unnest(JsonNode node) {
    if (node.isTextual()) {
      String text = node.asText().strip();
      boolean looksLikeJson = text.startsWith("{") && text.endsWith("}") || text.startsWith("[") && text.endsWith("]");
      return looksLikeJson ? parse(text) : node;
    }
    if (node instanceof com.fasterxml.jackson.databind.node.ObjectNode object) {
      object.properties().forEach(field -> field.setValue(unnest(field.getValue())));
    } else if (node instanceof com.fasterxml.jackson.databind.node.ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        array.set(i, unnest(array.get(i)));
      }
    }
    return node;
  }

  private static Object value(Map<String, Object> row, String column) {
    return row.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(column)).findFirst().orElseThrow()
        .getValue();
  }

  private static Instant instant(Object value) {
    if (value instanceof java.sql.Timestamp t) {
      return t.toInstant();
    }
    if (value instanceof java.time.OffsetDateTime o) {
      return o.toInstant();
    }
    throw new IllegalStateException("Not a timestamp: " + value);
  }

  private static List<Entry> sorted(List<Entry> entries) {
    entries.sort(Comparator.comparing(Entry::at));
    return entries;
  }

  private static Map<String, Object> map(Object... keyValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      map.put((String) keyValues[i], keyValues[i + 1]);
    }
    return map;
  }
}
