package org.partnerlifecycle.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestExecutionListeners;
import org.springframework.test.context.TestExecutionListeners.MergeMode;

/**
 * The whole application on a random port, default run mode on a private in-memory H2 (profile {@code test}).
 * Classes with the same configuration share the application, one application at a time ({@link OneContextAtATime}):
 * engine-rest and the webapps serve the engine named "default".
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestExecutionListeners(listeners = OneContextAtATime.class, mergeMode = MergeMode.MERGE_WITH_DEFAULTS)
public @interface ApplicationTest {
}
