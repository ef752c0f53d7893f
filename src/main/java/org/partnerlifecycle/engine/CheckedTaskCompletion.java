package org.partnerlifecycle.engine;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * A task's completion, checked by the services and recorded, with the process's business key (the partner or deal
 * id). A decision they refuse (say, a rejection without a reason) throws
 * {@link org.partnerlifecycle.engine.InvalidDecisionException}: the engine rolls the completion back and the task
 * stays open — enforced by the engine, not only by the form. {@code /engine-rest} answers 400 with the field
 * ({@link org.partnerlifecycle.engine.EngineRestErrors}).
 */
public abstract class CheckedTaskCompletion implements TaskListener {

  @Override
  public final void notify(DelegateTask task) {
    record(task, task.getExecution().getProcessBusinessKey());
  }

  /** Checks and records the completed task of the process whose business key is {@code businessKey}. */
  protected abstract void record(DelegateTask task, String businessKey);
}
