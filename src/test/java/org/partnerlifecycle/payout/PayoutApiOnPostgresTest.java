package org.partnerlifecycle.payout;

import org.partnerlifecycle.support.PostgresProfileTest;

/** The payout API on PostgreSQL. */
@PostgresProfileTest
class PayoutApiOnPostgresTest extends PayoutApiContract {
}
