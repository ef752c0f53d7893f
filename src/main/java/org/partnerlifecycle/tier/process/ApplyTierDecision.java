package org.partnerlifecycle.tier.process;

import static org.partnerlifecycle.tier.process.TierReviewProcess.COMPANY_NAME;
import static org.partnerlifecycle.tier.process.TierReviewProcess.MOTION;
import static org.partnerlifecycle.tier.process.TierReviewProcess.NEEDS_MANAGER;
import static org.partnerlifecycle.tier.process.TierReviewProcess.TIER;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.partnerlifecycle.tier.TierReviewService;
import org.springframework.stereotype.Component;

/** tier-review: {@code ApplyTierDecision}; a promotion without a manager (or sponsor) goes on to AssignPartnerManager. */
@Component("applyTierDecision")
class ApplyTierDecision implements JavaDelegate {

  private final TierReviewService reviews;

  ApplyTierDecision(TierReviewService reviews) {
    this.reviews = reviews;
  }

  @Override
  public void execute(DelegateExecution execution) {
    TierReviewService.Applied applied = reviews.apply(execution.getProcessBusinessKey(),
        execution.getProcessInstanceId());
    execution.setVariable(NEEDS_MANAGER, applied.needsManager());
    if (applied.needsManager()) {
      execution.setVariable(COMPANY_NAME, applied.companyName());
      execution.setVariable(TIER, applied.tier().name());
      execution.setVariable(MOTION, applied.motion().name());
    }
  }
}
