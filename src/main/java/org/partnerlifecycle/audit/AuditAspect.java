package org.partnerlifecycle.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.aspectj.lang.ProceedingJoinPoint;
import org.aspectj.lang.annotation.Around;
import org.aspectj.lang.annotation.Aspect;
import org.aspectj.lang.reflect.MethodSignature;
import org.camunda.bpm.engine.IdentityService;
import org.partnerlifecycle.engine.EngineTime;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.expression.Expression;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.expression.spel.support.StandardEvaluationContext;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Writes the audit record of every {@link Audited} call after it succeeded and before its transaction commits
 * (the aspect runs inside the transaction: see {@code TransactionOrderConfiguration}).
 */
@Aspect
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class AuditAspect {

  private final AuditLog audit;
  private final ObjectMapper json;
  private final IdentityService identityService;
  private final EngineTime time;
  private final SpelExpressionParser parser = new SpelExpressionParser();
  private final DefaultParameterNameDiscoverer names = new DefaultParameterNameDiscoverer();
  /** Parsed once per annotation text: audited calls are on the request path. */
  private final Map<String, Expression> expressions = new ConcurrentHashMap<>();

  AuditAspect(AuditLog audit, IdentityService identityService, EngineTime time, ObjectMapper json) {
    this.audit = audit;
    this.json = json;
    this.identityService = identityService;
    this.time = time;
  }

  @Around("@annotation(audited)")
  public Object record(ProceedingJoinPoint call, Audited audited) throws Throwable {
    // The record is dated when the call began, so it precedes what the call caused in the timeline.
    Instant began = time.now();
    Object result = call.proceed();
    MethodSignature signature = (MethodSignature) call.getSignature();
    Object[] args = call.getArgs();
    StandardEvaluationContext context = new StandardEvaluationContext();
    String[] parameterNames = names.getParameterNames(signature.getMethod());
    Map<String, Object> details = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      context.setVariable("p" + i, args[i]);
      String name = parameterNames != null ? parameterNames[i] : "p" + i;
      if (!Arrays.asList(audited.omit()).contains(name)) {
        details.put(name, structured(args[i]));
      }
    }
    context.setVariable("result", result);
    if (!audited.unless().isEmpty()
        && Boolean.TRUE.equals(expression(audited.unless()).getValue(context, Boolean.class))) {
      return result;
    }
    Object subjectId = expression(audited.subjectId()).getValue(context);
    audit.append(began, principal(), audited.action(), audited.subject(), String.valueOf(subjectId), null, details);
    return result;
  }

  /** Records are structured JSON: a text argument that is JSON is recorded as that JSON, not as a string of it. */
  private Object structured(Object arg) {
    if (arg instanceof String text && (text.startsWith("{") || text.startsWith("["))) {
      try {
        return json.readTree(text);
      } catch (JsonProcessingException notJson) {
        return text;
      }
    }
    return arg;
  }

  private Expression expression(String text) {
    return expressions.computeIfAbsent(text, parser::parseExpression);
  }

  /**
   * Our API's caller; else the engine's (a task completed through /engine-rest or Tasklist); else an anonymous API
   * caller; else the engine's own jobs ("system").
   */
  private String principal() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication != null && !(authentication instanceof AnonymousAuthenticationToken)) {
      return authentication.getName();
    }
    var engineUser = identityService.getCurrentAuthentication();
    if (engineUser != null && engineUser.getUserId() != null) {
      return engineUser.getUserId();
    }
    return authentication != null ? "anonymous" : "system";
  }
}
