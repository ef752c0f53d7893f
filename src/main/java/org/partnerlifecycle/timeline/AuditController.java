package org.partnerlifecycle.timeline;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.partnerlifecycle.audit.AuditLog;
import org.partnerlifecycle.security.Caller;
import org.partnerlifecycle.security.StaffGroups;
import org.partnerlifecycle.web.InvalidRequestException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit API (SPEC §4): timelines as JSON or CSV with from/to and paging, and the hash chain's verification. */
@RestController
@RequestMapping("/api/audit")
class AuditController {

  public record Page(int page, int size, int total, List<AuditTimeline.Entry> entries) {
  }

  private final AuditTimeline timeline;
  private final AuditLog audit;
  private final Caller caller;

  AuditController(AuditTimeline timeline, AuditLog audit, Caller caller) {
    this.timeline = timeline;
    this.audit = audit;
    this.caller = caller;
  }

  /** A partner's ({@code /partners/{id}}) or a deal registration's ({@code /deal-registrations/{id}}) timeline. */
  @GetMapping("/{subject:partners|deal-registrations}/{id}")
  ResponseEntity<?> timeline(@PathVariable String subject, @PathVariable String id,
      @RequestParam(required = false) String from, @RequestParam(required = false) String to,
      @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "500") int size,
      @RequestParam(defaultValue = "json") String format) {
    caller.requireGroup(StaffGroups.AUDITORS, StaffGroups.ADMIN);
    return answer("partners".equals(subject) ? timeline.forPartner(id) : timeline.forDeal(id), from, to, page, size,
        format);
  }

  @GetMapping(path = "/verify", produces = "application/json")
  AuditLog.Verification verify() {
    caller.requireGroup(StaffGroups.AUDITORS, StaffGroups.ADMIN);
    return audit.verify();
  }

  private ResponseEntity<?> answer(List<AuditTimeline.Entry> all, String from, String to, int page, int size,
      String format) {
    Instant start = instant("from", from);
    Instant end = instant("to", to);
    if (page < 0) {
      throw new InvalidRequestException("page", "must not be negative");
    }
    if (size < 1 || size > 5000) {
      throw new InvalidRequestException("size", "must be between 1 and 5000");
    }
    if (!format.equals("json") && !format.equals("csv")) {
      throw new InvalidRequestException("format", "must be json or csv");
    }
    List<AuditTimeline.Entry> filtered = all.stream()
        .filter(e -> start == null || !e.at().isBefore(start))
        .filter(e -> end == null || e.at().isBefore(end))
        .toList();
    List<AuditTimeline.Entry> pageOf = filtered.stream().skip((long) page * size).limit(size).toList();
    if (format.equals("csv")) {
      return ResponseEntity.ok().contentType(new MediaType("text", "csv"))
          .header("Content-Disposition", "attachment; filename=audit.csv").body(csv(pageOf));
    }
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
        .body(new Page(page, size, filtered.size(), pageOf));
  }

  /** ISO-8601 instant or date (a date means its start, UTC). */
  private static Instant instant(String parameter, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return value.length() == 10 ? java.time.LocalDate.parse(value).atStartOfDay(java.time.ZoneOffset.UTC).toInstant()
          : Instant.parse(value);
    } catch (java.time.format.DateTimeParseException e) {
      throw new InvalidRequestException(parameter, "must be an ISO date (2026-01-31) or instant (2026-01-31T10:00:00Z)");
    }
  }

  private static String csv(List<AuditTimeline.Entry> entries) {
    StringBuilder out = new StringBuilder("at,source,type,actor,summary,details\n");
    for (AuditTimeline.Entry e : entries) {
      out.append(String.join(",", List.of(e.at().toString(), e.source(), e.type(), e.actor(), e.summary(),
          e.details().entrySet().stream().map(d -> d.getKey() + "=" + d.getValue())
              .collect(Collectors.joining("; "))).stream().map(AuditController::cell).toList())).append('\n');
    }
    return out.toString();
  }

  /** RFC 4180 quoting; a leading = + - @ is defused so a spreadsheet does not run it as a formula. */
  private static String cell(String value) {
    String v = value == null ? "" : value;
    if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
      v = "'" + v;
    }
    return "\"" + v.replace("\"", "\"\"") + "\"";
  }
}
