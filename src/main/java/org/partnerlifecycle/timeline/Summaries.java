package org.partnerlifecycle.timeline;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One line in plain words for an audit record: what was done, with its decisive values. */
final class Summaries {

  private static final List<String> HIDDEN = List.of("task", "taskId", "caller", "idempotencyKey");

  private Summaries() {
  }

  /** "Completed Approve negotiated rate — Acme / Globex, $48,000: rate decision APPROVE, approved rate 18, …". */
  static String ofAuditRecord(String action, JsonNode details) {
    String what = action.startsWith("task.complete") && details != null && details.hasNonNull("task")
        ? "Completed " + details.get("task").asText()
        : words(action.replace('.', ' '));
    List<String> values = new ArrayList<>();
    if (details != null && details.isObject()) {
      for (Map.Entry<String, JsonNode> field : details.properties()) {
        if (!HIDDEN.contains(field.getKey()) && field.getValue().isValueNode() && !field.getValue().isNull()) {
          values.add(words(field.getKey()) + " " + (field.getValue().isNumber()
              ? Html.number(field.getKey(), field.getValue().decimalValue()) : field.getValue().asText()));
        }
      }
    }
    return values.isEmpty() ? what : what + ": " + String.join(", ", values);
  }

  /** camelCase to lower-case words: "rateDecision" → "rate decision". */
  static String words(String name) {
    return name.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase();
  }
}
