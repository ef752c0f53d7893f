package org.partnerlifecycle.deal;

import org.partnerlifecycle.support.ApplicationTest;

@ApplicationTest
class DealRulesOnH2Test extends DealRulesContract {
}
