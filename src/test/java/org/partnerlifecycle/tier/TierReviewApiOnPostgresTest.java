package org.partnerlifecycle.tier;

import org.partnerlifecycle.support.PostgresProfileTest;

@PostgresProfileTest
class TierReviewApiOnPostgresTest extends TierReviewApiContract {
}
