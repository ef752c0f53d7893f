package org.partnerlifecycle.deal;

import org.partnerlifecycle.support.ApplicationTest;

@ApplicationTest
class DealApiOnH2Test extends DealApiContract {
}
