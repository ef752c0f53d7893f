package org.partnerlifecycle.web;

/** A refusal the client may retry: answered with {@code Retry-After} (seconds); nothing was done. */
public abstract class RetryLaterException extends RuntimeException {

  private final long retryAfterSeconds;

  protected RetryLaterException(String message, long retryAfterSeconds) {
    super(message);
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
