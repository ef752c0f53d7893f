package org.partnerlifecycle.web;

import org.partnerlifecycle.support.PostgresProfileTest;
import org.partnerlifecycle.support.PostgresTestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

@PostgresProfileTest
@TestPropertySource(properties = ApplicationRateLimitContract.LOW_LIMIT)
class ApplicationRateLimitOnPostgresTest extends ApplicationRateLimitContract {

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    String url = PostgresTestDatabase.create();
    registry.add("spring.datasource.url", () -> url);
  }
}
