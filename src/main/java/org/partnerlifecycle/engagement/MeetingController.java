package org.partnerlifecycle.engagement;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.partnerlifecycle.audit.AuditLog;
import org.partnerlifecycle.audit.Audited;
import org.partnerlifecycle.engagement.EngagementService.Attendee;
import org.partnerlifecycle.engagement.EngagementService.Logged;
import org.partnerlifecycle.engine.EngineTime;
import org.partnerlifecycle.partner.PartnerNotFoundException;
import org.partnerlifecycle.partner.PartnerRepository;
import org.partnerlifecycle.rules.Engagement.AttendeeLevel;
import org.partnerlifecycle.rules.Engagement.Credit;
import org.partnerlifecycle.rules.Engagement.MeetingKind;
import org.partnerlifecycle.security.Caller;
import org.partnerlifecycle.security.StaffGroups;
import org.partnerlifecycle.web.Idempotency;
import org.partnerlifecycle.web.Idempotency.Answer;
import org.partnerlifecycle.web.InputPatterns;
import org.partnerlifecycle.web.InvalidRequestException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Meetings with a partner (SPEC §4): partner managers log them, staff read them with the participation they add up
 * to over the trailing 12 months (what the tier review counts).
 */
@RestController
@RequestMapping(path = "/api/partners/{id}", produces = "application/json")
class MeetingController {

  public record AttendeeRequest(
      @NotBlank @Size(max = 200) @Pattern(regexp = InputPatterns.PLAIN_TEXT,
          message = InputPatterns.PLAIN_TEXT_MESSAGE) String name,
      @NotNull AttendeeLevel level) {
  }

  public record MeetingRequest(@NotNull LocalDate heldOn, @NotNull MeetingKind kind,
      @NotNull @Size(min = 1, max = 30) List<@NotNull @Valid AttendeeRequest> attendees,
      @Size(max = 4000) String notes, @Size(max = 4000) String actionItems) {
  }

  private final EngagementService engagement;
  private final PartnerRepository partners;
  private final Caller caller;
  private final Idempotency idempotency;
  private final EngineTime time;

  MeetingController(EngagementService engagement, PartnerRepository partners, Caller caller, Idempotency idempotency,
      EngineTime time) {
    this.engagement = engagement;
    this.partners = partners;
    this.caller = caller;
    this.idempotency = idempotency;
    this.time = time;
  }

  /** A meeting held (not in the future, at most a year ago); it counts toward the participation standards. */
  @PostMapping(path = "/meetings", consumes = "application/json")
  @Transactional
  @Audited(action = "partner.meetingLogged", subject = AuditLog.Subject.PARTNER)
  public ResponseEntity<Object> log(@PathVariable String id, @Valid @RequestBody MeetingRequest request,
      @RequestHeader(name = Idempotency.HEADER, required = false) String idempotencyKey) {
    if (!caller.maySee(id)) {
      throw new PartnerNotFoundException(id);
    }
    caller.requireGroup(StaffGroups.PARTNER_MANAGERS);
    partners.get(id);
    LocalDate today = time.today();
    if (request.heldOn().isAfter(today) || request.heldOn().isBefore(today.minusYears(1))) {
      throw new InvalidRequestException("heldOn", "must be between " + today.minusYears(1) + " and today (" + today
          + ")");
    }
    return idempotency.create(caller.name(), idempotencyKey, "meeting", Map.of("partnerId", id, "body", request),
        () -> {
          Logged logged = engagement.logMeeting(id, request.heldOn(), request.kind(), request.attendees().stream()
                  .map(a -> new Attendee(a.name().strip(), a.level())).toList(), blankToNull(request.notes()),
              blankToNull(request.actionItems()), caller.name());
          Map<String, Object> body = new LinkedHashMap<>();
          body.put("meetingId", logged.meetingId());
          body.put("partnerId", id);
          body.put("counts", logged.credit());
          body.put("explanation", logged.explanation());
          return Answer.of(HttpStatus.CREATED, logged.meetingId(), URI.create("/api/partners/" + id + "/meetings"),
              body);
        });
  }

  /** The trailing 12 months' meetings and what they add up to toward the participation standards. */
  record MeetingsView(String partnerId, String from, String to, Credit participation, List<MeetingView> meetings) {
  }

  /** The trailing 12 months' meetings, latest first, and the participation they add up to. */
  @GetMapping("/meetings")
  MeetingsView list(@PathVariable String id) {
    if (!caller.maySee(id)) {
      throw new PartnerNotFoundException(id);
    }
    caller.requireStaff();
    partners.get(id);
    LocalDate to = time.today();
    LocalDate from = to.minusMonths(12);
    return new MeetingsView(id, from.plusDays(1).toString(), to.toString(), engagement.participation(id, from, to),
        engagement.meetings(id, from.plusDays(1), to));
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
