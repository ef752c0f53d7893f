package org.partnerlifecycle.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.partnerlifecycle.partner.Partner;
import org.partnerlifecycle.support.ApiContract;
import org.partnerlifecycle.support.ApplicationTest;
import org.partnerlifecycle.support.HeadlessChromium;

/**
 * Tasklist in a real browser (Debian's headless Chromium and chromedriver; .ci/run installs them): mary reviews a
 * deal registration through her filter and form and proposes a rate, lena approves it through hers, ada cannot work
 * in Tasklist at all. Screenshots of each filled form go to target/screenshots/ ({@link HeadlessChromium}).
 */
@ApplicationTest
class TasklistBrowserTest extends ApiContract {

  WebDriver browser;
  WebDriverWait wait;

  @BeforeEach
  void startBrowser() throws Exception {
    browser = HeadlessChromium.start();
    wait = new WebDriverWait(browser, Duration.ofSeconds(30));
  }

  @AfterEach
  void stopBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  void shot(String name) throws Exception {
    HeadlessChromium.shot(browser, name);
  }

  void logIn(String user) {
    browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("input[ng-model=username]")))
        .sendKeys(user);
    browser.findElement(By.cssSelector("input[ng-model=password]")).sendKeys(user);
    browser.findElement(By.cssSelector("button[type=submit]")).click();
  }

  WebElement visible(By by) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  /** Scrolls the element to the middle first: Tasklist's sticky form footer would otherwise take the click. */
  void click(By by) {
    WebElement element = wait.until(ExpectedConditions.elementToBeClickable(by));
    ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
        "arguments[0].scrollIntoView({block: 'center'});", element);
    wait.until(ExpectedConditions.elementToBeClickable(element)).click();
  }

  static By text(String text) {
    return By.xpath("//*[contains(normalize-space(text()),'" + text + "')]");
  }

  /** Picks an option of a Camunda Forms select (form-js renders its own dropdown, not an HTML select). */
  void choose(String field, String option) {
    click(By.cssSelector("[id$='_" + field + "-display']"));
    click(By.xpath("//*[contains(@class,'fjs-dropdownlist-item') and contains(normalize-space(.),'" + option + "')]"));
  }

  void openTask(String filter, String taskName) {
    click(text(filter));
    click(text(taskName));
    click(By.cssSelector("button.claim"));
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button[ng-click='complete()']")));
  }

  void complete() {
    click(By.cssSelector("button[ng-click='complete()']"));
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("button[ng-click='complete()']")));
  }

  @Test
  void partnerManagersAndLeadershipWorkTheirTasksInTasklistAndAuditorsCannot() throws Exception {
    Partner partner = active.active("Acme Learning", "acme-browser.example", "REFERRAL", "150000");
    String dealId = body(http.post("/api/deal-registrations", "{\"customerName\":\"Globex\","
        + "\"customerDomain\":\"globex-browser.example\",\"motion\":\"REFERRAL\",\"dealType\":\"NEW\","
        + "\"licenseType\":\"SUBSCRIPTION\",\"product\":\"PLUS\",\"estimatedValue\":48000,\"termMonths\":12}",
        keyOf(partner.id()))).get("dealId").asText();

    logIn("mary");
    openTask("My deal reviews", "Review deal registration — Acme Learning / Globex, $48,000");
    assertThat(browser.findElements(text("Leadership approvals"))).as("mary sees no leadership filter").isEmpty();
    choose("decision", "Approve: partner-sourced");
    WebElement rate = visible(By.cssSelector("[id$='_proposedRate']"));
    rate.sendKeys("12");
    shot("01-mary-deal-review-filled");
    complete();
    shot("02-mary-deal-review-completed");
    assertThat(jdbc.queryForObject("SELECT status FROM deal_registration WHERE id = ?", String.class, dealId))
        .isEqualTo("AWAITING_RATE_APPROVAL");

    browser.manage().deleteAllCookies();
    logIn("lena");
    openTask("Leadership approvals", "Approve negotiated rate — Acme Learning / Globex, $48,000");
    assertThat(visible(By.cssSelector("[id$='_rateProposedBy']")).getAttribute("value")).isEqualTo("mary");
    choose("rateDecision", "Approve the proposed rate");
    shot("03-lena-rate-approval-filled");
    complete();
    shot("04-lena-rate-approval-completed");
    assertThat(jdbc.queryForObject("SELECT rate_locked_at FROM deal_registration WHERE id = ?", java.sql.Timestamp.class,
        dealId)).as("the rate is locked at approval").isNotNull();
    assertThat(jdbc.queryForMap("SELECT status, rate_percent, rate_approved_by FROM deal_registration WHERE id = ?",
        dealId)).containsEntry("status", "APPROVED").containsEntry("rate_approved_by", "lena")
        .satisfies(row -> assertThat((java.math.BigDecimal) row.get("rate_percent")).isEqualByComparingTo("12"));

    browser.manage().deleteAllCookies();
    logIn("ada");
    // Auditors have no Tasklist access at all (they read Cockpit): the login itself is refused.
    visible(text("Login Failed"));
    shot("05-ada-tasklist-refused");
    assertThat(browser.findElements(By.cssSelector("button.claim"))).isEmpty();
    assertThat(browser.findElements(By.cssSelector("button[ng-click='complete()']"))).isEmpty();
    assertThat(engine.getTaskService().createTaskQuery().taskAssignee("ada").count()).isZero();
  }
}
