package org.partnerlifecycle.payout;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.partnerlifecycle.mdf.MdfService;
import org.partnerlifecycle.partner.PartnerNotFoundException;
import org.partnerlifecycle.partner.PartnerRepository;
import org.partnerlifecycle.security.Caller;
import org.partnerlifecycle.security.StaffGroups;
import org.partnerlifecycle.web.Idempotency;
import org.partnerlifecycle.web.InputPatterns;
import org.partnerlifecycle.web.InvalidRequestException;
import org.partnerlifecycle.web.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Payout runs and statements (SPEC §4, second release): finance starts a run and records statement payments;
 * finance, leadership and auditors read runs; staff and the partner itself read its statements (another partner's
 * are 404), as JSON or CSV with every line traced to its deal, ledger entry, rule result and terms version.
 */
@RestController
@RequestMapping(path = "/api", produces = "application/json")
class PayoutController {

  public record RunRequest(LocalDate statementDate) {
  }

  public record PaymentRequest(@NotNull LocalDate paidOn,
      @NotBlank @Size(max = 200) @Pattern(regexp = InputPatterns.PLAIN_TEXT, message = InputPatterns.PLAIN_TEXT_MESSAGE)
      String reference) {
  }

  /** A statement with its lines. */
  public record StatementView(Statement statement, List<StatementLine> lines) {
  }

  /**
   * One row of a partner's statement list: a statement, or a month whose net was carried forward (status
   * CARRIED_FORWARD, no statement id, {@code carriedForward} the amount). On a statement, {@code carriedForward} is
   * what the previous month carried forward into it.
   */
  /**
   * One line of a partner's statement history: a statement, a month carried forward, or an MDF reimbursement
   * (paid by finance on its own due date, Net 15; {@code mdfRequestId} names it).
   */
  public record StatementRow(String statementId, LocalDate date, LocalDate dueDate, String status, BigDecimal total,
      BigDecimal carriedForward, String runId, String explanation, HistoryKind kind, String mdfRequestId) {
  }

  /** What a line of the statement history is. */
  public enum HistoryKind { STATEMENT, CARRIED_FORWARD, MDF_REIMBURSEMENT }

  private final PayoutRunService runs;
  private final MdfService mdf;
  private final PartnerRepository partners;
  private final Caller caller;
  private final Idempotency idempotency;

  PayoutController(PayoutRunService runs, MdfService mdf, PartnerRepository partners, Caller caller,
      Idempotency idempotency) {
    this.runs = runs;
    this.mdf = mdf;
    this.partners = partners;
    this.caller = caller;
    this.idempotency = idempotency;
  }

  /** A run requested, or the period's earlier run ({@code alreadyRan}: nothing changed). */
  @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
  record RunRequested(String runId, String period, LocalDate statementDate, PayoutRunStatus status,
      boolean alreadyRan, String explanation) {
  }

  /** A run with its statements. */
  record RunView(PayoutRun run, List<Statement> statements) {
  }

