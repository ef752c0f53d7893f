package org.partnerlifecycle.program;

import org.partnerlifecycle.support.PostgresProfileTest;

@PostgresProfileTest
class ProgramApiOnPostgresTest extends ProgramApiContract {
}
