package org.partnerlifecycle.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** The layout is the architecture: the rules know no framework; delegates are thin adapters. */
@AnalyzeClasses(packages = "org.partnerlifecycle", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

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
  static final ArchRule delegatesLiveInProcess = classes().that().implement(JavaDelegate.class)
      .should().resideInAPackage("..process..").allowEmptyShould(true);

  @ArchTest
  static final ArchRule delegatesAreThin = noClasses().that().resideInAPackage("..process..")
      .should().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc..", "java.sql..", "javax.sql..")
      .allowEmptyShould(true)
      .as("delegates call services; they do not touch the database themselves");
}
