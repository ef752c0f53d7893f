package org.partnerlifecycle.rules;

/** The shipped terms, loaded once for the rules tests. */
final class Terms {

  static final TermsCatalog CATALOG = TermsCatalog.loadFromClasspath();
  static final ProgramTerms V2026 = CATALOG.version("2026-01-01");

  private Terms() {
  }
}
