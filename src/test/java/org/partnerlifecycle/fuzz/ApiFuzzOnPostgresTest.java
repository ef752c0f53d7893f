package org.partnerlifecycle.fuzz;

import org.partnerlifecycle.support.PostgresProfileTest;

/** The fuzz run on PostgreSQL, the production database: its types, limits and errors are not H2's. */
@PostgresProfileTest
class ApiFuzzOnPostgresTest extends ApiFuzzContract {
}
