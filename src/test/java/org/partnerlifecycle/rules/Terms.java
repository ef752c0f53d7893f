package org.partnerlifecycle.rules;

/** The shipped terms, loaded once for the rules tests. */
final class Terms {

  static final TermsCatalog CATALOG = TermsCatalog.loadFromClasspath();
  static final ProgramTerms V2026 = CATALOG.version("2026-01-01");
  /** The second release's terms (issue 22): annual revenue credit, grace in quarters, the guide's full standards. */
  static final ProgramTerms V2026_12 = CATALOG.version("2026-12-01");

  private Terms() {
  }
}
