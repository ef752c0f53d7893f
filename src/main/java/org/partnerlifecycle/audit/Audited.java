package org.partnerlifecycle.audit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A state-changing call that leaves an audit record in its own transaction ({@link AuditAspect}): who (the
 * authenticated caller), what ({@link #action}), on which partner or deal ({@link #subjectId}, a SpEL expression
 * over the arguments {@code #p0}, {@code #p1}… and {@code #result}), with which arguments.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface Audited {

  String action();

  AuditLog.Subject subject();

  String subjectId() default "#p0";

  /** A SpEL condition over the same variables; when true the call changed nothing and leaves no record. */
  String unless() default "";

  /** Parameters not recorded (e.g. a request's raw body, recorded already as the parsed request). */
  String[] omit() default {};
}