  @PostMapping(path = "/payout-runs", consumes = "application/json")
  @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "202", description = "The run requested",
      content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/json",
          schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = RunRequested.class)))
  ResponseEntity<Object> run(@Valid @RequestBody(required = false) RunRequest request,
      @RequestHeader(name = Idempotency.HEADER, required = false) String idempotencyKey) {
    caller.requireGroup(StaffGroups.FINANCE, StaffGroups.ADMIN);
    RunRequest body = request == null ? new RunRequest(null) : request;
    return idempotency.create(caller.name(), idempotencyKey, "payout-run", body, () -> {
      PayoutRunService.Requested requested = runs.request(body.statementDate(), caller.name());
      PayoutRun run = runs.run(requested.runId()).orElseThrow();
      RunRequested answer = new RunRequested(run.runId(), run.period(), run.statementDate(), run.status(),
          requested.alreadyRan(), requested.alreadyRan() ? "Period " + run.period() + " ran already: nothing changed"
              : null);
      return Idempotency.Answer.of(HttpStatus.ACCEPTED, run.runId(), URI.create("/api/payout-runs/" + run.runId()),
          answer);
    });
  }

  @GetMapping("/payout-runs/{id}")
  RunView run(@PathVariable String id) {
    caller.requireGroup(StaffGroups.FINANCE, StaffGroups.LEADERSHIP, StaffGroups.AUDITORS, StaffGroups.ADMIN);
    PayoutRun run = runs.run(id).orElseThrow(() -> new NotFoundException("No payout run " + id));
    return new RunView(run, runs.statementsOfRun(id));
  }

  @GetMapping("/partners/{id}/statements")
  List<StatementRow> statements(@PathVariable String id) {
    if (!caller.maySee(id) || partners.find(id).isEmpty()) {
      throw new PartnerNotFoundException(id);
    }
    List<StatementRow> rows = new ArrayList<>();
    runs.statementsOfPartner(id).forEach(s -> rows.add(new StatementRow(s.statementId(), s.date(), s.dueDate(),
        s.status().name(), s.total(), s.carriedForward(), s.runId(), s.explanation(), HistoryKind.STATEMENT, null)));
    runs.carryForwardsOfPartner(id).forEach(c -> rows.add(new StatementRow(null, c.statementDate(), null,
        "CARRIED_FORWARD", BigDecimal.ZERO.setScale(2), c.amount(), c.runId(), c.explanation(),
        HistoryKind.CARRIED_FORWARD, null)));
    mdf.reimbursements(id).forEach(r -> rows.add(new StatementRow(null, r.approvedOn(), r.dueOn(), r.status(),
        r.amount(), null, null, "MDF reimbursement of request " + r.requestId() + ", due Net 15 from the claim's "
            + "approval", HistoryKind.MDF_REIMBURSEMENT, r.requestId())));
    rows.sort((a, b) -> b.date().compareTo(a.date()));
    return rows;
  }

  @GetMapping(path = "/statements/{id}", produces = {"application/json", "text/csv"})
  @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "The statement and its "
      + "lines (JSON), or ?format=csv",
      content = {@io.swagger.v3.oas.annotations.media.Content(mediaType = "application/json",
          schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = StatementView.class)),
          @io.swagger.v3.oas.annotations.media.Content(mediaType = "text/csv",
              schema = @io.swagger.v3.oas.annotations.media.Schema(type = "string"))})
  ResponseEntity<Object> statement(@PathVariable String id,
      @RequestParam(name = "format", defaultValue = "json") String format) {
    if (!format.equals("json") && !format.equals("csv")) {
      throw new InvalidRequestException("format", "must be json or csv");
    }
    Statement statement = visible(id);
    List<StatementLine> lines = runs.lines(id);
    if (format.equals("csv")) {
      return ResponseEntity.ok().contentType(new MediaType("text", "csv"))
          .header("Content-Disposition", "attachment; filename=" + id + ".csv").body(StatementCsv.of(statement, lines));
    }
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(new StatementView(statement, lines));
  }

  @PostMapping(path = "/statements/{id}/payment", consumes = "application/json")
  Statement payment(@PathVariable String id, @Valid @RequestBody PaymentRequest request) {
    caller.requireGroup(StaffGroups.FINANCE, StaffGroups.ADMIN);
    runs.statement(id).orElseThrow(() -> new NotFoundException("No statement " + id));
    return runs.recordPayment(id, request.paidOn(), request.reference().trim(), caller.name());
  }

  /** The statement, if the caller may see it: staff, or its own partner. Otherwise it does not exist for them. */
  private Statement visible(String id) {
    Statement statement = runs.statement(id).orElseThrow(() -> new NotFoundException("No statement " + id));
    if (!caller.maySee(statement.partnerId())) {
      throw new NotFoundException("No statement " + id);
    }
    return statement;
  }
}
