package org.partnerlifecycle.partner;

import java.util.Locale;

/** Company web domains as the duplicate and conflict checks compare them. */
public final class DomainNames {

  private DomainNames() {
  }

  /** Lower case, no scheme, path, port or trailing dot, and no leading {@code www.}. */
  public static String normalize(String domain) {
    String d = domain.trim().toLowerCase(Locale.ROOT);
    d = d.replaceFirst("^[a-z][a-z0-9+.-]*://", "");
    int cut = indexOfAny(d, "/?#:");
    if (cut >= 0) {
      d = d.substring(0, cut);
    }
    if (d.endsWith(".")) {
      d = d.substring(0, d.length() - 1);
    }
    if (d.startsWith("www.")) {
      d = d.substring(4);
    }
    return d;
  }

  private static int indexOfAny(String s, String chars) {
    for (int i = 0; i < s.length(); i++) {
      if (chars.indexOf(s.charAt(i)) >= 0) {
        return i;
      }
    }
    return -1;
  }
}
