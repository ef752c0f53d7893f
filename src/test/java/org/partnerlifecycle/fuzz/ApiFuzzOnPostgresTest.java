package org.partnerlifecycle.fuzz;

import org.partnerlifecycle.support.PostgresProfileTest;
import org.partnerlifecycle.support.PostgresTestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The fuzz run on PostgreSQL, the production database: its types, limits and errors are not H2's. */
@PostgresProfileTest
class ApiFuzzOnPostgresTest extends ApiFuzzContract {

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    String url = PostgresTestDatabase.create();
    registry.add("spring.datasource.url", () -> url);
  }
}
