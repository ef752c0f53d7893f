package org.partnerlifecycle.process;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Who completed a task: the authenticated user, else its assignee, else "system". */
final class TaskActor {

  private TaskActor() {
  }

  static String of(DelegateTask task) {
    Authentication authentication =
        task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    if (authentication != null && authentication.getUserId() != null) {
      return authentication.getUserId();
    }
    return task.getAssignee() != null ? task.getAssignee() : "system";
  }

  static String text(DelegateTask task, String variable) {
    Object value = task.getVariable(variable);
    return value == null ? null : value.toString();
  }
}
