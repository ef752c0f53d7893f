package org.partnerlifecycle.partner;

import org.partnerlifecycle.support.PostgresProfileTest;

@PostgresProfileTest
class PartnerApiOnPostgresTest extends PartnerApiContract {
}
