package org.partnerlifecycle.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.partnerlifecycle.web.ApiProblems.FieldProblem;

/**
 * The query parameters of a list endpoint, read as text so that every wrong one is named at once (400 with
 * {@code errors}): {@code page} (from 0) and {@code size} (1–{@value #MAX_SIZE}, default {@value #DEFAULT_SIZE}),
 * plus the endpoint's enum filters.
 */
public final class ListQuery {

  public static final int DEFAULT_SIZE = 50;
  public static final int MAX_SIZE = 200;

  private final List<FieldProblem> errors = new ArrayList<>();
  private final int page;
  private final int size;

  private ListQuery(String page, String size) {
    this.page = integer("page", page, 0, 0, 1_000_000);
    this.size = integer("size", size, DEFAULT_SIZE, 1, MAX_SIZE);
  }

  public static ListQuery of(String page, String size) {
    return new ListQuery(page, size);
  }

  public int page() {
    return page;
  }

  public int size() {
    return size;
  }

  public int offset() {
    return page * size;
  }

  /** An optional enum filter: null when absent, else one of the constants (or an error naming the parameter). */
  public <E extends Enum<E>> E filter(String parameter, String value, Class<E> type) {
    if (value == null) {
      return null;
    }
    try {
      return Enum.valueOf(type, value);
    } catch (IllegalArgumentException e) {
      errors.add(new FieldProblem(parameter, "must be one of " + Arrays.toString(type.getEnumConstants())));
      return null;
    }
  }

  /** An optional text filter matching a pattern (ids, region codes). */
  public String filter(String parameter, String value, String pattern, String message) {
    if (value != null && !value.matches(pattern)) {
      errors.add(new FieldProblem(parameter, message));
      return null;
    }
    return value;
  }

  /** Throws the 400 naming every wrong parameter, if any. */
  public ListQuery check() {
    if (!errors.isEmpty()) {
      throw new InvalidRequestException("Invalid query parameters", errors);
    }
    return this;
  }

  public <T> Page<T> page(long total, List<T> items) {
    return new Page<>(page, size, total, items);
  }

  private int integer(String parameter, String value, int fallback, int min, int max) {
    if (value == null) {
      return fallback;
    }
    try {
      int number = Integer.parseInt(value);
      if (number >= min && number <= max) {
        return number;
      }
    } catch (NumberFormatException e) {
      // named below
    }
    errors.add(new FieldProblem(parameter, "must be an integer from " + min + " to " + max));
    return fallback;
  }
}
