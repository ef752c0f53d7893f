package org.partnerlifecycle.support;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;
import org.springframework.test.annotation.DirtiesContext.HierarchyMode;
import org.springframework.test.context.BootstrapUtils;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Test classes that boot the same application share one Spring context, and only one runs at a time.
 *
 * <p>Engine-rest and the webapps serve the process engine named "default" from a static registry, so two live
 * applications in one JVM would answer each other's requests. Spring keeps a context for reuse after its class; this
 * orders the classes so that those with the same context configuration run one after the other ({@link ClassOrderer},
 * set in {@code junit-platform.properties}), and closes a context after the last class that uses it
 * ({@link TestExecutionListener}, on {@link ApplicationTest} and {@link PostgresProfileTest}). Run alone (an IDE,
 * {@code -Dtest=…}), each class closes its context as before.
 *
 * <p>After each test it also ends the engine's login delays: a wrong password delays the user's next login (on the
 * engine's clock, which tests move hours ahead), and the next class of the same application logs in as the same
 * demo users at once.
 */
public final class OneContextAtATime implements ClassOrderer, TestExecutionListener {

  /** The classes in the order this run executes them; empty when no orderer ran. */
  private static final List<Class<?>> ORDER = new ArrayList<>();

  @Override
  public void orderClasses(ClassOrdererContext context) {
    Map<Object, List<ClassDescriptor>> byContext = new LinkedHashMap<>();
    context.getClassDescriptors().stream().sorted(Comparator.comparing(d -> d.getTestClass().getName()))
        .forEach(d -> byContext.computeIfAbsent(contextOf(d.getTestClass()), key -> new ArrayList<>()).add(d));
    List<ClassDescriptor> ordered = byContext.values().stream().flatMap(List::stream).toList();
    synchronized (ORDER) {
      ORDER.clear();
      ordered.forEach(d -> ORDER.add(d.getTestClass()));
    }
    context.getClassDescriptors().sort(Comparator.comparingInt(ordered::indexOf));
  }

  @Override
  public void afterTestMethod(TestContext testContext) {
    if (!testContext.hasApplicationContext()) {
      return;
    }
    testContext.getApplicationContext().getBeanProvider(ProcessEngine.class).ifAvailable(engine -> {
      IdentityService identity = engine.getIdentityService();
      identity.createUserQuery().list().forEach(user -> identity.unlockUser(user.getId()));
    });
  }

  @Override
  public void afterTestClass(TestContext testContext) {
    Class<?> next = next(testContext.getTestClass());
    if (next == null || !Objects.equals(contextOf(next), contextOf(testContext.getTestClass()))) {
      testContext.markApplicationContextDirty(HierarchyMode.EXHAUSTIVE);
    }
  }

  private static Class<?> next(Class<?> current) {
    synchronized (ORDER) {
      int index = ORDER.indexOf(current);
      return index < 0 || index + 1 >= ORDER.size() ? null : ORDER.get(index + 1);
    }
  }

  /** What Spring's context cache compares (equal configurations share a context). */
  private static MergedContextConfiguration contextOf(Class<?> testClass) {
    return BootstrapUtils.resolveTestContextBootstrapper(testClass).buildMergedContextConfiguration();
  }
}
