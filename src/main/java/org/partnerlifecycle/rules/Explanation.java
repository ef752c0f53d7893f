package org.partnerlifecycle.rules;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Why a rule gave its result: the rule, the inputs it read, the terms cell it used, the outcome, the terms version,
 * and one sentence a partner manager (or the partner) can read.
 */
public record Explanation(String rule, String termsVersion, Map<String, String> inputs, String cell, String outcome,
    String text) {

  public Explanation {
    inputs = Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
  }

  static Builder of(String rule, ProgramTerms terms) {
    return new Builder(rule, terms.version());
  }

  public Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("rule", rule);
    map.put("termsVersion", termsVersion);
    map.put("inputs", inputs);
    map.put("cell", cell);
    map.put("outcome", outcome);
    map.put("text", text);
    return map;
  }

  /** Collects inputs in the order the rule reads them. */
  static final class Builder {
    private final String rule;
    private final String termsVersion;
    private final Map<String, String> inputs = new LinkedHashMap<>();

    private Builder(String rule, String termsVersion) {
      this.rule = rule;
      this.termsVersion = termsVersion;
    }

    Builder input(String name, Object value) {
      inputs.put(name, value == null ? "null" : value instanceof java.math.BigDecimal d ? d.toPlainString()
          : value.toString());
      return this;
    }

    <T> RuleResult<T> result(T value, String cell, String outcome, String text) {
      return new RuleResult<>(value, new Explanation(rule, termsVersion, inputs, cell, outcome,
          text + " (terms " + termsVersion + ")"));
    }
  }
}
