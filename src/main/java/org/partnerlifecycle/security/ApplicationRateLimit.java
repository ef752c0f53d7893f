package org.partnerlifecycle.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.partnerlifecycle.web.TooManyRequestsException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The rate limit of anonymous partner applications per client address (staff and partners are not limited).
 *
 * <p>The client address is the socket's remote address ({@code request.getRemoteAddr()}). Forwarded headers
 * ({@code X-Forwarded-For}, {@code Forwarded}) count only when Spring's {@code server.forward-headers-strategy} is
 * set (behind a proxy that sets them), because then the container rewrites the remote address itself; otherwise
 * any client could claim a fresh address per request.
 */
@Configuration
class ApplicationRateLimit implements WebMvcConfigurer {

  static final String APPLICATIONS_PATH = "/api/partner-applications";

  private final Caller caller;
  private final ClientRateLimiter applicationLimit;

  ApplicationRateLimit(Caller caller,
      @Value("${partner-lifecycle.rate-limit.applications.per-minute:5}") int applicationsPerMinute,
      @Value("${partner-lifecycle.rate-limit.applications.max-addresses:10000}") int maxAddresses) {
    this.caller = caller;
    this.applicationLimit = new ClientRateLimiter(applicationsPerMinute, maxAddresses);
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(new HandlerInterceptor() {
      @Override
      public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        // Before the body is read: a refused request costs no parsing and stores nothing.
        if ("POST".equals(request.getMethod()) && !caller.isStaff() && caller.partnerId() == null) {
          long wait = applicationLimit.tryAcquire(ClientRateLimiter.clientOf(request.getRemoteAddr()));
          if (wait > 0) {
            throw new TooManyRequestsException("Too many partner applications from this address: try again in "
                + wait + " s", wait);
          }
        }
        return true;
      }
    }).addPathPatterns(APPLICATIONS_PATH);
  }
}
