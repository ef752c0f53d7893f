package org.partnerlifecycle.timeline;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.partnerlifecycle.audit.AuditLog.AuditRecord;

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

  static String line(AuditRecord r) {
    return Arrays.stream(new String[] {Long.toString(r.id()), r.at().toString(), r.principal(), r.action(),
        r.subjectType(), r.subjectId(), r.processInstanceId() == null ? "" : r.processInstanceId(), r.details(),
        r.prevHash(), r.hash()}).map(v -> "\"" + v.replace("\"", "\"\"") + "\"").collect(Collectors.joining(","))
        + "\n";
  }
}
