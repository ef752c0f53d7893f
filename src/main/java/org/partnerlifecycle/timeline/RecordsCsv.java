package org.partnerlifecycle.timeline;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.partnerlifecycle.audit.AuditLog;
import org.partnerlifecycle.audit.AuditLog.AuditRecord;
import org.partnerlifecycle.web.InvalidRequestException;

/**
 * The chain's records as CSV (RFC 4180, every field quoted), each field exactly as stored and hashed — no formula
 * defusing, which would change the text a verifier hashes (no stored field starts with = + - @: ids, user names,
 * action names, ISO instants and JSON objects).
 */
final class RecordsCsv {

  static final String HEADER = "id,at,principal,action,subject_type,subject_id,process_instance_id,details,prev_hash,"
      + "hash\n";

  private RecordsCsv() {
  }

  /** Streams the records {@code afterId < id <= toId} (default: up to the head) as an attachment. */
  static void write(AuditLog audit, long afterId, Long toId, HttpServletResponse response) throws IOException {
    if (afterId < 0) {
      throw new InvalidRequestException("afterId", "must not be negative");
    }
    long to = toId != null ? toId : audit.head().lastId();
    response.setContentType("text/csv;charset=UTF-8");
    response.setHeader("Content-Disposition", "attachment; filename=audit-records-" + (afterId + 1) + "-" + to
        + ".csv");
    Writer out = response.getWriter();
    out.write(HEADER);
    audit.export(afterId, to, r -> {
      try {
        out.write(line(r));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    out.flush();
  }

  static String line(AuditRecord r) {
    return Arrays.stream(new String[] {Long.toString(r.id()), r.at().toString(), r.principal(), r.action(),
        r.subjectType(), r.subjectId(), r.processInstanceId() == null ? "" : r.processInstanceId(), r.details(),
        r.prevHash(), r.hash()}).map(v -> "\"" + v.replace("\"", "\"\"") + "\"").collect(Collectors.joining(","))
        + "\n";
  }
}
