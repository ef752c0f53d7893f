package org.partnerlifecycle.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import java.util.List;
import org.partnerlifecycle.security.Caller;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The API's shared input layer in Spring MVC: strict JSON request bodies ({@link StrictJsonBodies}) and the rate
 * limit of anonymous partner applications per client address.
 *
 * <p>The client address is the socket's remote address ({@code request.getRemoteAddr()}). Forwarded headers
 * ({@code X-Forwarded-For}, {@code Forwarded}) count only when Spring's {@code server.forward-headers-strategy} is
 * set (behind a proxy that sets them), because then the container rewrites the remote address itself; otherwise
 * any client could claim a fresh address per request.
 */
@Configuration
public class ApiWebConfiguration implements WebMvcConfigurer {

  public static final String APPLICATIONS_PATH = "/api/partner-applications";

  private final com.fasterxml.jackson.databind.ObjectMapper mapper;
  private final ObjectProvider<Validator> validator;
  private final Caller caller;
  private final ClientRateLimiter applicationLimit;

  public ApiWebConfiguration(com.fasterxml.jackson.databind.ObjectMapper mapper, ObjectProvider<Validator> validator,
      Caller caller,
      @Value("${partner-lifecycle.rate-limit.applications.per-minute:5}") int applicationsPerMinute,
      @Value("${partner-lifecycle.rate-limit.applications.max-addresses:10000}") int maxAddresses) {
    this.mapper = mapper;
    this.validator = validator;
    this.caller = caller;
    this.applicationLimit = new ClientRateLimiter(applicationsPerMinute, maxAddresses);
  }

  @Override
  public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
    converters.add(0, new StrictJsonBodies(mapper, validator));
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
