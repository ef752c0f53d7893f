package org.partnerlifecycle.bench;

import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Where PostgreSQL's time goes during a benchmark row, from {@code pg_stat_statements} (which the server must load:
 * {@code bench/statements.sh} starts one that does). Statements are grouped by the table they write or read, so the
 * engine's multi-row inserts into one table (a process's variables, in a few batches) count as one line, and the
 * foreign-key checks PostgreSQL runs for each inserted row as another.
 */
final class StatementProfile {

  /** The grouping: insert / update / delete / select, the table, and whether it is a foreign-key check or locks. */
  private static final String BY_TABLE = """
      SELECT CASE
          WHEN query ~* 'for key share' THEN 'foreign-key check on '
              || lower(substring(query FROM 'FROM ONLY "public"."([A-Za-z_]+)"'))
          WHEN query ~* '^\\s*insert\\s+into' THEN 'insert '
              || lower(substring(query FROM '(?i)^\\s*insert\\s+into\\s+([a-z_]+)'))
          WHEN query ~* '^\\s*update' THEN 'update ' || lower(substring(query FROM '(?i)^\\s*update\\s+([a-z_]+)'))
          WHEN query ~* '^\\s*delete' THEN 'delete '
              || lower(substring(query FROM '(?i)^\\s*delete\\s+from\\s+([a-z_]+)'))
          WHEN query ~* '^\\s*select' THEN 'select ' || lower(substring(query FROM '(?i)\\sfrom\\s+([a-z_]+)'))
              || CASE WHEN query ~* 'for update' THEN ' for update (with its lock wait)' ELSE '' END
          ELSE lower(split_part(trim(query), ' ', 1)) END AS what,
        sum(calls) AS calls, sum(rows) AS rows, sum(total_exec_time) AS exec_ms, sum(wal_bytes) AS wal_bytes,
        sum(wal_fpi) AS wal_fpi
      FROM pg_stat_statements
      WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
        AND query !~* 'pg_stat_(activity|statements)'
      GROUP BY 1 ORDER BY exec_ms DESC""";

  private final JdbcTemplate jdbc;

  StatementProfile(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
    jdbc.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
  }

  void reset() {
    jdbc.queryForList("SELECT pg_stat_statements_reset()");
  }

  /** Prints the statements since the last reset, per request of the row, and each line's share of executor time. */
  void print(String row, long requests) {
    List<Map<String, Object>> lines = jdbc.queryForList(BY_TABLE);
    double totalMs = total(lines, "exec_ms");
    System.out.printf("%nSTATEMENTS, %s: per request (%d requests), by table; executor time excludes parsing, "
        + "network and commit%n", row, requests);
    System.out.printf("%-62s %7s %7s %9s %6s %10s %6s%n", "statement", "calls", "rows", "exec µs", "share",
        "WAL bytes", "pages");
    for (Map<String, Object> line : lines) {
      double ms = value(line, "exec_ms");
      if (ms < totalMs / 200) {
        continue;
      }
      System.out.printf("%-62s %7.1f %7.1f %9.1f %5.1f%% %10.0f %6.1f%n", line.get("what"),
          value(line, "calls") / requests, value(line, "rows") / requests, ms * 1000 / requests, 100 * ms / totalMs,
          value(line, "wal_bytes") / requests, value(line, "wal_fpi") / requests);
    }
    System.out.printf("%-62s %7s %7s %9.1f %5.1f%% %10.0f %6.1f%n", "all (lines under 0.5 % not shown)", "", "",
        totalMs * 1000 / requests, 100.0, total(lines, "wal_bytes") / requests, total(lines, "wal_fpi") / requests);
    System.out.println("pages: full-page images in the WAL (a page's first change after a checkpoint)");
  }

  private static double value(Map<String, Object> line, String column) {
    return ((Number) line.get(column)).doubleValue();
  }

  private static double total(List<Map<String, Object>> lines, String column) {
    return lines.stream().mapToDouble(line -> value(line, column)).sum();
  }
}
