package org.partnerlifecycle.deal;

import org.partnerlifecycle.support.PostgresProfileTest;

@PostgresProfileTest
class DealRulesOnPostgresTest extends DealRulesContract {
}
