package org.partnerlifecycle.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.partnerlifecycle.support.ApplicationTest;
import org.partnerlifecycle.support.HeadlessChromium;

@ApplicationTest
class AuditConsoleOnH2Test extends AuditConsoleContract {

  /**
   * Issue 26's must-show, in a real browser: ada signs in to /audit/, finds a deal approved at a negotiated rate, and
   * reads on its page that mary reviewed it and lena approved 18 %, with their reasons, and the diagram of the path
   * taken with who completed each task. Screenshots in target/screenshots/.
   */
  @Test
  void adaFindsADealApprovedAtANegotiatedRateAndSeesWhoDecidedWithTheDiagramInABrowser() throws Exception {
    String dealId = dealApprovedAtANegotiatedRate("Browser Partner", "Umbrella");
    WebDriver browser = HeadlessChromium.start();
    try {
      WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
      browser.get("http://localhost:" + port + "/audit/");
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys("ada");
      browser.findElement(By.id("password")).sendKeys("ada");
      HeadlessChromium.shot(browser, "audit-01-login");
      browser.findElement(By.id("sign-in")).click();

      wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("q"))).sendKeys("umbrella");
      browser.findElement(By.id("search")).click();
      WebElement row = wait.until(ExpectedConditions.visibilityOfElementLocated(
          By.xpath("//table[@id='deals']//tr[td/a[text()='" + dealId + "']]")));
      assertThat(row.getText()).contains("Browser Partner", "Umbrella", "APPROVED", "18 % (negotiated)");
      assertThat(browser.findElement(By.id("chain-status")).getText()).isNotBlank();
      HeadlessChromium.shot(browser, "audit-02-search");
      row.findElement(By.linkText(dealId)).click();

      wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".diagram[data-rendered='true']")));
      List<String> who = browser.findElements(By.cssSelector(".djs-overlay .who")).stream().map(WebElement::getText)
          .toList();
      assertThat(who).anyMatch(text -> text.startsWith("mary, ")).anyMatch(text -> text.startsWith("lena, "));
      assertThat(browser.findElements(By.cssSelector(".djs-element.taken"))).isNotEmpty();
      WebElement review = browser.findElement(By.xpath("//table[@id='timeline']//tr[td[2]='mary' and "
          + "contains(., 'Completed Review deal registration')]"));
      assertThat(review.getText()).contains("Strategic multi-year account", "proposed rate 18 %");
      WebElement approval = browser.findElement(By.xpath("//table[@id='timeline']//tr[td[2]='lena' and "
          + "contains(., 'Completed Approve negotiated rate')]"));
      assertThat(approval.getText()).contains("rate decision APPROVE", "Matches the competitive offer we lost last year");
      assertThat(browser.findElement(By.tagName("main")).getText()).contains("rate approved by", "lena")
          .doesNotContain("${");
      HeadlessChromium.shot(browser, "audit-03-deal-page");
      ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'start'});",
          browser.findElement(By.cssSelector("figure")));
      HeadlessChromium.shot(browser, "audit-04-diagram-path-taken");

      WebElement raw = approval.findElement(By.tagName("summary"));
      ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", raw);
      raw.click();
      assertThat(approval.findElement(By.tagName("pre")).getText()).contains("\"rateDecision\" : \"APPROVE\"");
      HeadlessChromium.shot(browser, "audit-05-timeline-raw-record");
    } finally {
      browser.quit();
    }
  }
}
