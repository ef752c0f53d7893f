package org.partnerlifecycle.program;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.partnerlifecycle.health.process.PartnerHealthProcess;
import org.partnerlifecycle.partner.Partner;
import org.partnerlifecycle.support.ApiContract;
import org.partnerlifecycle.support.Http.Response;
import org.partnerlifecycle.support.WonDeals;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 28 over the API, as a new user would: meetings and business reviews count toward the participation record,
 * a partner entering At-risk is reviewed and its health is readable, and the program KPIs match the records made
 * here — with every role tried against what it must not do.
 */
public abstract class ProgramApiContract extends ApiContract {

  @Autowired
  PartnerHealthProcess health;

  /** The admin's credentials in this run mode (a failed login here would slow every later request down). */
  protected String[] admin() {
    return new String[] {"demo", "demo"};
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private static void at(String instant) {
    ClockUtil.setCurrentTime(java.util.Date.from(Instant.parse(instant)));
  }

  private static LocalDate today() {
    return LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneOffset.UTC);
  }

  private Partner partner(String forecast) {
    return active.active("Program Co", "program-" + System.nanoTime() + ".example", "REFERRAL", forecast);
  }

  /** A WON deal as a closed registration leaves it: registered and closed on {@code closedOn}. */
  private void wonDeal(Partner partner, String amount, LocalDate closedOn, String attribution) {
    WonDeals.insert(jdbc, partner.id(), "REFERRAL", amount, 12, attribution, closedOn,
        closedOn.atStartOfDay().toInstant(ZoneOffset.UTC));
  }

  private List<String> fields(Response response) throws Exception {
    assertThat(response.status()).as(response.body()).isEqualTo(400);
    assertThat(response.contentType()).startsWith("application/problem+json");
    List<String> fields = new ArrayList<>();
    json.readTree(response.body()).get("errors").forEach(e -> fields.add(e.get("field").asText()));
    return fields;
  }

  private int meetings(Partner partner) {
    return jdbc.queryForObject("SELECT count(*) FROM partner_meeting WHERE partner_id = ?", Integer.class,
        partner.id());
  }

  /**
   * Must show (issue 28): a STRATEGIC partner activated today has a HoldBusinessReview due within its first quarter
   * (quarterly business reviews, seed 000 line 136); completing it over the engine's REST API with a C-level attendee
   * adds a management and a C-suite meeting to its participation record (GET /api/partners/{id}/meetings).
   */
  @Test
  void aStrategicPartnersFirstBusinessReviewCountsTowardItsParticipation() throws Exception {
    Partner partner = partner("400000");
    LocalDate activated = today();
    assertThat(partner.tier().name()).isEqualTo("STRATEGIC");
    String instance = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("business-review")
        .processInstanceBusinessKey(partner.id()).singleResult().getId();
    Job opens = engine.getManagementService().createJobQuery().processInstanceId(instance).timers().singleResult();
    ClockUtil.setCurrentTime(opens.getDuedate());
    engine.getManagementService().executeJob(opens.getId());
    Task task = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(partner.id())
        .taskDefinitionKey("HoldBusinessReview").singleResult();
    assertThat(task.getAssignee()).isEqualTo("mary");
    LocalDate due = LocalDate.ofInstant(task.getDueDate().toInstant(), ZoneOffset.UTC);
    assertThat(due).isAfter(activated).isBeforeOrEqualTo(activated.plusMonths(3));

    String meetings = "/api/partners/" + partner.id() + "/meetings";
    JsonNode before = body(http.get(meetings, MARY));
    assertThat(before.get("participation").get("managementMeetings").asInt()).isZero();
    completeOverRest(partner.id(), "HoldBusinessReview", MARY, "{\"heldOn\":{\"value\":\"" + today() + "\"},"
        + "\"cLevelAttendees\":{\"value\":\"Casey CFO\"},\"managementAttendees\":{\"value\":\"Morgan Manager\"},"
        + "\"agendaPerformance\":{\"value\":true},\"notes\":{\"value\":\"Wins and gaps reviewed.\"},"
        + "\"actionItems\":{\"value\":\"[Partner] Q2 plan by Friday\"}}");
    JsonNode after = body(http.get(meetings, ADA));
    assertThat(after.get("participation").get("managementMeetings").asInt()).isEqualTo(1);
    assertThat(after.get("participation").get("cSuiteMeetings").asInt()).isEqualTo(1);
    assertThat(after.get("participation").get("ceoMeetings").asInt()).isZero();
    JsonNode held = after.get("meetings").get(0);
    assertThat(held.get("kind").asText()).isEqualTo("QBR");
    assertThat(held.get("attendees").toString()).contains("{\"name\":\"Casey CFO\",\"level\":\"C_LEVEL\"}");
    assertThat(held.get("agenda").toString()).isEqualTo("[\"PERFORMANCE\"]");
    assertThat(held.get("recordedBy").asText()).isEqualTo("mary");
  }

