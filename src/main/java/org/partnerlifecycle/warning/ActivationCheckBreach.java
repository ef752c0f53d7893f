package org.partnerlifecycle.warning;

import org.partnerlifecycle.partner.process.NoFirstDealBreach;
import org.springframework.stereotype.Component;

/** The activation check's NO_FIRST_DEAL breach, raised as any breach is (it may start the warning escalation). */
@Component
class ActivationCheckBreach implements NoFirstDealBreach {

  private final WarningService warnings;

  ActivationCheckBreach(WarningService warnings) {
    this.warnings = warnings;
  }

  @Override
  public void raise(String partnerId, String note, String reportedBy) {
    warnings.raiseBreach(partnerId, BreachCategory.NO_FIRST_DEAL, note, "ACTIVATION_CHECK", reportedBy);
  }
}
