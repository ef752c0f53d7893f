package org.partnerlifecycle.web;

import java.util.List;

/**
 * One page of a list answer (SPEC §4 second release): {@code items} newest first, {@code total} the number of
 * records matching the filters on all pages.
 */
public record Page<T>(int page, int size, long total, List<T> items) {
}
