package org.partnerlifecycle.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** API writes run a few at a time in arrival order; reads are never queued; a write kept waiting too long is 503. */
class ApiWriteAdmissionTest {

  private static MockHttpServletRequest request(String method) {
    return new MockHttpServletRequest(method, "/api/deal-registrations");
  }

  @Test
  void writesBeyondTheLimitWaitTheirTurnAndAreRefusedOnceTheWaitIsOver() throws Exception {
    // One write at a time, no waiting: the second concurrent write is refused at once.
    ApiWriteAdmission admission = new ApiWriteAdmission(1, 0);
    MockHttpServletResponse response = new MockHttpServletResponse();
    MockHttpServletRequest first = request("POST");
    assertThat(admission.preHandle(first, response, null)).isTrue();

    assertThatThrownBy(() -> admission.preHandle(request("PUT"), response, null))
        .isInstanceOf(ServiceBusyException.class);
    assertThat(admission.preHandle(request("GET"), response, null)).as("reads are not queued").isTrue();

    admission.afterCompletion(first, response, null, null);
    MockHttpServletRequest next = request("DELETE");
    assertThat(admission.preHandle(next, response, null)).as("the finished write's turn passes on").isTrue();
    // A request that was never admitted (a read, or a refused write) gives back no turn.
    admission.afterCompletion(request("GET"), response, null, null);
    assertThatThrownBy(() -> admission.preHandle(request("PATCH"), response, null))
        .isInstanceOf(ServiceBusyException.class);
    // Completion is reported once per request, even if asked twice.
    admission.afterCompletion(next, response, null, null);
    admission.afterCompletion(next, response, null, null);
    MockHttpServletRequest third = request("POST");
    assertThat(admission.preHandle(third, response, null)).isTrue();
    assertThatThrownBy(() -> admission.preHandle(request("POST"), response, null))
        .isInstanceOf(ServiceBusyException.class);
  }

  /** A write that goes on to wait without the CPU (an intake awaiting its review's round) gives its turn on early. */
  @Test
  void aWriteThatEndsItsTurnEarlyLetsTheNextInOnce() throws Exception {
    ApiWriteAdmission admission = new ApiWriteAdmission(1, 0);
    MockHttpServletResponse response = new MockHttpServletResponse();
    MockHttpServletRequest waiting = request("POST");
    assertThat(admission.preHandle(waiting, response, null)).isTrue();
    RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(waiting));
    try {
      ApiWriteAdmission.endTurnEarly();
    } finally {
      RequestContextHolder.resetRequestAttributes();
    }
    MockHttpServletRequest next = request("POST");
    assertThat(admission.preHandle(next, response, null)).as("the next write runs meanwhile").isTrue();
    // The early write's completion gives back nothing more: still one write at a time.
    admission.afterCompletion(waiting, response, null, null);
    assertThatThrownBy(() -> admission.preHandle(request("POST"), response, null))
        .isInstanceOf(ServiceBusyException.class);
    // Outside a request, nothing happens.
    ApiWriteAdmission.endTurnEarly();
    assertThatThrownBy(() -> admission.preHandle(request("POST"), response, null))
        .isInstanceOf(ServiceBusyException.class);
  }

  @Test
  void aRefusedWriteIsAnswered503WithRetryAfter() {
    var answer = new ApiProblems().busy(new ServiceBusyException("The API is busy: try again shortly", 1));
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
    assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
    assertThat(answer.getBody().getDetail()).contains("busy");
  }
}
