package org.partnerlifecycle.notification;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Which webhook URLs the engine will call (SSRF rules, SPEC §4). Always: an absolute http(s) URL with a host, no user
 * info, no fragment. Unless private addresses are allowed ({@code WEBHOOKS_ALLOW_PRIVATE=true}; the default run mode
 * allows them, profile {@code postgres} does not): https only, and every address the host resolves to must be public
 * (not loopback, private, link-local, carrier-grade NAT, unique-local, multicast or unspecified). Checked when a
 * webhook is registered and again before each delivery (an address that changed to a private one is refused).
 */
@Component
class WebhookUrlPolicy {

  private final boolean allowPrivate;

  WebhookUrlPolicy(@Value("${partner-lifecycle.webhooks.allow-private:true}") boolean allowPrivate) {
    this.allowPrivate = allowPrivate;
  }

  /** Why the URL is refused, or empty when it may be called. */
  Optional<String> refusal(String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      return Optional.of("must be an absolute http or https URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
    if (!uri.isAbsolute() || uri.getHost() == null || !(scheme.equals("http") || scheme.equals("https"))) {
      return Optional.of("must be an absolute http or https URL");
    }
    if (uri.getUserInfo() != null || uri.getFragment() != null) {
      return Optional.of("must not carry user info or a fragment");
    }
    if (allowPrivate) {
      return Optional.empty();
    }
    if (!scheme.equals("https")) {
      return Optional.of("must be https (WEBHOOKS_ALLOW_PRIVATE=true allows http)");
    }
    try {
      for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
        if (!isPublic(address)) {
          return Optional.of("must reach a public address (WEBHOOKS_ALLOW_PRIVATE=true allows private ones)");
        }
      }
    } catch (UnknownHostException e) {
      return Optional.of("has a host that does not resolve");
    }
    return Optional.empty();
  }

  static boolean isPublic(InetAddress address) {
    if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
        || address.isSiteLocalAddress() || address.isMulticastAddress()) {
      return false;
    }
    byte[] b = address.getAddress();
    if (address instanceof Inet4Address) {
      int first = b[0] & 0xff;
      int second = b[1] & 0xff;
      return !(first == 0 || first >= 240 || (first == 100 && second >= 64 && second < 128)
          || (first == 192 && second == 0 && (b[2] & 0xff) == 0) || (first == 198 && (second == 18 || second == 19)));
    }
    if (address instanceof Inet6Address) {
      int first = b[0] & 0xff;
      // fc00::/7 unique local; IPv4-mapped addresses are judged as the IPv4 address.
      if ((first & 0xfe) == 0xfc) {
        return false;
      }
      boolean mapped = true;
      for (int i = 0; i < 10; i++) {
        mapped &= b[i] == 0;
      }
      if (mapped && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
        try {
          return isPublic(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
        } catch (UnknownHostException e) {
          return false;
        }
      }
    }
    return true;
  }
}
