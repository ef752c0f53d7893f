package org.partnerlifecycle.timeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.partnerlifecycle.audit.AuditCheckpoints;
import org.partnerlifecycle.audit.AuditLog;
import org.partnerlifecycle.security.Caller;
import org.partnerlifecycle.security.StaffGroups;
import org.partnerlifecycle.web.Idempotency;
import org.partnerlifecycle.web.Idempotency.Answer;
import org.partnerlifecycle.web.InvalidRequestException;
import org.partnerlifecycle.web.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit API (SPEC §4): timelines as JSON or CSV with from/to and paging, the hash chain's verification, its
 * signed checkpoints and the raw records for offline verification.
 */
@RestController
@RequestMapping("/api/audit")
class AuditController {

  public record Page(int page, int size, int total, List<AuditTimeline.Entry> entries) {
  }

  public record Checkpoints(int page, int size, int total, List<AuditCheckpoints.Checkpoint> checkpoints) {
  }

  private final AuditTimeline timeline;
  private final AuditLog audit;
  private final AuditCheckpoints checkpoints;
  private final Caller caller;
  private final Idempotency idempotency;
  private final ObjectMapper json;

  AuditController(AuditTimeline timeline, AuditLog audit, AuditCheckpoints checkpoints, Caller caller,
      Idempotency idempotency, ObjectMapper json) {
    this.timeline = timeline;
    this.audit = audit;
    this.checkpoints = checkpoints;
    this.caller = caller;
    this.idempotency = idempotency;
    this.json = json;
  }

  /** A partner's ({@code /partners/{id}}) or a deal registration's ({@code /deal-registrations/{id}}) timeline. */
  @GetMapping("/{subject:partners|deal-registrations}/{id}")
  @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "A page of the timeline "
      + "(JSON), or ?format=csv",
      content = {@io.swagger.v3.oas.annotations.media.Content(mediaType = "application/json",
          schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = Page.class)),
          @io.swagger.v3.oas.annotations.media.Content(mediaType = "text/csv",
              schema = @io.swagger.v3.oas.annotations.media.Schema(type = "string"))})
  ResponseEntity<?> timeline(@PathVariable String subject, @PathVariable String id,
      @RequestParam(required = false) String from, @RequestParam(required = false) String to,
      @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "500") int size,
      @RequestParam(defaultValue = "json") String format) {
    caller.requireGroup(StaffGroups.AUDITORS, StaffGroups.ADMIN);
    return answer(() -> "partners".equals(subject) ? timeline.forPartner(id) : timeline.forDeal(id), from, to, page,
        size, format);
  }

  /**
   * The whole chain, or (with {@code checkpoint}) the records from a signed checkpoint on: its signature, its record's
   * hash and every record after it.
   */
  @GetMapping(path = "/verify", produces = "application/json")
  AuditLog.Verification verify(@RequestParam(required = false) Long checkpoint) {
    caller.requireGroup(StaffGroups.AUDITORS, StaffGroups.ADMIN);
    return checkpoint == null ? audit.verify() : audit.verifyFrom(checkpoints.get(checkpoint)
        .orElseThrow(() -> new InvalidRequestException("checkpoint", "no checkpoint " + checkpoint)));
  }

  /** Signed checkpoints of the chain's head, newest first. */
  @GetMapping(path = "/checkpoints", produces = "application/json")
  Checkpoints checkpoints(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
    caller.requireGroup(StaffGroups.AUDITORS, StaffGroups.ADMIN);
    checkPage(page, size, 500);
    return new Checkpoints(page, size, checkpoints.count(), checkpoints.list(page, size));
  }

  @GetMapping(path = "/checkpoints/latest", produces = "application/json")
  AuditCheckpoints.Checkpoint latestCheckpoint() {
    caller.requireGroup(StaffGroups.AUDITORS, StaffGroups.ADMIN);
    return checkpoints.latest().orElseThrow(() -> new NotFoundException("No checkpoint has been made yet"));
  }

  /** A checkpoint of the head now (admins); the hourly one is made without asking. */
  @PostMapping(path = "/checkpoints", produces = "application/json")
  ResponseEntity<Object> makeCheckpoint(
      @RequestHeader(name = Idempotency.HEADER, required = false) String idempotencyKey) {
    caller.requireGroup(StaffGroups.ADMIN);
    return idempotency.create(caller.name(), idempotencyKey, "audit-checkpoint", Map.of(), () -> {
      AuditCheckpoints.Checkpoint made = checkpoints.make(caller.name());
      return Answer.of(HttpStatus.CREATED, String.valueOf(made.id()),
          URI.create("/api/audit/checkpoints/" + made.id()), made);
    });
  }

  @GetMapping(path = "/checkpoints/{id}", produces = "application/json")
  AuditCheckpoints.Checkpoint checkpoint(@PathVariable long id) {
    caller.requireGroup(StaffGroups.AUDITORS, StaffGroups.ADMIN);
    return checkpoints.get(id).orElseThrow(() -> new NotFoundException("No checkpoint " + id));
  }

  /**
   * The chain's records {@code afterId < id <= toId} (default: all, up to the head) as CSV, streamed, each field as
   * stored: what docs/verify-audit-export.sh recomputes the hashes from, against a checkpoint.
   */
  @GetMapping(path = "/records", produces = "text/csv")
  void records(@RequestParam(defaultValue = "0") long afterId, @RequestParam(required = false) Long toId,
      HttpServletResponse response) throws IOException {
    caller.requireGroup(StaffGroups.AUDITORS, StaffGroups.ADMIN);
    RecordsCsv.write(audit, afterId, toId, response);
  }

  /** {@code all} is read once the request is valid: the read seals pending audit records, a refusal changes nothing. */
  private ResponseEntity<?> answer(Supplier<List<AuditTimeline.Entry>> all, String from, String to, int page,
      int size, String format) {
    Instant start = instant("from", from);
    Instant end = instant("to", to);
    checkPage(page, size, 5000);
    if (!format.equals("json") && !format.equals("csv")) {
      throw new InvalidRequestException("format", "must be json or csv");
    }
    List<AuditTimeline.Entry> filtered = all.get().stream()
        .filter(e -> start == null || !e.at().isBefore(start))
        .filter(e -> end == null || e.at().isBefore(end))
        .toList();
    List<AuditTimeline.Entry> pageOf = filtered.stream().skip((long) page * size).limit(size).toList();
    if (format.equals("csv")) {
      return ResponseEntity.ok().contentType(new MediaType("text", "csv"))
          .header("Content-Disposition", "attachment; filename=audit.csv").body(TimelineCsv.of(pageOf, json));
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

  private static void checkPage(int page, int size, int maxSize) {
    if (page < 0) {
      throw new InvalidRequestException("page", "must not be negative");
    }
    if (size < 1 || size > maxSize) {
      throw new InvalidRequestException("size", "must be between 1 and " + maxSize);
    }
  }
}
