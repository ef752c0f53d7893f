package org.partnerlifecycle.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnerlifecycle.support.ApplicationTest;
import org.partnerlifecycle.support.Http;
import org.partnerlifecycle.support.Http.Response;
import org.partnerlifecycle.support.WebappSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Wrong passwords slow down, never lock out (SPEC §6), on every way in: HTTP Basic on {@code /engine-rest} and
 * {@code /api}, and the webapps' login. Both throttles (Camunda's per account, {@link LoginThrottle} per address)
 * run on the engine's clock, which the tests move instead of sleeping. A context of its own: the address throttle
 * remembers this test's failures.
 */
@ApplicationTest
@TestPropertySource(properties = {"partner-lifecycle.login-throttle.free-failures=" + LoginThrottle.FREE_FAILURES,
    "camunda.bpm.generic-properties.properties.loginDelayBase=3"})
class LoginThrottlingOnH2Test {

  @LocalServerPort
  int port;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  ServerProperties server;

  Http http;
  Instant now;

  @BeforeEach
  void setUp() {
    http = new Http(port);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  /** Hours ahead of real time: each test starts later than the last one ended, far from its failures. */
  static int hoursAhead;

  void startLater() {
    hoursAhead += 10;
    now = Instant.now().plus(Duration.ofHours(hoursAhead));
    ClockUtil.setCurrentTime(Date.from(now));
  }

  void passes(Duration time) {
    now = now.plus(time);
    ClockUtil.setCurrentTime(Date.from(now));
  }

  @Test
  void theDefaultModeListensOnLoopbackOnly() {
    assertThat(server.getAddress().getHostAddress()).isEqualTo("127.0.0.1");
  }

  @Test
  void manyWrongPasswordsSlowAnAccountDownButNeverLockIt() {
    startLater();
    // 15 wrong passwords for the admin, each once the last delay has passed (Camunda used to lock for good at 10).
    for (int i = 0; i < 15; i++) {
      passes(Duration.ofSeconds(61));
      assertThat(http.get("/engine-rest/process-definition", "demo", "guess-" + i).status()).isEqualTo(401);
    }
    assertThat(jdbc.queryForObject("select ATTEMPTS_ from ACT_ID_USER where ID_ = 'demo'", Integer.class))
        .isEqualTo(15);
    // Right after, even the right password waits: 429 from the address throttle, 401 from the account's delay.
    assertThat(http.get("/engine-rest/process-definition", "demo", "demo").status()).isIn(401, 429);
    // A minute later it works again, on every way in, and nobody had to unlock anything.
    passes(Duration.ofSeconds(61));
    assertThat(http.get("/engine-rest/process-definition", "demo", "demo").status()).isEqualTo(200);
    assertThat(http.get("/api/partners", "demo", "demo").status()).isEqualTo(200);
    assertThat(WebappSession.login(port, "cockpit", "demo", "demo").loginStatus()).isEqualTo(200);
    assertThat(jdbc.queryForObject("select ATTEMPTS_ from ACT_ID_USER where ID_ = 'demo'", Integer.class)).isZero();
  }

  @Test
  void oneAddressTryingManyAccountsWaitsUpToAMinute() throws Exception {
    startLater();
    // Failures against many accounts (Camunda's per-account delay never applies) on all three ways in.
    int failures = 0;
    for (int i = 0; i < LoginThrottle.FREE_FAILURES + 1; i++) {
      Response failed = switch (i % 3) {
        case 0 -> http.get("/engine-rest/task", "spray-" + i, "Summer2026!");
        case 1 -> http.get("/api/partners", "spray-" + i, "Summer2026!");
        default -> new Response(WebappSession.login(port, "tasklist", "spray-" + i, "Summer2026!").loginStatus(), "", "");
      };
      assertThat(failed.status()).isEqualTo(401);
      failures++;
    }
    assertThat(failures).isEqualTo(6);
    // Now the address waits a second; the password is not even checked, however right.
    var throttled = HttpClient.newHttpClient().send(http.builder("/engine-rest/task")
        .header("Authorization", "Basic bWFyeTptYXJ5").build(), HttpResponse.BodyHandlers.ofString());
    assertThat(throttled.statusCode()).isEqualTo(429);
    assertThat(throttled.headers().firstValue("Retry-After")).hasValue("1");
    assertThat(throttled.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(http.get("/api/partners", "mary", "mary").status()).isEqualTo(429);
    assertThat(WebappSession.login(port, "tasklist", "mary", "mary").loginStatus()).isEqualTo(429);
    // Requests without a password are not login attempts: an API key, the public directory.
    assertThat(http.get("/api/directory").status()).isEqualTo(200);
    // Every further failure doubles the wait, up to a minute.
    for (int i = 0; i < 10; i++) {
      passes(Duration.ofSeconds(61));
      assertThat(http.get("/engine-rest/task", "spray-x" + i, "Winter2026!").status()).isEqualTo(401);
    }
    passes(Duration.ofSeconds(59));
    assertThat(http.get("/engine-rest/task", "mary", "mary").status()).isEqualTo(429);
    passes(Duration.ofSeconds(2));
    assertThat(http.get("/engine-rest/task", "mary", "mary").status()).isEqualTo(200);
    assertThat(WebappSession.login(port, "tasklist", "mary", "mary").loginStatus()).isEqualTo(200);
  }
}
