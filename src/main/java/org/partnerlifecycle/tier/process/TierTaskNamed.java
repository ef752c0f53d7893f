package org.partnerlifecycle.tier.process;

import static org.partnerlifecycle.tier.process.TierReviewProcess.COMPANY_NAME;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * tier-review: names each user task from the case when it is created ("Confirm tier change — Acme"); the BPMN element
 * names stay static words (Cockpit and Modeler show them raw).
 */
@Component("tierTaskNamed")
class TierTaskNamed implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    Object company = task.getVariable(COMPANY_NAME);
    if (company != null) {
      task.setName(task.getName() + " — " + company);
    }
  }
}
