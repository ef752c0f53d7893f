package org.partnerlifecycle.tier;

import org.partnerlifecycle.support.ApplicationTest;

@ApplicationTest
class TierReviewApiOnH2Test extends TierReviewApiContract {
}
