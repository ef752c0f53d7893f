package org.partnerlifecycle.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.partnerlifecycle.health.process.PartnerHealthProcess;
import org.partnerlifecycle.partner.Partner;
import org.partnerlifecycle.partner.PartnerApplicationRequest;
import org.partnerlifecycle.support.ApiContract;
import org.partnerlifecycle.support.ApplicationTest;
import org.partnerlifecycle.support.HeadlessChromium;
import org.partnerlifecycle.support.Http.Response;
import org.partnerlifecycle.support.WonDeals;
import org.partnerlifecycle.tasklist.TaskScenarios.Scenario;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Tasklist in a real browser (Debian's headless Chromium and chromedriver; .ci/run installs them). Every user task of
 * {@code processes/} ({@link TaskScenarios}) is brought about, opened by its role, checked to read like the business
 * (no read-only field shows a code or a time without its zone), filled in and completed through its form. Screenshots
 * go to target/screenshots/. Without chromedriver the test is skipped with a message, except in CI (CI=true), where
 * it fails. {@code -Dscenarios=ApprovePayoutRun,HoldBusinessReview} runs only the scenarios of those tasks (the other
 * tests of the class still run; {@code -Dtest='TasklistBrowserTest#everyUserTask*'} leaves them out).
 */
@ApplicationTest
class TasklistBrowserTest extends ApiContract {

  /** An enum code such as ASSISTED_RESELLER or REVENUE_SHARE. */
  static final Pattern CODE = Pattern.compile("\\b[A-Z]+_[A-Z_]+\\b");
  /** An ISO date-time without a zone after it ("2026-12-02T21:23:29", not "…Z" or "… UTC"). */
  static final Pattern BARE_ISO_TIME =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(?![\\d:.]|Z|[+-]\\d{2}|\\s*UTC)");

  @Autowired
  PartnerHealthProcess healthRuns;

  WebDriver browser;
  WebDriverWait wait;

  @BeforeEach
  void startBrowser() throws Exception {
    browser = HeadlessChromium.start();
    browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 800));
    // Generous: the first page of a run loads Tasklist's scripts on a busy machine.
    wait = new WebDriverWait(browser, Duration.ofSeconds(90));
  }

  @AfterEach
  void stopBrowser() {
    ClockUtil.reset();
    if (browser != null) {
      browser.quit();
    }
  }

  /** The scenarios of {@code -Dscenarios=ApprovePayoutRun,HoldBusinessReview} (task keys), or all of them. */
  static Stream<Scenario> scenarios() {
    String only = System.getProperty("scenarios", "");
    List<String> keys = Stream.of(only.split(",")).map(String::trim).filter(k -> !k.isEmpty()).toList();
    return TaskScenarios.ALL.stream().filter(s -> keys.isEmpty() || keys.contains(s.taskKey()));
  }

  /**
   * Must show (issue 27): every user task renders for its role, reads like the business and completes through its
   * form; the screenshots of each (as opened, and filled in) are in target/screenshots/.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void everyUserTaskReadsLikeTheBusinessAndCompletesThroughItsForm(Scenario scenario) throws Exception {
    String businessKey = scenario.setup().businessKey(this);
    Task task = openTaskOf(businessKey, scenario.taskKey());
    logIn(scenario.user());
    open(task.getId());
    formShot(scenario.taskKey() + "-1-opened");
    assertReadsLikeTheBusiness(scenario.taskKey());
    scenario.fill().fill(this);
    formShot(scenario.taskKey() + "-2-filled");
    complete();
    assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).count())
        .as(scenario + ": completed through the form").isZero();
  }

  /**
   * Must show (issue 27): the partner's proposed rate is pre-filled in the review; the reviewer sends the standard
   * rate instead with "Use the standard rate", and no negotiated rate goes to leadership.
   */
  @Test
  void thePartnersProposalIsPreFilledAndTheReviewerCanSendTheStandardRate() throws Exception {
    String dealId = deal("Browser Standard", "12");
    Task task = openTaskOf(dealId, "ReviewDealRegistration");
    logIn("mary");
    open(task.getId());
    assertThat(visible(field("proposedRate")).getAttribute("value")).as("pre-filled with the partner's 12 %")
        .isEqualTo("12");
    choose("decision", "Approve: partner-sourced");
    tick("useStandardRate");
    assertThat(browser.findElements(field("proposedRate"))).as("no rate field with the standard rate").isEmpty();
    shot("ReviewDealRegistration-3-standard-rate");
    complete();
    assertThat(jdbc.queryForMap("SELECT status, proposed_rate, rate_proposed_by FROM deal_registration WHERE id = ?",
        dealId)).containsEntry("status", "APPROVED").containsEntry("proposed_rate", null)
        .containsEntry("rate_proposed_by", null);
    assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(dealId)
        .taskDefinitionKey("ApproveNegotiatedRate").count()).as("nothing for leadership").isZero();
  }

  /**
   * Must show (issue 27): a partner's proposal kept by the reviewer reaches leadership as the partner's, with the
   * partner named as its proposer; leadership reads it in its own filter and approves it.
   */
  @Test
  void leadershipSeesWhoProposedTheRateAndApprovesIt() throws Exception {
    String dealId = deal("Browser Proposer", "12");
    logIn("mary");
    open(openTaskOf(dealId, "ReviewDealRegistration").getId());
    choose("decision", "Approve: partner-sourced");
    complete();
    browser.manage().deleteAllCookies();
    logIn("lena");
    click(text("Leadership: unclaimed"));
    open(openTaskOf(dealId, "ApproveNegotiatedRate").getId());
    assertThat(visible(field("rateProposedByText")).getAttribute("value"))
        .isEqualTo("Browser Proposer (the partner, with its registration)");
    assertThat(visible(field("proposedRateText")).getAttribute("value")).isEqualTo("12%");
    choose("rateDecision", "Approve the proposed rate");
    complete();
    assertThat(jdbc.queryForMap("SELECT status, rate_percent, rate_approved_by FROM deal_registration WHERE id = ?",
        dealId)).containsEntry("status", "APPROVED").containsEntry("rate_approved_by", "lena")
        .satisfies(row -> assertThat((BigDecimal) row.get("rate_percent")).isEqualByComparingTo("12"));
  }

  /** Must show (issue 27): the manager assignment offers the members of partner-managers by name. */
  @Test
  void theManagerAssignmentOffersThePartnerManagersByName() throws Exception {
    Partner partner = approvedGrowthApplicant("Browser Choice");
    logIn("mary");
    open(openTaskOf(partner.id(), "AssignPartnerManager").getId());
    click(By.cssSelector("[id$='_partnerManager-display']"));
    List<String> offered = browser.findElements(By.cssSelector(".fjs-dropdownlist-item")).stream()
        .map(WebElement::getText).toList();
    assertThat(offered).containsExactly("Mary Manager", "Paul Manager");
    shot("AssignPartnerManager-3-choices");
    click(By.xpath("//*[contains(@class,'fjs-dropdownlist-item') and normalize-space(.)='Paul Manager']"));
    complete();
    assertThat(partners.get(partner.id()).partnerManager()).isEqualTo("paul");
  }

  /**
   * The README's five-minute tour on the demo partners' data, one screenshot per step into
   * target/screenshots/tour/ (docs/tour/ keeps a copy): mary onboards Globex Training; Acme Learning registers a
   * deal with its own rate, mary keeps the partner's proposal, lena approves it.
   */
  @Test
  void theFiveMinuteTour() throws Exception {
    Partner globex = applications.apply(new PartnerApplicationRequest("Globex Training", "globex-training.example",
        "Demo Contact", "contact@globex-training.example", "EMEA", "ASSISTED_RESELLER", new BigDecimal("180000")));
    logIn("mary");
    wait.until(d -> d.findElements(By.cssSelector(".pl-filter-count")).stream().anyMatch(WebElement::isDisplayed));
    open(openTaskOf(globex.id(), "ReviewApplication").getId());
    shot("tour/1-review-application");
    choose("decision", "Approve");
    complete();
    body(http.post("/api/partners/" + globex.id() + "/agreement", "{\"signedBy\":\"Demo Contact\"}",
        keyOf(globex.id())));
    open(openTaskOf(globex.id(), "AssignPartnerManager").getId());
    click(By.cssSelector("[id$='_partnerManager-display']"));
    shot("tour/2-assign-partner-manager");
    click(By.xpath("//*[contains(@class,'fjs-dropdownlist-item') and normalize-space(.)='Mary Manager']"));
    complete();
    open(openTaskOf(globex.id(), "RunOnboardingSession").getId());
    date("sessionHeldOn", engineToday());
    type("sessionNotes", "Kick-off with the Globex sales team: deal registration, rates and the partner portal.");
    shot("tour/3-run-onboarding-session");
    complete();
    assertThat(partners.get(globex.id()).status().name()).isEqualTo("ACTIVE");

    Partner acme = active.active("Acme Learning", "acme-learning.example", "REFERRAL", "60000");
    String dealId = body(http.post("/api/deal-registrations", "{\"customerName\":\"Hooli\","
        + "\"customerDomain\":\"hooli-" + System.nanoTime() + ".example\",\"motion\":\"REFERRAL\",\"dealType\":\"NEW\","
        + "\"licenseType\":\"SUBSCRIPTION\",\"product\":\"PLUS\",\"estimatedValue\":48000,\"termMonths\":12,"
        + "\"proposedRate\":8}", keyOf(acme.id()))).get("dealId").asText();
    browser.get(tasklist());
    click(text("Deal registrations"));
    open(openTaskOf(dealId, "ReviewDealRegistration").getId());
    choose("decision", "Approve: partner-sourced");
    click(field("proposedRate"));
    shot("tour/4-review-deal-with-the-partners-rate");
    complete();
    browser.manage().deleteAllCookies();
    logIn("lena");
    click(text("Leadership: unclaimed"));
    open(openTaskOf(dealId, "ApproveNegotiatedRate").getId());
    choose("rateDecision", "Approve the proposed rate");
    click(field("rateProposedByText"));
    shot("tour/5-leadership-approves-the-rate");
    complete();
    assertThat(jdbc.queryForObject("SELECT status FROM deal_registration WHERE id = ?", String.class, dealId))
        .isEqualTo("APPROVED");
  }

  /** Auditors have no Tasklist access at all (they read Cockpit): the login itself is refused. */
  @Test
  void auditorsCannotWorkInTasklist() throws Exception {
    logIn("ada");
    visible(text("Login Failed"));
    shot("ada-tasklist-refused");
    assertThat(browser.findElements(By.cssSelector("button.claim"))).isEmpty();
    assertThat(engine.getTaskService().createTaskQuery().taskAssignee("ada").count()).isZero();
  }

  /**
   * The day's filters with their counts; what staff may not do is not offered ("Create task", "Start process").
   */
  @Test
  void staffSeeTheirDaysFiltersWithCountsAndNothingTheyMayNotDo() throws Exception {
    apply("Browser Counted", "REFERRAL", "60000");
    logIn("mary");
    WebElement unclaimed = visible(By.xpath("//*[contains(@class,'task-filter')]//a[contains(normalize-space(.),"
        + "'Partner managers: unclaimed')]"));
    long expected = engine.getTaskService().createTaskQuery().taskCandidateGroup("partner-managers").taskUnassigned()
        .count();
    wait.until(d -> !unclaimed.findElements(By.cssSelector(".pl-filter-count")).isEmpty());
    WebElement count = unclaimed.findElement(By.cssSelector(".pl-filter-count"));
    assertThat(Long.parseLong(count.getText().trim())).isEqualTo(expected);
    assertThat(browser.findElements(text("Leadership: unclaimed"))).as("mary sees no leadership filter").isEmpty();
    assertThat(browser.findElement(By.cssSelector(".create-task-action")).isDisplayed()).isFalse();
    assertThat(browser.findElement(By.cssSelector(".start-process-action")).isDisplayed()).isFalse();
    shot("mary-filters");
  }

  // --- The browser -------------------------------------------------------------------------------------------

  /** The window as the user sees it (1280 x 800). */
  void shot(String name) throws Exception {
    HeadlessChromium.shot(browser, name);
  }

  /** The whole form: the window made as tall as the form for the shot (Tasklist scrolls the form inside). */
  void formShot(String name) throws Exception {
    Number height = (Number) ((JavascriptExecutor) browser).executeScript(
        "var f = document.querySelector('.fjs-form'); return f ? f.scrollHeight : 0;");
    browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, Math.max(800, height.intValue() + 450)));
    try {
      shot(name);
    } finally {
      browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 800));
    }
  }

  String tasklist() {
    return "http://localhost:" + port + "/camunda/app/tasklist/default/";
  }

  void logIn(String user) {
    browser.get(tasklist());
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("input[ng-model=username]")))
        .sendKeys(user);
    browser.findElement(By.cssSelector("input[ng-model=password]")).sendKeys(user);
    browser.findElement(By.cssSelector("button[type=submit]")).click();
  }

  /** Opens a task by its address (the task list may hold many) and claims it unless it is the user's already. */
  void open(String taskId) {
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".task-filter")));
    browser.get(tasklist() + "#/?task=" + taskId);
    try {
      wait.until(d -> !d.findElements(By.cssSelector("button.claim")).isEmpty()
          || !d.findElements(By.cssSelector("button[ng-click='complete()']")).isEmpty());
      if (!browser.findElements(By.cssSelector("button.claim")).isEmpty()) {
        click(By.cssSelector("button.claim"));
        // A claimed task leaves an "unclaimed" filter, and Tasklist closes it there: open it again, as the user's.
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("button.claim")));
        browser.get(tasklist() + "#/?task=" + taskId);
      }
      wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button[ng-click='complete()']")));
      wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".fjs-form")));
    } catch (RuntimeException notOpened) {
      try {
        shot("failed-to-open-" + taskId);
      } catch (Exception ignored) {
        // the failure below says what went wrong
      }
      throw notOpened;
    }
  }

  WebElement visible(By by) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  /** Scrolls the element to the middle first: Tasklist's sticky form footer would otherwise take the click. */
  void click(By by) {
    WebElement element = wait.until(ExpectedConditions.elementToBeClickable(by));
    ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
    try {
      wait.until(ExpectedConditions.elementToBeClickable(element)).click();
    } catch (org.openqa.selenium.ElementClickInterceptedException covered) {
      // Tasklist's notifications ("claimed", "saved") slide over the form's buttons for a few seconds.
      // The click goes to the button itself, as the user's would once they fade.
      ((JavascriptExecutor) browser).executeScript("arguments[0].click();", element);
    }
  }

  static By text(String text) {
    return By.xpath("//*[contains(normalize-space(text()),'" + text + "')]");
  }

  /** A form field by its key (Camunda Forms ids end with the component id, here {@code <Form>_<key>}). */
  static By field(String key) {
    return By.cssSelector("input[id$='_" + key + "'], textarea[id$='_" + key + "']");
  }

  /** Picks an option of a Camunda Forms select (form-js renders its own dropdown) or radio group. */
  void choose(String key, String option) {
    if (!browser.findElements(By.cssSelector("input[type=radio][id*='_" + key + "-']")).isEmpty()) {
      click(By.xpath("//label[contains(@for,'_" + key + "-') and contains(normalize-space(.),'" + option + "')]"));
      return;
    }
    click(By.cssSelector("[id$='_" + key + "-display']"));
    click(By.xpath("//*[contains(@class,'fjs-dropdownlist-item') and contains(normalize-space(.),'" + option + "')]"));
  }

  void type(String key, String text) {
    click(field(key));
    WebElement input = browser.findElement(field(key));
    input.sendKeys(Keys.chord(Keys.CONTROL, "a"), text);
  }

  void tick(String key) {
    click(By.cssSelector("input[type=checkbox][id$='_" + key + "']"));
  }

  /** Types a date in the format the date field asks for (its placeholder, e.g. mm/dd/yyyy). */
  void date(String key, LocalDate date) {
    By input = By.cssSelector("input[id*='_" + key + "']");
    click(input);
    String placeholder = browser.findElement(input).getAttribute("placeholder");
    String pattern = placeholder == null || placeholder.isBlank() ? "MM/dd/yyyy"
        : placeholder.replace("mm", "MM").replace("MM/", "MM/");
    browser.findElement(input).sendKeys(date.format(DateTimeFormatter.ofPattern(pattern)), Keys.ENTER);
    // Close the date picker so it covers no other field.
    ((JavascriptExecutor) browser).executeScript("document.activeElement.blur();");
  }

  void complete() {
    click(By.cssSelector("button[ng-click='complete()']"));
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("button[ng-click='complete()']")));
  }

  /**
   * No read-only field shows an enum code or an ISO time without its zone; none of the fields the engine words
   * ({@code ...Text}) is empty (a reason a reviewer did not give is).
   */
  @SuppressWarnings("unchecked")
  void assertReadsLikeTheBusiness(String taskKey) {
    List<String> values = (List<String>) ((JavascriptExecutor) browser).executeScript(
        "return Array.from(document.querySelectorAll('.fjs-form input, .fjs-form textarea'))"
            + ".filter(e => e.readOnly).map(e => (e.id || '') + ' = ' + e.value);");
    assertThat(values).as(taskKey + ": read-only fields").isNotEmpty();
    List<String> wrong = new ArrayList<>();
    for (String value : values) {
      String shown = value.substring(value.indexOf(" = ") + 3);
      boolean display = value.contains("Text = ");
      if (CODE.matcher(shown).find() || BARE_ISO_TIME.matcher(shown).find() || display && shown.isBlank()) {
        wrong.add(value);
      }
    }
    assertThat(wrong).as(taskKey + ": read-only fields showing a code, a time without its zone, or (what the engine"
        + " words) nothing")
        .isEmpty();
  }

  // --- Cases, as the business brings them about ----------------------------------------------------------------

  void completeAs(String businessKey, String taskKey, String user, Map<String, Object> variables) {
    active.complete(businessKey, taskKey, user, variables);
  }

  Partner activePartner(String company, String domain, String motion, String forecast) {
    return active.active(company, domain, motion, forecast);
  }

  /** A partner manager's placement change (manual tier review); an upward one waits for leadership. */
  void proposeTier(String partnerId, String tier, String reason) throws Exception {
    body(http.post("/api/partners/" + partnerId + "/tier-changes", "{\"tier\":\"" + tier + "\",\"reason\":\""
        + reason + "\"}", MARY));
    runJobs(partnerId, "tier-review");
  }

  String domain(String name) {
    return "browser-" + name + "-" + System.nanoTime() + ".example";
  }

  LocalDate engineToday() {
    return LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneOffset.UTC);
  }

  Partner apply(String company, String motion, String forecast) {
    String domain = domain(company.toLowerCase().replace(' ', '-'));
    return applications.apply(new PartnerApplicationRequest(company, domain, "Pat Contact", "pat@" + domain, "EMEA",
        motion, new BigDecimal(forecast)));
  }

  /** A GROWTH applicant, approved and with its agreement signed: its onboarding waits for a partner manager. */
  Partner approvedGrowthApplicant(String company) {
    Partner partner = apply(company, "ASSISTED_RESELLER", "200000");
    active.complete(partner.id(), "ReviewApplication", "mary", Map.of("decision", "APPROVE", "tier", "GROWTH"));
    applications.signAgreement(partner.id(), "Pat Contact");
    return partner;
  }

  /** A $48,000 registration of a new ACTIVE partner, with the partner's proposed rate (or none). */
  String deal(String company, String proposedRate) throws Exception {
    Partner partner = active.active(company, domain("dealer"), "REFERRAL", "150000");
    return register(partner, "Globex", 48000, proposedRate);
  }

  /** The partner registers a new 12-month referral subscription of {@code value}: the deal's id. */
  String register(Partner partner, String customer, long value, String proposedRate) throws Exception {
    return body(http.post("/api/deal-registrations", "{\"customerName\":\"" + customer + "\",\"customerDomain\":\""
        + domain("customer") + "\",\"motion\":\"REFERRAL\",\"dealType\":\"NEW\",\"licenseType\":\"SUBSCRIPTION\","
        + "\"product\":\"PLUS\",\"estimatedValue\":" + value + ",\"termMonths\":12"
        + (proposedRate == null ? "" : ",\"proposedRate\":" + proposedRate) + "}", keyOf(partner.id())))
        .get("dealId").asText();
  }

  /** mary approves the registration, and closes it WON for its value on {@code closedOn}. */
  void approveAndWin(String dealId, long amount, LocalDate closedOn) {
    active.complete(dealId, "ReviewDealRegistration", "mary", Map.of("decision", "APPROVE"));
    assertThat(http.post("/api/deal-registrations/" + dealId + "/close", "{\"outcome\":\"WON\",\"amount\":" + amount
        + ",\"closedOn\":\"" + closedOn + "\"}", MARY).status()).isEqualTo(202);
  }

  void requestExtension(String dealId) throws Exception {
    String partnerId = jdbc.queryForObject("SELECT partner_id FROM deal_registration WHERE id = ?", String.class,
        dealId);
    assertThat(http.post("/api/deal-registrations/" + dealId + "/extension-request", "", keyOf(partnerId)).status())
        .isLessThan(300);
  }

  /** An ACTIVE partner with a compliance breach: its warning escalation waits for the private warning. */
  String breach(String company) throws Exception {
    Partner partner = active.active(company, domain("warned"), "REFERRAL", "150000");
    body(http.post("/api/partners/" + partner.id() + "/compliance-breaches",
        "{\"category\":\"REPORTING\",\"detail\":\"No quarterly report for Q3\"}", MARY));
    return partner.id();
  }

  /** A GROWTH partner with two large wins and its commitments: its review recommends a promotion. */
  String promotable(String company) throws Exception {
    Partner partner = active.active(company, domain("promoted"), "REFERRAL", "150000");
    LocalDate yesterday = engineToday().minusDays(1);
    for (int n = 0; n < 2; n++) {
      approveAndWin(register(partner, "Initech " + n, 600000, null), 600000, yesterday);
    }
    assertThat(http.put("/api/partners/" + partner.id() + "/commitments", "{\"periodStart\":\""
        + yesterday.minusYears(1).plusDays(1) + "\",\"periodEnd\":\"" + yesterday + "\",\"managementMeetingsHeld\":52,"
        + "\"ceoMeetingsHeld\":1,\"cSuiteMeetingsHeld\":4,\"enablementSessionsHeld\":4,\"certifiedFieldPercent\":90,"
        + "\"businessPlanAgreed\":true,\"nps\":40,\"strategicFit\":\"STRONG\",\"commissionQuotaRelief\":true,"
        + "\"salesEventPresence\":true}", MARY).status()).isEqualTo(204);
    review(partner.id());
    return partner.id();
  }

  void review(String partnerId) throws Exception {
    assertThat(http.post("/api/tier-reviews", "{\"partnerId\":\"" + partnerId + "\"}", MARY).status())
        .isEqualTo(202);
    runJobs(partnerId, "tier-review");
  }

  /** Runs the due jobs of the process's instances with this business key (a timer start event has none). */
  void runJobs(String businessKey, String processKey) {
    for (ProcessInstance instance : engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(processKey).processInstanceBusinessKey(businessKey).list()) {
      for (Job job : engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).list()) {
        if (job.getDuedate() == null || !job.getDuedate().after(ClockUtil.getCurrentTime())) {
          engine.getManagementService().executeJob(job.getId());
        }
      }
    }
  }

  /** Sets the engine clock to 09:00 UTC of this day (the clock goes back after the test). */
  void at(LocalDate day) {
    ClockUtil.setCurrentTime(Date.from(day.atTime(9, 0).toInstant(ZoneOffset.UTC)));
  }

  // --- Payouts, MDF, business reviews and health ---------------------------------------------------------------

  /**
   * The browser's payout months: runs are one per period for the whole program (the payout tests use 2027 to 2038).
   * The overdue statement of the 2041 run (Net 30 from 6 February) is chased and paid the day after its due date.
   */
  static final YearMonth LARGE_RUN_MONTH = YearMonth.of(2040, 2);
  static final YearMonth OVERDUE_RUN_MONTH = YearMonth.of(2041, 2);
  static final LocalDate OVERDUE_CHASED_ON = LocalDate.of(2041, 3, 9);

  /**
   * The payout run of the 6th of {@code month}, with one statement: a new partner's referral of {@code dealAmount}
   * (10 %), won and paid by the customer a month before. What other tests left payable goes on the month before's run.
   * @return the run's id, its statements built
   */
  String payoutRun(YearMonth month, long dealAmount) throws Exception {
    at(month.minusMonths(1).atDay(5));
    String sweep = startPayoutRun();
    if (engine.getTaskService().createTaskQuery().processInstanceBusinessKey(sweep)
        .taskDefinitionKey("ApprovePayoutRun").count() > 0) {
      completeAs(sweep, "ApprovePayoutRun", "lena", Map.of("payoutDecision", "APPROVE"));
    }
    Partner partner = activePartner("Browser Payee", domain("payee"), "REFERRAL", "150000");
    String dealId = register(partner, "Initech", dealAmount, null);
    approveAndWin(dealId, dealAmount, engineToday());
    Response paid = http.post("/api/deal-registrations/" + dealId + "/payments", "{\"paidOn\":\"" + engineToday()
        + "\",\"amount\":" + dealAmount + ",\"contractYear\":1}", FIONA);
    assertThat(paid.status()).as(paid.body()).isEqualTo(201);
    at(month.atDay(6));
    return startPayoutRun();
  }

  /** finance runs the payout for today's period; its statements are built. */
  String startPayoutRun() throws Exception {
    JsonNode answer = body(http.post("/api/payout-runs", "{}", FIONA));
    assertThat(answer.get("alreadyRan").asBoolean()).as(answer.toString()).isFalse();
    String runId = answer.get("runId").asText();
    runJobs(runId, "payout-run");
    return runId;
  }

  /** A statement of $1,200 unpaid after its due date: finance is asked to pay it. @return the run's id */
  String overdueStatement() throws Exception {
    String runId = payoutRun(OVERDUE_RUN_MONTH, 12000);
    at(OVERDUE_CHASED_ON);
    runJobs(runId, "payout-run");
    return runId;
  }

  /** The partner asks for MDF for a joint webinar today. @return the request's id */
  String mdfRequest(Partner partner, String amount) throws Exception {
    return body(http.post("/api/mdf-requests", "{\"activity\":\"Joint webinar with Globex\",\"use\":\"EVENT\","
        + "\"amount\":" + amount + ",\"plannedOn\":\"" + engineToday() + "\",\"expectedLeads\":40}",
        keyOf(partner.id()))).get("requestId").asText();
  }

  /** A GROWTH partner's $1,500 request, approved by mary and claimed with $1,200 of receipts. @return its id */
  String claimedMdfRequest(String company) throws Exception {
    Partner partner = activePartner(company, domain("funded"), "REFERRAL", "150000");
    String requestId = mdfRequest(partner, "1500");
    completeAs(requestId, "ReviewMdfRequest", "mary", Map.of("mdfDecision", "APPROVE"));
    body(http.post("/api/mdf-requests/" + requestId + "/claim", "{\"receiptAmount\":1200,\"leadsGenerated\":30,"
        + "\"pipelineValue\":90000,\"evidenceNote\":\"Attendee list and the venue's invoice attached\"}",
        keyOf(partner.id())));
    return requestId;
  }

  /**
   * A partner whose quarterly health enters At-risk: one $20,000 win 40 days ago and nothing since (50 of 100).
   * Its health run is started alone, not the quarterly run of every ACTIVE partner.
   */
  String atRisk(String company) {
    Partner partner = activePartner(company, domain("drifting"), "REFERRAL", "150000");
    WonDeals.insert(jdbc, partner.id(), "REFERRAL", "20000", 12, "SOURCED", engineToday().minusDays(40),
        ClockUtil.getCurrentTime().toInstant().minus(Duration.ofDays(40)));
    healthRuns.start(partner.id());
    runJobs(partner.id(), "partner-health");
    return partner.id();
  }

  /** Moves the engine clock on and runs the process's timers then due (no sleeping); the clock goes back after. */
  void passTimer(String businessKey, String processKey, Duration after) {
    ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(after)));
    String instanceId = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(processKey)
        .processInstanceBusinessKey(businessKey).singleResult().getId();
    for (Job job : engine.getManagementService().createJobQuery().processInstanceId(instanceId).timers().list()) {
      if (!job.getDuedate().after(ClockUtil.getCurrentTime())) {
        engine.getManagementService().executeJob(job.getId());
      }
    }
  }

  Task openTaskOf(String businessKey, String taskKey) {
    ClockUtil.reset();
    Task task = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(businessKey)
        .taskDefinitionKey(taskKey).singleResult();
    assertThat(task).as("open " + taskKey + " for " + businessKey).isNotNull();
    return task;
  }
}
