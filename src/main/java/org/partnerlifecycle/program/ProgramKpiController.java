package org.partnerlifecycle.program;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.partnerlifecycle.program.KpiRepository.KpiRecord;
import org.partnerlifecycle.security.Caller;
import org.partnerlifecycle.security.StaffGroups;
import org.partnerlifecycle.web.ApiProblems.FieldProblem;
import org.partnerlifecycle.web.InvalidRequestException;
import org.partnerlifecycle.web.ListQuery;
import org.partnerlifecycle.web.NotFoundException;
import org.partnerlifecycle.web.Page;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** GET /api/program/kpis (SPEC §4): leadership, auditors and admin. */
@RestController
@RequestMapping(path = "/api/program/kpis", produces = "application/json")
class ProgramKpiController {

  /** The longest period one query covers. */
  static final int MAX_YEARS = 5;

  private final ProgramKpis kpis;
  private final Caller caller;

  ProgramKpiController(ProgramKpis kpis, Caller caller) {
    this.kpis = kpis;
    this.caller = caller;
  }

  /** Every KPI over [from, to] (dates, both included), each with its definition and its records' link. */
  @GetMapping
  ProgramKpiReport kpis(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
    allowed();
    LocalDate[] period = period(from, to, List.of());
    return kpis.kpis(period[0], period[1]);
  }

  /** The records behind one KPI, a page at a time; {@code counted}: in the numerator. */
  @GetMapping("/{kpi}/records")
  Page<KpiRecord> records(@PathVariable String kpi, @RequestParam(required = false) String from,
      @RequestParam(required = false) String to, @RequestParam(required = false) String page,
      @RequestParam(required = false) String size) {
    allowed();
    Kpi which = Kpi.ofPath(kpi);
    if (which == null) {
      throw new NotFoundException("no KPI '" + kpi + "'; there are " + java.util.Arrays.stream(Kpi.values())
          .map(Kpi::path).toList());
    }
    ListQuery query = ListQuery.of(page, size);
    List<FieldProblem> pageErrors = new ArrayList<>();
    try {
      query.check();
    } catch (InvalidRequestException e) {
      pageErrors.addAll(e.errors());
    }
    LocalDate[] period = period(from, to, pageErrors);
    return query.page(kpis.count(which, period[0], period[1]),
        kpis.records(which, period[0], period[1], query.offset(), query.size()));
  }

  private void allowed() {
    caller.requireGroup(StaffGroups.LEADERSHIP, StaffGroups.AUDITORS, StaffGroups.ADMIN);
  }

  private static LocalDate[] period(String from, String to, List<FieldProblem> earlier) {
    List<FieldProblem> errors = new ArrayList<>(earlier);
    LocalDate start = date("from", from, errors);
    LocalDate end = date("to", to, errors);
    if (start != null && end != null) {
      if (end.isBefore(start)) {
        errors.add(new FieldProblem("to", "must not be before from"));
      } else if (end.isAfter(start.plusYears(MAX_YEARS))) {
        errors.add(new FieldProblem("to", "a period is at most " + MAX_YEARS + " years"));
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException("Invalid query parameters", errors);
    }
    return new LocalDate[] {start, end};
  }

  private static LocalDate date(String name, String value, List<FieldProblem> errors) {
    if (value == null || value.isBlank()) {
      errors.add(new FieldProblem(name, "is required (a date such as 2026-01-01)"));
      return null;
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      errors.add(new FieldProblem(name, "must be a date such as 2026-01-01"));
      return null;
    }
  }
}
