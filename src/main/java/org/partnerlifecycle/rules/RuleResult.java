package org.partnerlifecycle.rules;

/** A rule's answer together with its explanation. */
public record RuleResult<T>(T value, Explanation explanation) {
}
