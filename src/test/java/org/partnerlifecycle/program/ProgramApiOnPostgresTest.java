package org.partnerlifecycle.program;

import org.partnerlifecycle.support.PostgresProfileTest;

@PostgresProfileTest
class ProgramApiOnPostgresTest extends ProgramApiContract {

  /** Profile postgres has no demo admin: its admin comes from ADMIN_USER / ADMIN_PASSWORD. */
  @Override
  protected String[] admin() {
    return new String[] {"pgadmin", "pgadmin"};
  }
}
