package org.partnerlifecycle.platform;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

class PostgresProfileEnvironmentCheckTest {

  private final PostgresProfileEnvironmentCheck check = new PostgresProfileEnvironmentCheck();

  @Test
  void refusesProfilePostgresWithoutItsVariablesAndNamesThem() {
    MockEnvironment environment = new MockEnvironment().withProperty("DB_URL", "jdbc:postgresql://db/ple");
    environment.setActiveProfiles("postgres");
    assertThatThrownBy(() -> check.postProcessEnvironment(environment, new SpringApplication()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("DB_USER").hasMessageContaining("ADMIN_USER").hasMessageContaining("ADMIN_PASSWORD")
        .hasMessageContaining("AUDIT_SIGNING_KEY_FILE").hasMessageNotContaining("DB_URL,");
  }

  @Test
  void acceptsProfilePostgresWithItsVariables() {
    MockEnvironment environment = new MockEnvironment().withProperty("DB_URL", "jdbc:postgresql://db/ple")
        .withProperty("DB_USER", "ple").withProperty("ADMIN_USER", "admin").withProperty("ADMIN_PASSWORD", "s3cret")
        .withProperty("AUDIT_SIGNING_KEY_FILE", "/run/secrets/audit-signing-key.pem");
    environment.setActiveProfiles("postgres");
    assertThatCode(() -> check.postProcessEnvironment(environment, new SpringApplication())).doesNotThrowAnyException();
  }

  @Test
  void leavesTheDefaultRunModeAlone() {
    assertThatCode(() -> check.postProcessEnvironment(new MockEnvironment(), new SpringApplication()))
        .doesNotThrowAnyException();
  }
}
