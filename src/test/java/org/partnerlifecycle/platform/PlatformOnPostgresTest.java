package org.partnerlifecycle.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.partnerlifecycle.support.PostgresProfileTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The platform contract in profile {@code postgres}, on a fresh PostgreSQL database. */
@PostgresProfileTest
class PlatformOnPostgresTest extends PlatformSecurityContract {

  @Autowired
  JdbcTemplate jdbc;

  @Autowired
  org.springframework.boot.autoconfigure.web.ServerProperties server;

  @Override
  boolean restDeployments() {
    return false;
  }

  @Test
  void listensOnAllInterfaces() {
    assertThat(server.getAddress().getHostAddress()).isEqualTo("0.0.0.0");
  }

  @Override
  String[] admin() {
    return new String[] {"pgadmin", "pgadmin"};
  }

  @Test
  void runsOnPostgresWithOurMigrationsApplied() {
    assertThat(jdbc.queryForObject("select version()", String.class)).startsWith("PostgreSQL");
    assertThat(jdbc.queryForObject(
        "select count(*) from flyway_schema_history where success and version = '1'", Integer.class)).isEqualTo(1);
  }

  @Test
  void theAdminComesFromTheEnvironment() {
    assertThat(http.get("/engine-rest/process-definition", "pgadmin", "pgadmin").status()).isEqualTo(200);
    assertThat(http.get("/engine-rest/process-definition", "demo", "demo").status()).isEqualTo(401);
  }
}
