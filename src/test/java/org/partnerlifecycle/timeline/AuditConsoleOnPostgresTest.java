package org.partnerlifecycle.timeline;

import org.partnerlifecycle.support.PostgresProfileTest;

@PostgresProfileTest
class AuditConsoleOnPostgresTest extends AuditConsoleContract {
}
