package org.partnerlifecycle.timeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.partnerlifecycle.audit.AuditCheckpoints;
import org.partnerlifecycle.audit.AuditLog;
import org.partnerlifecycle.audit.AuditSealer;
import org.partnerlifecycle.web.NotFoundException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The auditors' console (SPEC §4, {@code /audit/}): server-rendered, read-only pages for auditors and admins
 * (SecurityConfiguration). Search partners and deals; per partner and per deal one timeline in plain words with the
 * raw record one click away, the diagram of each process instance with the path taken and who completed each user
 * task when (bpmn-js from the jar, console.js), CSV export; the chain's verification and its signed checkpoints.
 * Timelines are paged ({@value #PAGE_SIZE} entries a page).
 */
@Controller
@RequestMapping("/audit")
class AuditConsoleController {

  static final int PAGE_SIZE = 200;
  private static final MediaType HTML = new MediaType("text", "html", StandardCharsets.UTF_8);

  private final AuditTimeline timeline;
  private final AuditLog audit;
  private final AuditCheckpoints checkpoints;
  private final HistoryService history;
  private final RepositoryService repository;
  private final JdbcTemplate jdbc;
  private final ObjectMapper json;
  private final AuditSealer sealer;

  AuditConsoleController(AuditTimeline timeline, AuditLog audit, AuditCheckpoints checkpoints, HistoryService history,
      RepositoryService repository, JdbcTemplate jdbc, ObjectMapper json, AuditSealer sealer) {
    this.timeline = timeline;
    this.audit = audit;
    this.checkpoints = checkpoints;
    this.history = history;
    this.repository = repository;
    this.jdbc = jdbc;
    this.json = json;
    this.sealer = sealer;
  }

  @GetMapping("/login")
  ResponseEntity<String> login(HttpServletRequest request, @RequestParam(required = false) String logout) {
    CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
    Html html = Html.page("Sign in").raw("<main class=\"login\"><h1>Audit console</h1>");
    if (logout != null) {
      html.element("p class=\"note\"", "You are signed out.");
    }
    html.raw("<form method=\"post\" action=\"/audit/login\"><label>User <input name=\"username\" id=\"username\" "
        + "autocomplete=\"username\" required></label><label>Password <input type=\"password\" name=\"password\" "
        + "id=\"password\" autocomplete=\"current-password\" required></label>");
    if (csrf != null) {
      html.raw("<input type=\"hidden\" name=\"").text(csrf.getParameterName()).raw("\" value=\"").text(csrf.getToken())
          .raw("\">");
    }
    return ok(html.raw("<button type=\"submit\" id=\"sign-in\">Sign in</button></form>"
        + "<p class=\"note\">Auditors and program admins; your Camunda user.</p></main>").end());
  }

  /** Search, and the chain's state with its latest checkpoints. */
  @GetMapping({"", "/"})
  ResponseEntity<String> index(@RequestParam(defaultValue = "") String q, HttpServletRequest request) {
    String query = q.strip();
    Html html = header(Html.page("Audit console"), request).raw("<main><h1>Audit console</h1>")
        .raw("<form class=\"search\" method=\"get\" action=\"/audit/\"><input name=\"q\" id=\"q\" value=\"")
        .text(query).raw("\" placeholder=\"Partner or customer name, partner id, deal id\" size=\"50\">"
            + "<button type=\"submit\" id=\"search\">Search</button></form>");
    String like = "%" + query.toLowerCase() + "%";
    List<Map<String, Object>> partners = jdbc.queryForList("SELECT id, company_name, status, tier, region, created_at "
        + "FROM partner WHERE ? = '' OR LOWER(company_name) LIKE ? OR id = ? ORDER BY created_at DESC LIMIT 50",
        query, like, query);
    List<Map<String, Object>> deals = jdbc.queryForList("SELECT d.id, p.company_name, d.customer_name, d.status, "
        + "d.estimated_value, d.rate_percent, d.rate_negotiated, d.created_at FROM deal_registration d JOIN partner p "
        + "ON p.id = d.partner_id WHERE ? = '' OR LOWER(d.customer_name) LIKE ? OR LOWER(p.company_name) LIKE ? "
        + "OR d.id = ? OR d.partner_id = ? ORDER BY d.created_at DESC LIMIT 50", query, like, like, query, query);
    html.raw("<section><h2>Deal registrations</h2><table id=\"deals\"><thead><tr><th>Deal</th><th>Partner</th>"
        + "<th>Customer</th><th>Status</th><th>Estimated value</th><th>Rate</th><th>Registered</th></tr></thead>"
        + "<tbody>");
    for (Map<String, Object> deal : deals) {
      Object rate = deal.get("rate_percent");
      html.raw("<tr><td>").link("/audit/deals/" + deal.get("id"), deal.get("id")).raw("</td><td>")
          .text(deal.get("company_name")).raw("</td><td>").text(deal.get("customer_name")).raw("</td><td>")
          .text(deal.get("status")).raw("</td><td>").value("estimatedValue", deal.get("estimated_value"))
          .raw("</td><td>").text(rate == null ? "" : Html.number("rate", new java.math.BigDecimal(rate.toString()))
              + (Boolean.TRUE.equals(deal.get("rate_negotiated")) ? " (negotiated)" : " (standard)"))
          .raw("</td><td>").value("at", deal.get("created_at")).raw("</td></tr>");
    }
    html.raw("</tbody></table>").raw(deals.isEmpty() ? "<p>No deal registration matches.</p>" : "").raw("</section>");
    html.raw("<section><h2>Partners</h2><table id=\"partners\"><thead><tr><th>Partner</th><th>Company</th>"
        + "<th>Status</th><th>Tier</th><th>Region</th><th>Applied</th></tr></thead><tbody>");
    for (Map<String, Object> partner : partners) {
      html.raw("<tr><td>").link("/audit/partners/" + partner.get("id"), partner.get("id")).raw("</td><td>")
          .text(partner.get("company_name")).raw("</td><td>").text(partner.get("status")).raw("</td><td>")
          .text(partner.get("tier")).raw("</td><td>").text(partner.get("region")).raw("</td><td>")
          .value("at", partner.get("created_at")).raw("</td></tr>");
    }
    html.raw("</tbody></table>").raw(partners.isEmpty() ? "<p>No partner matches.</p>" : "").raw("</section>");
    chain(html);
    return ok(html.raw("</main>").end());
  }

  @GetMapping("/partners/{id}")
  ResponseEntity<String> partner(@PathVariable String id, @RequestParam(defaultValue = "0") int page,
      HttpServletRequest request) {
    Map<String, Object> partner = one("SELECT id, company_name, status, tier, motion, region, partner_manager, "
        + "warning_level, terms_version, created_at FROM partner WHERE id = ?", id, "partner");
    Html html = header(Html.page(String.valueOf(partner.get("company_name"))), request)
        .raw("<main><h1>").text(partner.get("company_name")).raw(" <small>").text(id).raw("</small></h1>");
    facts(html, partner);
    List<Map<String, Object>> deals = jdbc.queryForList("SELECT id, customer_name, status FROM deal_registration "
        + "WHERE partner_id = ? ORDER BY created_at", id);
    if (!deals.isEmpty()) {
      html.raw("<p>Deal registrations: ");
      deals.forEach(d -> html.link("/audit/deals/" + d.get("id"), d.get("customer_name") + " (" + d.get("status") + ")")
          .raw(" "));
      html.raw("</p>");
    }
    return ok(subject(html, id, "partners", timeline.forPartner(id), page).end());
  }

  @GetMapping("/deals/{id}")
  ResponseEntity<String> deal(@PathVariable String id, @RequestParam(defaultValue = "0") int page,
      HttpServletRequest request) {
    Map<String, Object> deal = one("SELECT d.id, d.partner_id, p.company_name AS partner, d.customer_name, "
        + "d.customer_domain, d.status, d.motion, d.deal_type, d.product, d.estimated_value, d.term_months, "
        + "d.rate_kind, d.rate_percent, d.rate_negotiated, d.rate_proposed_by, d.rate_approved_by, d.reviewed_by, "
        + "d.reason, d.terms_version, d.created_at FROM deal_registration d JOIN partner p ON p.id = d.partner_id "
        + "WHERE d.id = ?", id, "deal registration");
    Html html = header(Html.page(deal.get("partner") + " / " + deal.get("customer_name")), request)
        .raw("<main><h1>").text(deal.get("partner") + " / " + deal.get("customer_name")).raw(" <small>").text(id)
        .raw("</small></h1><p>Partner: ").link("/audit/partners/" + deal.get("partner_id"), deal.get("partner"))
        .raw("</p>");
    facts(html, deal);
    return ok(subject(html, id, "deals", timeline.forDeal(id), page).end());
  }

  /** The timeline as CSV (as {@code GET /api/audit/…?format=csv}), with the console's login. */
  @GetMapping(path = "/{subject:partners|deals}/{id}/timeline.csv", produces = "text/csv")
  ResponseEntity<String> csv(@PathVariable String subject, @PathVariable String id) {
    List<AuditTimeline.Entry> entries = "partners".equals(subject) ? timeline.forPartner(id) : timeline.forDeal(id);
    return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=audit-" + id + ".csv")
        .body(TimelineCsv.of(entries, json));
  }

  /** A checkpoint as the API answers it (GET /api/audit/checkpoints/{id}). */
  @GetMapping(path = "/checkpoints/{id}", produces = "application/json")
  ResponseEntity<AuditCheckpoints.Checkpoint> checkpoint(@PathVariable long id) {
    return ResponseEntity.ok(checkpoints.get(id).orElseThrow(() -> new NotFoundException("No checkpoint " + id)));
  }

  /** The raw records as CSV (as GET /api/audit/records). */
  @GetMapping(path = "/records.csv", produces = "text/csv")
  void records(@RequestParam(defaultValue = "0") long afterId, @RequestParam(required = false) Long toId,
      HttpServletResponse response) throws IOException {
    RecordsCsv.write(audit, afterId, toId, response);
  }

  /** The process model of an instance, for bpmn-js. */
  @GetMapping(path = "/processes/{instanceId}/diagram.bpmn", produces = "application/xml")
  ResponseEntity<byte[]> diagram(@PathVariable String instanceId) throws IOException {
    HistoricProcessInstance instance = instance(instanceId);
    try (InputStream model = repository.getProcessModel(instance.getProcessDefinitionId())) {
      return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML).body(model.readAllBytes());
    }
  }

  /**
   * The path an instance took: the activities it went through (ended or active), and per user task who completed
   * it and when (the completing user as the audit record names them, else the task's assignee).
   */
  @GetMapping(path = "/processes/{instanceId}/path.json", produces = "application/json")
  ResponseEntity<Map<String, Object>> path(@PathVariable String instanceId) {
    instance(instanceId);
    sealer.sealPending(); // the task completions just committed
    Map<String, String> completedBy = new HashMap<>();
    for (Map<String, Object> row : jdbc.queryForList("SELECT principal, details FROM audit_record "
        + "WHERE process_instance_id = ? AND action LIKE 'task.complete%'", instanceId)) {
      try {
        var details = json.readTree(String.valueOf(row.get("details")));
        if (details.hasNonNull("taskId")) {
          completedBy.put(details.get("taskId").asText(), String.valueOf(row.get("principal")));
        }
      } catch (JsonProcessingException e) {
        // a record cut at its column's length: the task's assignee stands in
      }
    }
    List<String> taken = new ArrayList<>();
    List<String> active = new ArrayList<>();
    for (HistoricActivityInstance activity : history.createHistoricActivityInstanceQuery().processInstanceId(instanceId)
        .orderByHistoricActivityInstanceStartTime().asc().list()) {
      (activity.getEndTime() == null ? active : taken).add(activity.getActivityId());
    }
    List<Map<String, Object>> tasks = new ArrayList<>();
    for (HistoricTaskInstance task : history.createHistoricTaskInstanceQuery().processInstanceId(instanceId)
        .orderByHistoricActivityInstanceStartTime().asc().list()) {
      Map<String, Object> t = new LinkedHashMap<>();
      t.put("activityId", task.getTaskDefinitionKey());
      t.put("name", task.getName());
      boolean completed = task.getEndTime() != null && "completed".equals(task.getDeleteReason());
      t.put("state", completed ? "completed" : task.getEndTime() == null ? "open" : "cancelled");
      t.put("by", completed ? completedBy.getOrDefault(task.getId(), task.getAssignee()) : task.getAssignee());
      t.put("at", task.getEndTime() == null ? null : Html.when(task.getEndTime().toInstant()));
      tasks.add(t);
    }
    return ResponseEntity.ok(Map.of("taken", taken, "active", active, "tasks", tasks));
  }

  @ExceptionHandler(NotFoundException.class)
  ResponseEntity<String> notFound(NotFoundException e) {
    return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(HTML)
        .body(Html.page("Not found").raw("<main><h1>Not found</h1>").element("p", e.getMessage())
            .raw("<p><a href=\"/audit/\">Back to the search</a></p></main>").end());
  }

  private HistoricProcessInstance instance(String instanceId) {
    HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery().processInstanceId(instanceId)
        .singleResult();
    if (instance == null) {
      throw new NotFoundException("No process instance " + instanceId);
    }
    return instance;
  }

  /** The diagrams of the subject's processes, then its timeline (one page), with the CSV link. */
  private Html subject(Html html, String id, String kind, List<AuditTimeline.Entry> entries, int page) {
    html.raw("<section><h2>Processes</h2>");
    List<HistoricProcessInstance> instances = history.createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(id).orderByProcessInstanceStartTime().asc().list();
    if (instances.isEmpty()) {
      html.element("p", "No process instance.");
    }
    for (HistoricProcessInstance instance : instances) {
      html.raw("<figure><figcaption>").text(instance.getProcessDefinitionName() == null
              ? instance.getProcessDefinitionKey() : instance.getProcessDefinitionName())
          .text(", started " + Html.when(instance.getStartTime().toInstant()) + (instance.getEndTime() == null
              ? ", running" : ", ended " + Html.when(instance.getEndTime().toInstant())) + " — " + instance.getState())
          .raw("</figcaption><div class=\"diagram\" data-instance=\"").text(instance.getId()).raw("\"></div></figure>");
    }
    int pages = Math.max(1, (entries.size() + PAGE_SIZE - 1) / PAGE_SIZE);
    int shown = Math.min(Math.max(page, 0), pages - 1);
    html.raw("</section><section><h2>Timeline</h2><p>").text(entries.size() + " entries, oldest first. ")
        .link("/audit/" + kind + "/" + id + "/timeline.csv", "Download as CSV").raw("</p>");
    pager(html, id, kind, shown, pages);
    html.raw("<table id=\"timeline\"><thead><tr><th>When</th><th>Who</th><th>What</th><th>Details</th></tr></thead>"
        + "<tbody>");
    for (AuditTimeline.Entry e : entries.subList(shown * PAGE_SIZE, Math.min(entries.size(), (shown + 1) * PAGE_SIZE))) {
      html.raw("<tr class=\"").text(e.source()).raw("\"><td>").text(Html.when(e.at())).raw("</td><td>").text(e.actor())
          .raw("</td><td><span class=\"type\">").text(e.type()).raw("</span> ").text(e.summary())
          .raw("</td><td>").value("details", readable(e)).raw("<details><summary>Raw record</summary><pre>")
          .text(pretty(e)).raw("</pre></details></td></tr>");
    }
    html.raw("</tbody></table>");
    pager(html, id, kind, shown, pages);
    return html.raw("</section></main>");
  }

  /** What a reader looks at first: the record's fields without the engine's ids. */
  private static Map<String, Object> readable(AuditTimeline.Entry e) {
    Map<String, Object> details = new LinkedHashMap<>();
    e.details().forEach((key, value) -> {
      if (!List.of("process_instance_id", "processInstanceId", "taskId", "operationId", "activityId").contains(key)) {
        details.put(key, value);
      }
    });
    return details;
  }

  private String pretty(AuditTimeline.Entry e) {
    try {
      return json.writerWithDefaultPrettyPrinter().writeValueAsString(e);
    } catch (JsonProcessingException ex) {
      return String.valueOf(e);
    }
  }

  private static void pager(Html html, String id, String kind, int page, int pages) {
    if (pages <= 1) {
      return;
    }
    html.raw("<nav class=\"pager\">");
    if (page > 0) {
      html.link("/audit/" + kind + "/" + id + "?page=" + (page - 1), "← earlier").raw(" ");
    }
    html.text("page " + (page + 1) + " of " + pages);
    if (page < pages - 1) {
      html.raw(" ").link("/audit/" + kind + "/" + id + "?page=" + (page + 1), "later →");
    }
    html.raw("</nav>");
  }

  private void facts(Html html, Map<String, Object> row) {
    html.raw("<dl class=\"facts\">");
    row.forEach((column, value) -> {
      if (value != null) {
        html.raw("<dt>").text(column.toLowerCase().replace('_', ' ')).raw("</dt><dd>").value(column.toLowerCase(), value)
            .raw("</dd>");
      }
    });
    html.raw("</dl>");
  }

  /** The chain's verification (whole chain, streamed) and its latest signed checkpoints. */
  private void chain(Html html) {
    AuditLog.Verification verification = audit.verify();
    html.raw("<section id=\"chain\"><h2>Audit chain</h2><p class=\"").text(verification.intact() ? "ok" : "broken")
        .raw("\" id=\"chain-status\">");
    if (verification.intact()) {
      html.text("Intact: " + verification.recordsChecked() + " records verified, "
          + verification.checkpointsMatched() + " signed checkpoints matched.");
    } else {
      html.text("Broken at record " + verification.firstBrokenId() + ": " + verification.problem());
    }
    html.raw("</p><table id=\"checkpoints\"><thead><tr><th>Checkpoint</th><th>Signed at</th><th>Last record</th>"
        + "<th>Hash</th><th>Signature</th><th>Made by</th></tr></thead><tbody>");
    for (AuditCheckpoints.Checkpoint c : checkpoints.list(0, 10)) {
      html.raw("<tr><td>").link("/audit/checkpoints/" + c.id(), "#" + c.id()).raw("</td><td>").text(c.signedAt())
          .raw("</td><td>").text(c.lastId()).raw("</td><td><code>").text(c.hash()).raw("</code></td><td>")
          .text(c.signatureValid() ? "valid (Ed25519)" : "INVALID").raw("</td><td>")
          .text(c.hourly() ? "hourly" : c.madeBy()).raw("</td></tr>");
    }
    html.raw("</tbody></table><p class=\"note\">Verify an export offline against a checkpoint: docs/audit.md. "
        + "The raw records as CSV: ").link("/audit/records.csv", "all records up to the head").raw(".</p></section>");
  }

  private Map<String, Object> one(String sql, String id, String what) {
    List<Map<String, Object>> rows = jdbc.queryForList(sql, id);
    if (rows.isEmpty()) {
      throw new NotFoundException("No " + what + " " + id);
    }
    return rows.get(0);
  }

  private static Html header(Html html, HttpServletRequest request) {
    CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
    html.raw("<header><a href=\"/audit/\">Audit console</a><span>Signed in as ").text(
        request.getUserPrincipal() == null ? "" : request.getUserPrincipal().getName()).raw("</span>");
    if (csrf != null) {
      html.raw("<form method=\"post\" action=\"/audit/logout\"><input type=\"hidden\" name=\"")
          .text(csrf.getParameterName()).raw("\" value=\"").text(csrf.getToken())
          .raw("\"><button type=\"submit\">Sign out</button></form>");
    }
    return html.raw("</header><script src=\"/audit/bpmn-js/bpmn-navigated-viewer.production.min.js\"></script>"
        + "<script src=\"/audit/console.js\" defer></script>");
  }

  private static ResponseEntity<String> ok(String body) {
    return ResponseEntity.ok().contentType(HTML).body(body);
  }
}
