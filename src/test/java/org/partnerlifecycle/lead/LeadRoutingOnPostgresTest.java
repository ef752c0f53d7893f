package org.partnerlifecycle.lead;

import org.partnerlifecycle.support.PostgresProfileTest;

@PostgresProfileTest
class LeadRoutingOnPostgresTest extends LeadRoutingContract {
}
