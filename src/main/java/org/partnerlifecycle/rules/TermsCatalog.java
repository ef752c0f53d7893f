package org.partnerlifecycle.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * All versions of the program terms, each validated when loaded. A decision uses the version in effect on its date
 * and records it, so a deal closed under older terms keeps them.
 */
public final class TermsCatalog {

  /** Lists the terms files (one name a line): a classpath folder cannot be listed inside a packaged jar. */
  public static final String INDEX = "terms/index.txt";

  private final TreeMap<LocalDate, ProgramTerms> byEffectiveDate = new TreeMap<>();
  private final Map<String, ProgramTerms> byVersion = new TreeMap<>();

  public TermsCatalog(List<ProgramTerms> versions) {
    if (versions.isEmpty()) {
      throw new TermsValidationException(INDEX, "(index)", "names no terms file");
    }
    for (ProgramTerms terms : versions) {
      if (byVersion.put(terms.version(), terms) != null) {
        throw new TermsValidationException(terms.version(), "version", "two files declare this version");
      }
      if (byEffectiveDate.put(terms.effectiveFrom(), terms) != null) {
        throw new TermsValidationException(terms.version(), "effectiveFrom",
            "another version takes effect on the same day " + terms.effectiveFrom());
      }
    }
  }

  /** Loads every file named in {@code terms/index.txt} from the class path. */
  public static TermsCatalog loadFromClasspath() {
    ClassLoader loader = TermsCatalog.class.getClassLoader();
    List<ProgramTerms> versions = new ArrayList<>();
    for (String name : read(loader, INDEX).lines().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#"))
        .toList()) {
      versions.add(fromJson(name, read(loader, "terms/" + name)));
    }
    return new TermsCatalog(versions);
  }

  /** Parses and validates one terms file. */
  public static ProgramTerms fromJson(String fileName, String json) {
    return TermsLoader.parse(fileName, json);
  }

  public ProgramTerms version(String version) {
    Args.required("version", version);
    return Optional.ofNullable(byVersion.get(version))
        .orElseThrow(() -> new IllegalArgumentException("No program terms version " + version));
  }

  /** The latest version whose effective date is on or before {@code date}. */
  public ProgramTerms effectiveOn(LocalDate date) {
    Args.required("date", date);
    Map.Entry<LocalDate, ProgramTerms> entry = byEffectiveDate.floorEntry(date);
    if (entry == null) {
      throw new IllegalArgumentException("No program terms in effect on " + date + "; the first take effect on "
          + byEffectiveDate.firstKey());
    }
    return entry.getValue();
  }

  /** The terms in effect today on {@code clock} (new deals use these and store their version). */
  public ProgramTerms current(Clock clock) {
    return effectiveOn(LocalDate.now(Args.required("clock", clock)));
  }

  public List<ProgramTerms> all() {
    return byEffectiveDate.values().stream().sorted(Comparator.comparing(ProgramTerms::effectiveFrom)).toList();
  }

  private static String read(ClassLoader loader, String resource) {
    try (InputStream in = loader.getResourceAsStream(resource)) {
      if (in == null) {
        throw new TermsValidationException(resource, "(file)", "not found on the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
