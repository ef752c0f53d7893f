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

  public static String text(DelegateTask task, String variable) {
    Object value = task.getVariable(variable);
    return value == null ? null : value.toString();
  }
}
