package org.partnerlifecycle.web;

/** The client sent too many requests of this kind: answered 429 with {@code Retry-After} (seconds). */
public class TooManyRequestsException extends RetryLaterException {

  public TooManyRequestsException(String message, long retryAfterSeconds) {
    super(message, retryAfterSeconds);
  }
}
