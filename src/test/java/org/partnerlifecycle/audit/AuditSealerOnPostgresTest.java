package org.partnerlifecycle.audit;

import org.partnerlifecycle.support.PostgresProfileTest;

@PostgresProfileTest
class AuditSealerOnPostgresTest extends AuditSealerContract {
}
