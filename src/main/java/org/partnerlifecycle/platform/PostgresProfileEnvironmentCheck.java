package org.partnerlifecycle.platform;

import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.util.StringUtils;

/**
 * Refuses to start profile {@code postgres} without its database and admin settings, with a message that
 * names every missing variable. Without it the operator would see a placeholder error deep in a bean, or
 * worse, an Admin setup page open to the first visitor.
 */
public class PostgresProfileEnvironmentCheck implements EnvironmentPostProcessor, Ordered {

  static final List<String> REQUIRED = List.of("DB_URL", "DB_USER", "ADMIN_USER", "ADMIN_PASSWORD",
      "AUDIT_SIGNING_KEY_FILE");

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    if (!environment.matchesProfiles("postgres")) {
      return;
    }
    List<String> missing = REQUIRED.stream()
        .filter(name -> !StringUtils.hasText(environment.getProperty(name)))
        .toList();
    if (!missing.isEmpty()) {
      throw new IllegalStateException("Profile 'postgres' needs the environment variables " + missing
          + " (DB_PASSWORD is optional). Set them and start again; see README.md, 'Run on PostgreSQL'.");
    }
  }

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }
}
