package org.partnerlifecycle.support;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Assumptions;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A fresh PostgreSQL database per test context, on the server of {@code PG_TEST_URL}
 * (default {@code jdbc:postgresql://127.0.0.1:5432/test}, user {@code postgres}).
 * In CI ({@code CI=true}) a missing server fails the test loudly; elsewhere the test is skipped with a message.
 * The databases made by a test run are dropped when its JVM ends.
 */
public final class PostgresTestDatabase {

  public static final String SERVER_URL =
      System.getenv().getOrDefault("PG_TEST_URL", "jdbc:postgresql://127.0.0.1:5432/test");
  public static final String USER = System.getenv().getOrDefault("PG_TEST_USER", "postgres");
  public static final String PASSWORD = System.getenv().getOrDefault("PG_TEST_PASSWORD", "");

  /** The audit signing key of profile postgres in tests (made by {@link Initializer}, as an operator would). */
  public static final String SIGNING_KEY_FILE = "target/test-audit-signing-key-postgres.pem";

  private static final List<String> CREATED = new CopyOnWriteArrayList<>();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(PostgresTestDatabase::dropCreated, "drop-test-databases"));
  }

  private PostgresTestDatabase() {
  }

  /** FORCE (PostgreSQL 13+): the application contexts may still hold connections while the JVM ends. */
  private static void dropCreated() {
    try (Connection connection = DriverManager.getConnection(SERVER_URL, USER, PASSWORD);
         Statement statement = connection.createStatement()) {
      for (String name : CREATED) {
        statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      }
    } catch (SQLException e) {
      System.err.println("Could not drop the test databases " + CREATED + ": " + e.getMessage());
    }
  }

  /** Creates an empty database and returns its JDBC URL. */
  public static String create() {
    String name = "ple_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    try (Connection connection = DriverManager.getConnection(SERVER_URL, USER, PASSWORD);
         Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
      CREATED.add(name);
    } catch (SQLException e) {
      String message = "PostgreSQL is not reachable at " + SERVER_URL + " as " + USER + ": " + e.getMessage();
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail("CI=true and the PostgreSQL tests cannot run. " + message);
      }
      Assumptions.abort("Skipping PostgreSQL test (set CI=true to make this a failure). " + message);
    }
    return SERVER_URL.substring(0, SERVER_URL.lastIndexOf('/') + 1) + name;
  }

  /**
   * Points the test context's datasource at a database of its own: registered by {@link PostgresProfileTest}, so a
   * test class needs no {@code @DynamicPropertySource} of its own for it.
   */
  public static final class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
      TestPropertyValues.of("spring.datasource.url=" + create()).applyTo(context);
      signingKey();
    }

    private static synchronized void signingKey() {
      java.nio.file.Path file = java.nio.file.Path.of(SIGNING_KEY_FILE);
      if (java.nio.file.Files.exists(file)) {
        return;
      }
      try {
        byte[] key = java.security.KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPrivate().getEncoded();
        java.nio.file.Files.createDirectories(file.getParent());
        java.nio.file.Files.writeString(file, "-----BEGIN PRIVATE KEY-----\n"
            + java.util.Base64.getMimeEncoder().encodeToString(key) + "\n-----END PRIVATE KEY-----\n");
      } catch (java.io.IOException | java.security.GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
