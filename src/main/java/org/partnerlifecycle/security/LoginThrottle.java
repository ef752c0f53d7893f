package org.partnerlifecycle.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Login throttling per client address, in front of every password check: HTTP Basic on {@code /api} and
 * {@code /engine-rest}, and the webapps' login ({@code POST /camunda/api/admin/auth/user/default/login/*}).
 * Camunda already slows down each account (3, 6, 12 … 60 s after each wrong password, never a permanent lock, see
 * {@code loginMaxAttempts} in application.yml); this slows down one address trying many accounts.
 * <p>
 * An address has {@value #FREE_FAILURES} free failures; after that each failure (a 401 to a request that carried
 * credentials) makes the address wait 1, 2, 4 … at most 60 s before its next attempt. A login attempt during the
 * wait is not checked at all: 429 with {@code Retry-After}. Failures are forgotten after 15 minutes without one.
 * Nothing is ever locked: once the wait has passed, the right password works again. Time is the engine's clock
 * ({@link ClockUtil}), so tests move it instead of sleeping. State lives in memory, per node.
 */
public class LoginThrottle extends OncePerRequestFilter {

  static final int FREE_FAILURES = 5;
  static final Duration FIRST_DELAY = Duration.ofSeconds(1);
  static final Duration MAX_DELAY = Duration.ofSeconds(60);
  static final Duration FORGET_AFTER = Duration.ofMinutes(15);
  /** Above this many addresses, the forgotten ones are swept out. */
  static final int SWEEP_ABOVE = 10_000;

  record Failures(int count, Instant last, Instant blockedUntil) {
  }

  private final Map<String, Failures> byAddress = new ConcurrentHashMap<>();
  private final Supplier<Instant> clock;
  private final int freeFailures;

  /** {@code freeFailures}: {@value #FREE_FAILURES} in production; tests that share an application raise it. */
  public LoginThrottle(int freeFailures) {
    this(() -> ClockUtil.getCurrentTime().toInstant(), freeFailures);
  }

  LoginThrottle(Supplier<Instant> clock) {
    this(clock, FREE_FAILURES);
  }

  LoginThrottle(Supplier<Instant> clock, int freeFailures) {
    this.clock = clock;
    this.freeFailures = freeFailures;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!isLoginAttempt(request)) {
      chain.doFilter(request, response);
      return;
    }
    String address = request.getRemoteAddr();
    Duration wait = waitFor(address);
    if (!wait.isZero()) {
      long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
      response.setStatus(429);
      response.setHeader("Retry-After", Long.toString(seconds));
      response.setContentType("application/problem+json");
      response.getOutputStream().write(("{\"type\":\"about:blank\",\"title\":\"Too Many Requests\",\"status\":429,"
          + "\"detail\":\"Too many failed logins from your address: try again in " + seconds + " s\"}")
          .getBytes(StandardCharsets.UTF_8));
      return;
    }
    chain.doFilter(request, response);
    if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
      failed(address);
    }
  }

  /** Credentials sent for a password check: an HTTP Basic header, the webapps' or the audit console's login form. */
  static boolean isLoginAttempt(HttpServletRequest request) {
    String authorization = request.getHeader("Authorization");
    if (authorization != null && authorization.toLowerCase(Locale.ROOT).startsWith("basic ")) {
      return true;
    }
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return "POST".equalsIgnoreCase(request.getMethod()) && (path.equals("/audit/login")
        || path.startsWith("/camunda/api/admin/auth/user/") && path.contains("/login/"));
  }

  /** How long this address must wait before its next login attempt (zero: it may try now). */
  Duration waitFor(String address) {
    Instant now = clock.get();
    Failures failures = byAddress.get(address);
    if (failures == null) {
      return Duration.ZERO;
    }
    if (forgotten(failures, now)) {
      byAddress.remove(address, failures);
      return Duration.ZERO;
    }
    if (!now.isBefore(failures.blockedUntil())) {
      return Duration.ZERO;
    }
    // Never longer than the cap, also when the clock was set back after the failure.
    Duration wait = Duration.between(now, failures.blockedUntil());
    return wait.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : wait;
  }

  void failed(String address) {
    Instant now = clock.get();
    byAddress.compute(address, (key, before) -> {
      int count = before == null || forgotten(before, now) ? 1 : before.count() + 1;
      return new Failures(count, now, now.plus(delayAfter(count, freeFailures)));
    });
    if (byAddress.size() > SWEEP_ABOVE) {
      byAddress.values().removeIf(failures -> forgotten(failures, now));
    }
  }

  static Duration delayAfter(int failures) {
    return delayAfter(failures, FREE_FAILURES);
  }

  static Duration delayAfter(int failures, int freeFailures) {
    if (failures <= freeFailures) {
      return Duration.ZERO;
    }
    int doublings = Math.min(failures - freeFailures - 1, 16);
    Duration delay = FIRST_DELAY.multipliedBy(1L << doublings);
    return delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
  }

  private static boolean forgotten(Failures failures, Instant now) {
    return !now.isBefore(failures.last().plus(FORGET_AFTER)) && !now.isBefore(failures.blockedUntil());
  }
}
