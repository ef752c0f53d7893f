package org.partnerlifecycle.engine;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Who completed a task: the authenticated user, else its assignee, else "system". */
public final class TaskActor {

  private TaskActor() {
  }

  public static String of(DelegateTask task) {
    Authentication authentication =
        task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    if (authentication != null && authentication.getUserId() != null) {
      return authentication.getUserId();
    }
    return task.getAssignee() != null ? task.getAssignee() : "system";
  }

  /** A number variable (a form's number field arrives as Long or Double), exactly as decimal; null when absent. */
  public static java.math.BigDecimal decimal(DelegateTask task, String variable) {
    Object value = task.getVariable(variable);
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    try {
      return new java.math.BigDecimal(value.toString());
    } catch (NumberFormatException e) {
      throw new org.partnerlifecycle.engine.InvalidDecisionException(variable, "must be a number");
    }
  }

  /** A required date variable (a form's date field arrives as text yyyy-mm-dd, or as a Date over REST). */
  public static java.time.LocalDate date(DelegateTask task, String variable) {
    Object value = task.getVariable(variable);
    if (value == null || value.toString().isBlank()) {
      throw new InvalidDecisionException(variable, "is required");
    }
    if (value instanceof java.util.Date d) {
      return java.time.LocalDate.ofInstant(d.toInstant(), java.time.ZoneOffset.UTC);
    }
    try {
      return java.time.LocalDate.parse(value.toString().length() > 10 ? value.toString().substring(0, 10)
          : value.toString());
    } catch (java.time.format.DateTimeParseException e) {
      throw new InvalidDecisionException(variable, "must be a date (yyyy-mm-dd)");
    }
  }

  /** A checkbox: absent is false; anything but a boolean is refused. */
  public static boolean flag(DelegateTask task, String variable) {
    Object value = task.getVariable(variable);
    if (value == null) {
      return false;
    }
    if (value instanceof Boolean b) {
      return b;
    }
    throw new InvalidDecisionException(variable, "must be true or false");
  }

  public static String text(DelegateTask task, String variable) {
    Object value = task.getVariable(variable);
    return value == null ? null : value.toString();
  }
}
