package org.partnerlifecycle.web;

/** No such record, or none the caller may see: the API answers 404 in both cases, so ids leak nothing. */
public class NotFoundException extends RuntimeException {

  public NotFoundException(String message) {
    super(message);
  }
}
