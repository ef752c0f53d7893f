package org.partnerlifecycle.timeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;

/** A timeline as CSV: one line per entry, its details as one JSON object in the last column. */
final class TimelineCsv {

  static final String HEADER = "at,source,type,actor,summary,details\n";

  private TimelineCsv() {
  }

  static String of(List<AuditTimeline.Entry> entries, ObjectMapper json) {
    StringBuilder out = new StringBuilder(HEADER);
    for (AuditTimeline.Entry e : entries) {
      out.append(String.join(",", List.of(e.at().toString(), e.source(), e.type(), e.actor(), e.summary(),
          toJson(e.details(), json)).stream().map(TimelineCsv::cell).toList())).append('\n');
    }
    return out.toString();
  }

  private static String toJson(Object details, ObjectMapper json) {
    try {
      return json.writeValueAsString(details);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** RFC 4180 quoting; a leading = + - @ is defused so a spreadsheet does not run it as a formula. */
  static String cell(String value) {
    String v = value == null ? "" : value;
    if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
      v = "'" + v;
    }
    return "\"" + v.replace("\"", "\"\"") + "\"";
  }
}
