package org.partnerlifecycle.web;

/** Too much work already waits: answered 503 with {@code Retry-After} (seconds); nothing was done. */
public class ServiceBusyException extends RuntimeException {

  private final long retryAfterSeconds;

  public ServiceBusyException(String message, long retryAfterSeconds) {
    super(message);
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
