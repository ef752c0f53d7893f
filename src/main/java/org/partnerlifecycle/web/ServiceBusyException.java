package org.partnerlifecycle.web;

/** Too much work already waits: answered 503 with {@code Retry-After} (seconds); nothing was done. */
public class ServiceBusyException extends RetryLaterException {

  public ServiceBusyException(String message, long retryAfterSeconds) {
    super(message, retryAfterSeconds);
  }
}
