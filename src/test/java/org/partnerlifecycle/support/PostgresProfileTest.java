package org.partnerlifecycle.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestExecutionListeners;
import org.springframework.test.context.TestExecutionListeners.MergeMode;
import org.springframework.test.context.ContextConfiguration;

/**
 * The application in profile {@code postgres} on a fresh PostgreSQL database (made by
 * {@link PostgresTestDatabase.Initializer}). The admin is {@code pgadmin};
 * demo users are created only because the test asks for them, so role tests can reuse mary, lena and ada.
 * Classes with the same configuration share the application, one application at a time ({@link OneContextAtATime}):
 * engine-rest and the webapps serve the engine named "default".
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
    "DB_URL=set-by-dynamic-property-source", "DB_USER=" + "postgres", "ADMIN_USER=pgadmin",
    "ADMIN_PASSWORD=pgadmin", "partner-lifecycle.demo-data=true",
    "AUDIT_SIGNING_KEY_FILE=" + PostgresTestDatabase.SIGNING_KEY_FILE, "partner-lifecycle.audit.checkpoint-cron=-",
    // Tests seal through the read paths or AuditSealer.sealPending, not behind their back (application-test.yml).
    "partner-lifecycle.audit.sealer.background=false",
    "partner-lifecycle.demo-partners=false", "partner-lifecycle.notifications.sender=none", "camunda.bpm.job-execution.enabled=false",
    "partner-lifecycle.rate-limit.applications.per-minute=100000",
    "partner-lifecycle.login-throttle.free-failures=1000000",
    // No per-account login delay: classes share the application and try wrong passwords for the users they use.
    "camunda.bpm.generic-properties.properties.loginDelayBase=0"})
@ActiveProfiles("postgres")
@ContextConfiguration(initializers = PostgresTestDatabase.Initializer.class)
@TestExecutionListeners(listeners = OneContextAtATime.class, mergeMode = MergeMode.MERGE_WITH_DEFAULTS)
public @interface PostgresProfileTest {
}
