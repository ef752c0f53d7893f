package org.partnerlifecycle.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The per-address delays, on a clock of the test's own. */
class LoginThrottleTest {

  final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-01T10:00:00Z"));
  final LoginThrottle throttle = new LoginThrottle(now::get);

  @Test
  void delaysGrowFromOneSecondAfterTheFreeFailuresAndStopAtAMinute() {
    assertThat(LoginThrottle.delayAfter(1)).isZero();
    assertThat(LoginThrottle.delayAfter(LoginThrottle.FREE_FAILURES)).isZero();
    assertThat(LoginThrottle.delayAfter(6)).hasSeconds(1);
    assertThat(LoginThrottle.delayAfter(7)).hasSeconds(2);
    assertThat(LoginThrottle.delayAfter(11)).hasSeconds(32);
    assertThat(LoginThrottle.delayAfter(12)).hasSeconds(60);
    assertThat(LoginThrottle.delayAfter(Integer.MAX_VALUE)).hasSeconds(60);
  }

  @Test
  void anAddressWaitsAfterItsFailuresAndOthersDoNot() {
    for (int i = 0; i < 12; i++) {
      assertThat(throttle.waitFor("10.0.0.1")).isZero();
      throttle.failed("10.0.0.1");
      now.set(now.get().plus(throttle.waitFor("10.0.0.1")));
    }
    throttle.failed("10.0.0.1");
    assertThat(throttle.waitFor("10.0.0.1")).hasSeconds(60);
    assertThat(throttle.waitFor("10.0.0.2")).isZero();
    // Never for good: once the wait has passed, the address may try again.
    now.set(now.get().plusSeconds(60));
    assertThat(throttle.waitFor("10.0.0.1")).isZero();
  }

  @Test
  void failuresAreForgottenAfterAQuarterOfAnHourWithoutOne() {
    for (int i = 0; i < 8; i++) {
      throttle.failed("10.0.0.1");
    }
    now.set(now.get().plus(Duration.ofMinutes(15)));
    assertThat(throttle.waitFor("10.0.0.1")).isZero();
    throttle.failed("10.0.0.1");
    assertThat(throttle.waitFor("10.0.0.1")).as("counting starts again").isZero();
  }
}
