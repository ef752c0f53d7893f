package org.partnerlifecycle.web;

/** The request is valid but the record is not in a state that allows it (answered 409). */
public class ConflictException extends RuntimeException {

  public ConflictException(String message) {
    super(message);
  }
}
