package org.partnerlifecycle.mdf;

import org.partnerlifecycle.support.PostgresProfileTest;

/** The MDF API on PostgreSQL: the race for the last of a cap on a real database's row locks. */
@PostgresProfileTest
class MdfApiOnPostgresTest extends MdfApiContract {
}
