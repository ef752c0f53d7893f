package org.partnerlifecycle.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * API writes run a few at a time, admitted in arrival order; the others wait their turn, up to
 * {@code partner-lifecycle.api.write-wait-millis}, then are answered 503 with {@code Retry-After}. Why: a write is
 * mostly CPU (a process start, its rows, PostgreSQL's work on them). With more writes at once than the cores can run,
 * they share the CPU and the connection pool unevenly, and the unlucky ones take several times the mean; in arrival
 * order each waits about as long as the others (32 intakes at once on two cores, bench/RESULTS.md: p99 2.7 times the
 * median before, 1.4 with). {@code partner-lifecycle.api.concurrent-writes} (default: twice the cores) sets how many
 * run at once; reads are not queued. A write that goes on to wait without the CPU gives its turn on early
 * ({@link #endTurnEarly}).
 */
@Configuration
public class ApiWriteAdmission implements WebMvcConfigurer, HandlerInterceptor {

  private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
  private static final String ADMITTED = ApiWriteAdmission.class.getName() + ".admitted";

  private final Semaphore turns;
  private final long waitMillis;

  ApiWriteAdmission(@Value("${partner-lifecycle.api.concurrent-writes:0}") int concurrentWrites,
      @Value("${partner-lifecycle.api.write-wait-millis:10000}") long waitMillis) {
    this.turns = new Semaphore(concurrentWrites > 0 ? concurrentWrites
        : 2 * Runtime.getRuntime().availableProcessors(), true);
    this.waitMillis = waitMillis;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(this).addPathPatterns("/api/**");
  }

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
      throws InterruptedException {
    if (!WRITES.contains(request.getMethod())) {
      return true;
    }
    if (!turns.tryAcquire(waitMillis, TimeUnit.MILLISECONDS)) {
      throw new ServiceBusyException("The API is busy: try again shortly", 1);
    }
    request.setAttribute(ADMITTED, turns);
    return true;
  }

  /**
   * Gives the current request's turn to the next write now, for a write that goes on to wait without using the CPU
   * (an intake waiting for its review's round, deal.ReviewStarts, which the writes behind it fill). Outside an admitted
   * write, nothing.
   */
  public static void endTurnEarly() {
    if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
      release(attributes.getRequest());
    }
  }

  private static void release(HttpServletRequest request) {
    if (request.getAttribute(ADMITTED) instanceof Semaphore admittedBy) {
      request.removeAttribute(ADMITTED);
      admittedBy.release();
    }
  }

  @Override
  public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
      Exception failure) {
    release(request);
  }
}
