package org.partnerlifecycle.timeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/** Checks that a timeline's JSON is structured: no string in it holds JSON (issue 26). */
public final class TimelineJson {

  private TimelineJson() {
  }

  /** The strings in {@code node} whose text parses as a JSON object or array, with their paths. */
  public static List<String> stringsHoldingJson(JsonNode node) {
    return stringsHoldingJson(node, "$");
  }

  private static List<String> stringsHoldingJson(JsonNode node, String path) {
    List<String> found = new ArrayList<>();
    if (node.isTextual()) {
      String text = node.asText().strip();
      if ((text.startsWith("{") && text.endsWith("}")) || (text.startsWith("[") && text.endsWith("]"))) {
        try {
          new ObjectMapper().readTree(text);
          found.add(path + " = " + text);
        } catch (Exception notJson) {
          // text that only looks like it
        }
      }
    } else if (node.isObject()) {
      node.properties().forEach(field -> found.addAll(stringsHoldingJson(field.getValue(), path + "." + field.getKey())));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        found.addAll(stringsHoldingJson(node.get(i), path + "[" + i + "]"));
      }
    }
    return found;
  }

}
