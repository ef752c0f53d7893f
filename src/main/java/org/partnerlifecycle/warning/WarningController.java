package org.partnerlifecycle.warning;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.partnerlifecycle.security.Caller;
import org.partnerlifecycle.security.StaffGroups;
import org.partnerlifecycle.web.InputPatterns;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
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

  WarningController(WarningService warnings, Caller caller) {
    this.warnings = warnings;
    this.caller = caller;
  }

  @PostMapping(path = "/compliance-breaches", consumes = "application/json")
  ResponseEntity<WarningService.BreachRecorded> breach(@PathVariable String id,
      @Valid @RequestBody BreachRequest request) {
    caller.requireGroup(StaffGroups.PARTNER_MANAGERS, StaffGroups.ADMIN);
    WarningService.BreachRecorded recorded = warnings.raiseBreach(id, request.category(), request.detail().trim(),
        "API", caller.name());
    return ResponseEntity.status(recorded.joined() ? HttpStatus.OK : HttpStatus.CREATED).body(recorded);
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
