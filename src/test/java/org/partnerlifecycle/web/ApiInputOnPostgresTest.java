package org.partnerlifecycle.web;

import org.partnerlifecycle.support.PostgresProfileTest;
import org.partnerlifecycle.support.PostgresTestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@PostgresProfileTest
class ApiInputOnPostgresTest extends ApiInputContract {

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    String url = PostgresTestDatabase.create();
    registry.add("spring.datasource.url", () -> url);
  }
}
