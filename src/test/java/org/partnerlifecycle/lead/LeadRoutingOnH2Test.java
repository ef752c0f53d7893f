package org.partnerlifecycle.lead;

import org.partnerlifecycle.support.ApplicationTest;

@ApplicationTest
class LeadRoutingOnH2Test extends LeadRoutingContract {
}