  /** POST /api/partners/{id}/meetings: partner managers only; bad input names every wrong field and stores nothing. */
  @Test
  void partnerManagersLogMeetingsAndStaffReadThem() throws Exception {
    Partner partner = partner("150000");
    Partner other = partner("150000");
    String path = "/api/partners/" + partner.id() + "/meetings";
    String meeting = "{\"heldOn\":\"" + today().minusDays(2) + "\",\"kind\":\"CEO\",\"attendees\":[{\"name\":"
        + "\"Alex Chief\",\"level\":\"CEO\"}],\"notes\":\"Annual plan agreed\"}";
    for (String[] refused : List.of(LENA, ADA)) {
      assertThat(http.post(path, meeting, refused).status()).isEqualTo(403);
    }
    assertThat(http.post(path, meeting, keyOf(partner.id())).status()).isEqualTo(403);
    assertThat(http.post(path, meeting, keyOf(other.id())).status()).isEqualTo(404);
    assertThat(http.post(path, meeting).status()).isEqualTo(401);
    assertThat(fields(http.post(path, "{\"heldOn\":\"soon\",\"kind\":\"PARTY\",\"attendees\":[{\"name\":\"<b>\","
        + "\"level\":\"KING\"}],\"notes\":12}", MARY))).contains("heldOn", "kind", "notes")
        .anyMatch(f -> f.startsWith("attendees"));
    assertThat(fields(http.post(path, "{\"heldOn\":\"" + today().plusDays(1) + "\",\"kind\":\"CEO\","
        + "\"attendees\":[]}", MARY))).contains("attendees");
    assertThat(fields(http.post(path, "{\"heldOn\":\"" + today().plusDays(1) + "\",\"kind\":\"CEO\","
        + "\"attendees\":[{\"name\":\"Alex Chief\",\"level\":\"CEO\"}]}", MARY))).containsExactly("heldOn");
    assertThat(meetings(partner)).isZero();

    Response logged = http.post(path, meeting, MARY);
    assertThat(logged.status()).as(logged.body()).isEqualTo(201);
    JsonNode counts = json.readTree(logged.body()).get("counts");
    // A CEO-level meeting is also a C-suite meeting (the CEO is C-suite; seed 000 lines 221-222).
    assertThat(counts.get("ceoMeetings").asInt()).isEqualTo(1);
    assertThat(counts.get("cSuiteMeetings").asInt()).isEqualTo(1);
    assertThat(counts.get("managementMeetings").asInt()).isZero();
    assertThat(body(http.get(path, LENA)).get("participation").get("ceoMeetings").asInt()).isEqualTo(1);
    assertThat(http.get(path, keyOf(partner.id())).status()).isEqualTo(403);
    assertThat(http.get(path, keyOf(other.id())).status()).isEqualTo(404);
    assertThat(http.get(path).status()).isEqualTo(401);
    assertThat(meetings(partner)).isEqualTo(1);
  }

  /**
   * Must show (issue 28): a partner whose health falls into At-risk gets ReviewAtRiskPartner for its manager; GET
   * /api/partners/{id}/health shows the score, band and each factor's points. Growing revenue 30, one registration
   * last quarter 10, activity 40 days ago (quarterly) 10, NPS unknown 0, fit not recorded 0 (seed 001 lines
   * 1515-1556): 50, At-risk (40-59, line 1561).
   */
  @Test
  void aPartnerFallingIntoAtRiskIsReviewedAndItsHealthIsReadable() throws Exception {
    Partner partner = partner("150000");
    Partner other = partner("150000");
    String path = "/api/partners/" + partner.id() + "/health";
    assertThat(http.get(path, MARY).status()).as("nothing computed yet").isEqualTo(404);
    wonDeal(partner, "20000", today().minusDays(40), "SOURCED");
    String instance = health.start(partner.id());
    engine.getManagementService().executeJob(engine.getManagementService().createJobQuery()
        .processInstanceId(instance).singleResult().getId());
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult();
    assertThat(task.getTaskDefinitionKey()).isEqualTo("ReviewAtRiskPartner");
    assertThat(task.getAssignee()).isEqualTo("mary");

    JsonNode read = body(http.get(path, ADA));
    assertThat(read.get("score").asInt()).isEqualTo(50);
    assertThat(read.get("band").asText()).isEqualTo("AT_RISK");
    assertThat(read.get("bandLabel").asText()).isEqualTo("At-risk");
    assertThat(read.get("termsVersion").asText()).isNotBlank();
    assertThat(read.get("computedAt").asText()).isNotBlank();
    assertThat(read.get("explanation").asText()).startsWith("Health score 50 of 100 (AT_RISK");
    List<String> points = new ArrayList<>();
    read.get("factors").forEach(f -> points.add(f.get("factor").asText() + " " + f.get("points").asText() + "/"
        + f.get("max").asInt()));
    assertThat(points).containsExactly("REVENUE 30/30", "ACTIVITY 10/25", "ENGAGEMENT 10/20", "SATISFACTION 0/15",
        "FIT 0/10");
    assertThat(read.get("factors").get(1).get("input").asText())
        .isEqualTo("1 deal registration in the last quarter");
    assertThat(http.get(path, keyOf(partner.id())).status()).isEqualTo(200);
    assertThat(http.get(path, keyOf(other.id())).status()).isEqualTo(404);
    assertThat(http.get(path).status()).isEqualTo(401);

    completeOverRest(partner.id(), "ReviewAtRiskPartner", MARY, "{\"atRiskDecision\":{\"value\":\"PLAN\"},"
        + "\"actionPlan\":{\"value\":\"Joint pipeline review every two weeks for a quarter\"}}");
    JsonNode reviewed = body(http.get(path, MARY));
    assertThat(reviewed.get("atRiskReview").get("decision").asText()).isEqualTo("PLAN");
    assertThat(reviewed.get("atRiskReview").get("decidedBy").asText()).isEqualTo("mary");
  }

