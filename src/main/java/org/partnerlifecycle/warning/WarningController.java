package org.partnerlifecycle.warning;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.partnerlifecycle.web.Idempotency;
import org.partnerlifecycle.web.Idempotency.Answer;
import org.partnerlifecycle.web.InputPatterns;
import org.partnerlifecycle.security.Caller;
import org.partnerlifecycle.security.StaffGroups;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Compliance breaches, good standing and reinstatement (SPEC §4, warning-escalation). */
@RestController
@RequestMapping(path = "/api/partners/{id}", produces = "application/json")
class WarningController {

  public record BreachRequest(@NotNull BreachCategory category,
      @NotBlank @Size(max = 2000) @Pattern(regexp = InputPatterns.PLAIN_TEXT, message = InputPatterns.PLAIN_TEXT_MESSAGE)
      String detail) {
  }

  public record NoteRequest(
      @NotBlank @Size(max = 2000) @Pattern(regexp = InputPatterns.PLAIN_TEXT, message = InputPatterns.PLAIN_TEXT_MESSAGE)
      String note) {
  }

  private final WarningService warnings;
  private final Caller caller;
  private final Idempotency idempotency;

  WarningController(WarningService warnings, Caller caller, Idempotency idempotency) {
    this.warnings = warnings;
    this.caller = caller;
    this.idempotency = idempotency;
  }

  @PostMapping(path = "/compliance-breaches", consumes = "application/json")
  ResponseEntity<Object> breach(@PathVariable String id, @Valid @RequestBody BreachRequest request,
      @RequestHeader(name = Idempotency.HEADER, required = false) String idempotencyKey) {
    caller.requireGroup(StaffGroups.PARTNER_MANAGERS, StaffGroups.ADMIN);
    return idempotency.create(caller.name(), idempotencyKey, "compliance-breach", java.util.Map.of("partnerId", id, "body", request),
        () -> {
          WarningService.BreachRecorded recorded = warnings.raiseBreach(id, request.category(),
              request.detail().trim(), "API", caller.name());
          return Answer.of(recorded.joined() ? HttpStatus.OK : HttpStatus.CREATED, recorded.escalationId(), null,
              recorded);
        });
  }

  @PostMapping(path = "/good-standing", consumes = "application/json")
  @ResponseStatus(HttpStatus.ACCEPTED)
  void goodStanding(@PathVariable String id, @Valid @RequestBody NoteRequest request) {
    caller.requireGroup(StaffGroups.PARTNER_MANAGERS, StaffGroups.ADMIN);
    warnings.restoreGoodStanding(id, request.note().trim(), caller.name());
  }

  /** Taking a REMOVED partner back is leadership's decision. */
  @PostMapping(path = "/reinstatement", consumes = "application/json")
  @ResponseStatus(HttpStatus.ACCEPTED)
  void reinstate(@PathVariable String id, @Valid @RequestBody NoteRequest request) {
    caller.requireGroup(StaffGroups.LEADERSHIP);
    warnings.reinstate(id, request.note().trim(), caller.name());
  }

  @GetMapping("/warning-history")
  List<WarningRepository.Step> history(@PathVariable String id) {
    caller.requireStaff();
    return warnings.history(id);
  }
}
