package org.partnerlifecycle.mdf.process;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.partnerlifecycle.mdf.MdfService;
import org.springframework.stereotype.Component;

/**
 * mdf-request's timers ({@code ${mdfTimers.lapseAt(execution)}}, {@code ${mdfTimers.overdueAt(execution)}}): read
 * from the request's records by the business key, never from a variable a task completion could set.
 */
@Component("mdfTimers")
public class MdfTimers {

  private final MdfService mdf;

  public MdfTimers(MdfService mdf) {
    this.mdf = mdf;
  }

  /** The end of the fiscal year of the request's submission. */
  public Date lapseAt(DelegateExecution execution) {
    return mdf.lapseAt(execution.getProcessBusinessKey());
  }

  /** The start of the day after the reimbursement's due date. */
  public Date overdueAt(DelegateExecution execution) {
    return mdf.overdueAt(execution.getProcessBusinessKey());
  }
}