  /**
   * Must show (issue 28): GET /api/program/kpis returns sourced and influenced revenue, activation rate and median
   * days to first deal that match the records made here — in April 2031, a period no other test writes to — and each
   * figure's records are reachable. Leadership, auditors and admin only.
   */
  @Test
  void theProgramKpisMatchTheRecordsBehindThem() throws Exception {
    at("2031-03-01T09:00:00Z");
    String kpis = "/api/program/kpis?from=2031-04-01&to=2031-04-30";
    JsonNode before = body(http.get(kpis, LENA)).get("activationRate");
    Partner first = partner("150000");
    Partner second = partner("150000");
    partner("150000");
    wonDeal(first, "10000.00", LocalDate.parse("2031-04-10"), "SOURCED");
    wonDeal(first, "5000.00", LocalDate.parse("2031-04-20"), "INFLUENCED");
    wonDeal(second, "30000.00", LocalDate.parse("2031-04-20"), "SOURCED");

    JsonNode read = body(http.get(kpis, ADA));
    assertThat(read.get("sourcedRevenue").get("amount").decimalValue()).isEqualByComparingTo("40000.00");
    assertThat(read.get("sourcedRevenue").get("sharePercent").decimalValue()).isEqualByComparingTo("88.9");
    assertThat(read.get("influencedRevenue").get("amount").decimalValue()).isEqualByComparingTo("5000.00");
    assertThat(read.get("influencedRevenue").get("sharePercent").decimalValue()).isEqualByComparingTo("11.1");
    // Signed up on 1 March; first closes 10 April (40 days) and 20 April (50 days): median 45.
    assertThat(read.get("medianDaysToFirstDeal").get("days").decimalValue()).isEqualByComparingTo("45");
    assertThat(read.get("medianDaysToFirstDeal").get("partners").asInt()).isEqualTo(2);
    // Three more partners activated, two of them with a deal won.
    JsonNode activation = read.get("activationRate");
    assertThat(activation.get("of").asLong()).isEqualTo(before.get("of").asLong() + 3);
    assertThat(activation.get("counted").asLong()).isEqualTo(before.get("counted").asLong() + 2);
    for (String figure : List.of("sourcedRevenue", "influencedRevenue", "activationRate", "medianDaysToFirstDeal",
        "leadAcceptance", "leadConversion", "businessReviewCompletion", "partnerRetention")) {
      assertThat(read.get(figure).get("definition").asText()).as(figure).isNotBlank();
      assertThat(read.get(figure).get("records").asText()).as(figure).startsWith("/api/program/kpis/");
    }
    assertThat(read.get("activationRate").get("definition").asText()).contains("seed 001 line 1725");
    // MDF ROI in the same view (issue 29), with the link to its figures by tier.
    assertThat(read.get("mdfRoi").get("figures").has("spent")).isTrue();
    assertThat(read.get("mdfRoi").get("records").asText()).startsWith("/api/program/mdf-roi?from=2031-04-01");

    JsonNode records = body(http.get(read.get("sourcedRevenue").get("records").asText(), ADA));
    assertThat(records.get("total").asInt()).isEqualTo(3);
    List<String> counted = new ArrayList<>();
    records.get("items").forEach(r -> {
      if (r.get("counted").asBoolean()) {
        counted.add(r.get("amount").decimalValue().stripTrailingZeros().toPlainString());
      }
    });
    assertThat(counted).containsExactlyInAnyOrder("10000", "30000");

    assertThat(http.get(kpis, admin()).status()).isEqualTo(200);
    assertThat(http.get(kpis, MARY).status()).isEqualTo(403);
    assertThat(http.get(kpis, keyOf(first.id())).status()).isEqualTo(403);
    assertThat(http.get(kpis).status()).isEqualTo(401);
    assertThat(fields(http.get("/api/program/kpis?to=April", LENA))).containsExactlyInAnyOrder("from", "to");
    assertThat(fields(http.get("/api/program/kpis?from=2031-04-30&to=2031-04-01", LENA))).containsExactly("to");
    assertThat(http.get("/api/program/kpis/no-such-kpi/records?from=2031-04-01&to=2031-04-30", LENA).status())
        .isEqualTo(404);
  }
}
