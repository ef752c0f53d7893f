package org.partnerlifecycle.web;

import java.util.List;
import org.partnerlifecycle.web.ApiProblems.FieldProblem;

/** A request that is well-formed but breaks a business rule about a field (answered 400 with the field). */
public class InvalidRequestException extends RuntimeException {

  private final List<FieldProblem> errors;

  public InvalidRequestException(String field, String message) {
    super(field + " " + message);
    this.errors = List.of(new FieldProblem(field, message));
  }

  /** Several wrong fields at once (type errors and broken constraints together). */
  public InvalidRequestException(String message, List<FieldProblem> errors) {
    super(message);
    this.errors = List.copyOf(errors);
  }

  public List<FieldProblem> errors() {
    return errors;
  }
}
