package org.partnerlifecycle.notification;

import org.partnerlifecycle.support.PostgresProfileTest;

@PostgresProfileTest
class PartnerLoopOnPostgresTest extends PartnerLoopContract {
}
