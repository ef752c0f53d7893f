package org.partnerlifecycle.engine;

/** A task decision the program's rules refuse, naming the field at fault (e.g. a rejection without a reason). */
public class InvalidDecisionException extends RuntimeException {

  private final String field;

  public InvalidDecisionException(String field, String message) {
    super(field + ": " + message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
