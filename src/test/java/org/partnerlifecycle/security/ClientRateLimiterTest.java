package org.partnerlifecycle.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ClientRateLimiterTest {

  @Test
  void aBucketPerAddressRefillsOverAMinuteAndTheMapStaysBounded() {
    AtomicLong now = new AtomicLong();
    ClientRateLimiter limiter = new ClientRateLimiter(5, 100, now::get);
    for (int i = 0; i < 5; i++) {
      assertThat(limiter.tryAcquire("10.0.0.1")).isZero();
    }
    assertThat(limiter.tryAcquire("10.0.0.1")).isEqualTo(12);
    assertThat(limiter.tryAcquire("10.0.0.2")).as("another address has its own bucket").isZero();
    now.addAndGet(12_000_000_000L);
    assertThat(limiter.tryAcquire("10.0.0.1")).isZero();
    assertThat(limiter.tryAcquire("10.0.0.1")).isEqualTo(12);
    for (int i = 0; i < 10_000; i++) {
      limiter.tryAcquire("192.0.2." + i);
    }
    assertThat(limiter.trackedAddresses()).isEqualTo(100);
  }

  @Test
  void anIpv6ClientIsItsSlash64AndAnIpv4ClientItsAddress() {
    assertThat(ClientRateLimiter.clientOf("203.0.113.7")).isEqualTo("203.0.113.7");
    assertThat(ClientRateLimiter.clientOf("2001:db8:1:2:aaaa:bbbb:cccc:dddd"))
        .isEqualTo(ClientRateLimiter.clientOf("2001:db8:1:2::1")).isEqualTo("2001:db8:1:2:0:0:0:0/64");
    assertThat(ClientRateLimiter.clientOf("2001:db8:1:3::1")).isNotEqualTo(ClientRateLimiter.clientOf("2001:db8:1:2::1"));
  }
}
