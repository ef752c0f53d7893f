package org.partnerlifecycle.support;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * A fresh PostgreSQL database per test context, on the server of {@code PG_TEST_URL}
 * (default {@code jdbc:postgresql://127.0.0.1:5432/test}, user {@code postgres}).
 * In CI ({@code CI=true}) a missing server fails the test loudly; elsewhere the test is skipped with a message.
 */
public final class PostgresTestDatabase {

  public static final String SERVER_URL =
      System.getenv().getOrDefault("PG_TEST_URL", "jdbc:postgresql://127.0.0.1:5432/test");
  public static final String USER = System.getenv().getOrDefault("PG_TEST_USER", "postgres");
  public static final String PASSWORD = System.getenv().getOrDefault("PG_TEST_PASSWORD", "");

  private PostgresTestDatabase() {
  }

  /** Creates an empty database and returns its JDBC URL. */
  public static String create() {
    String name = "ple_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    try (Connection connection = DriverManager.getConnection(SERVER_URL, USER, PASSWORD);
         Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      String message = "PostgreSQL is not reachable at " + SERVER_URL + " as " + USER + ": " + e.getMessage();
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail("CI=true and the PostgreSQL tests cannot run. " + message);
      }
      Assumptions.abort("Skipping PostgreSQL test (set CI=true to make this a failure). " + message);
    }
    return SERVER_URL.substring(0, SERVER_URL.lastIndexOf('/') + 1) + name;
  }
}
