package org.partnerlifecycle.support;

import java.nio.file.Files;
import java.nio.file.Path;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium through its chromedriver (.ci/run installs both; no browser download). Without
 * chromedriver a browser test is skipped with a message, except in CI (CI=true), where it fails.
 */
public final class HeadlessChromium {

  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  private HeadlessChromium() {
  }

  public static WebDriver start() throws Exception {
    if (!Files.isExecutable(CHROMEDRIVER)) {
      String message = "No " + CHROMEDRIVER + ": install the Debian packages chromium and chromium-driver";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        org.junit.jupiter.api.Assertions.fail("CI=true and the browser test cannot run. " + message);
      }
      org.junit.jupiter.api.Assumptions.abort("Skipping the browser test. " + message);
    }
    ChromeOptions options = new ChromeOptions().setBinary("/usr/bin/chromium").addArguments("--headless=new",
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--window-size=1400,1000", "--lang=en-US",
        "--user-data-dir=" + Files.createTempDirectory("chromium"));
    return new ChromeDriver(new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile()).build(), options);
  }

  /** A screenshot of the window, as target/screenshots/{name}.png. */
  public static void shot(WebDriver browser, String name) throws Exception {
    Path file = Path.of("target/screenshots").resolve(name + ".png");
    Files.createDirectories(file.getParent());
    Files.write(file, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
  }
}
