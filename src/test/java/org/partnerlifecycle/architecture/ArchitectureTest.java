package org.partnerlifecycle.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.implement;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * The layout is the architecture (ENGINEERING.md, Layout we like): packages free of cycles; capabilities own their
 * delegates and listeners; the engine seam knows no capability; the rules know no framework.
 */
@AnalyzeClasses(packages = "org.partnerlifecycle", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  /** The capabilities, each with its delegates, listeners and process contract in {@code <capability>.process}. */
  static final List<String> CAPABILITIES = List.of("partner", "deal", "tier", "warning", "lead", "payout",
      "engagement", "health", "program", "mdf");

  static final DescribedPredicate<JavaClass> DELEGATES_AND_LISTENERS = implement(JavaDelegate.class)
      .or(implement(TaskListener.class)).or(implement(ExecutionListener.class))
      .as("delegates and listeners");

  @ArchTest
  static final ArchRule rulesKnowNoFramework = noClasses().that().resideInAPackage("..rules..")
      .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.camunda..", "jakarta..",
          "java.sql..", "javax.sql..")
      .as("the rules module is plain Java: no Spring, Camunda, servlet or JDBC");

  @ArchTest
  static final ArchRule rulesDependOnlyOnTheJdkAndJackson = noClasses().that().resideInAPackage("..rules..")
      .should().dependOnClassesThat()
      .resideOutsideOfPackages("org.partnerlifecycle.rules..", "java..", "com.fasterxml.jackson..")
      .as("the rules module depends on nothing but itself, the JDK and Jackson (to read the terms files)");

  @ArchTest
  static final ArchRule packagesAreFreeOfCycles = slices().matching("org.partnerlifecycle.(*)..")
      .should().beFreeOfCycles()
      .as("the top-level packages depend on each other without a cycle");

  @ArchTest
  static final ArchRule engineKnowsNoCapability = noClasses().that().resideInAPackage("org.partnerlifecycle.engine..")
      .should().dependOnClassesThat().resideInAnyPackage(packages(CAPABILITIES.toArray(String[]::new)))
      .orShould().dependOnClassesThat().resideInAnyPackage(packages("audit", "security", "platform", "timeline",
          "notification"))
      .as("engine/ is the generic seam to Camunda: it imports no capability");

  @ArchTest
  static final ArchRule delegatesLiveInTheirCapabilitysProcessPackage = classes().that(DELEGATES_AND_LISTENERS)
      .and().resideOutsideOfPackages("org.partnerlifecycle.engine..", "org.partnerlifecycle.audit..")
      .should().resideInAnyPackage(CAPABILITIES.stream().map(c -> "org.partnerlifecycle." + c + ".process..")
          .toArray(String[]::new))
      .as("delegates and listeners (but the engine-wide task plumbing of engine/ and audit/) live in "
          + "<capability>.process");

  @ArchTest
  static final ArchRule delegatesCallOnlyTheirCapability = CompositeArchRule.of(CAPABILITIES.stream()
      .map(ArchitectureTest::onlyOwnCapability).toList())
      .as("a capability's delegates and listeners call only their capability (and rules, engine, audit, web)");

  @ArchTest
  static final ArchRule delegatesAreThin = noClasses().that().resideInAPackage("..process..")
      .should().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc..", "java.sql..", "javax.sql..")
      .allowEmptyShould(true)
      .as("delegates call services; they do not touch the database themselves");

  private static ArchRule onlyOwnCapability(String capability) {
    String[] others = CAPABILITIES.stream().filter(c -> !c.equals(capability)).toArray(String[]::new);
    return noClasses().that(DELEGATES_AND_LISTENERS).and().resideInAPackage("org.partnerlifecycle." + capability
            + ".process..")
        .should().dependOnClassesThat(resideInAnyPackage(packages(others))
            .or(resideInAnyPackage(packages("platform", "security", "timeline", "notification"))))
        .allowEmptyShould(true);
  }

  private static String[] packages(String... names) {
    return Arrays.stream(names).map(n -> "org.partnerlifecycle." + n + "..").toArray(String[]::new);
  }
}
