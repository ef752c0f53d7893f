package org.partnerlifecycle.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * A token bucket per client address: {@code perMinute} requests in a burst, refilled evenly over a minute. At most
 * {@code maxAddresses} buckets are kept (least recently used ones are dropped), so a flood of addresses cannot grow
 * memory; a dropped address simply starts again with a full bucket.
 *
 * <p>Hand-written rather than Bucket4j: one bucket with one refill rule is twenty lines, and Bucket4j would still
 * need a bounded cache (Caffeine or JCache) around it for per-address buckets: two dependencies for this.
 */
public final class ClientRateLimiter {

  private static final long MINUTE_NANOS = 60_000_000_000L;

  private final int capacity;
  private final long nanosPerToken;
  private final LongSupplier nanoTime;
  private final Map<String, Bucket> buckets;

  private static final class Bucket {
    double tokens;
    long refilledAt;
  }

  public ClientRateLimiter(int perMinute, int maxAddresses) {
    this(perMinute, maxAddresses, System::nanoTime);
  }

  ClientRateLimiter(int perMinute, int maxAddresses, LongSupplier nanoTime) {
    if (perMinute < 1 || maxAddresses < 1) {
      throw new IllegalArgumentException("perMinute and maxAddresses must be at least 1");
    }
    this.capacity = perMinute;
    this.nanosPerToken = MINUTE_NANOS / perMinute;
    this.nanoTime = nanoTime;
    this.buckets = new LinkedHashMap<>(64, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
        return size() > maxAddresses;
      }
    };
  }

  /** Takes a token for this address: 0 when the request may go ahead, else the seconds until a token is back. */
  public synchronized long tryAcquire(String address) {
    long now = nanoTime.getAsLong();
    Bucket bucket = buckets.get(address);
    if (bucket == null) {
      bucket = new Bucket();
      bucket.tokens = capacity;
      bucket.refilledAt = now;
      buckets.put(address, bucket);
    } else {
      double refill = (double) (now - bucket.refilledAt) / nanosPerToken;
      bucket.tokens = Math.min(capacity, bucket.tokens + refill);
      bucket.refilledAt = now;
    }
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    long waitNanos = (long) Math.ceil((1 - bucket.tokens) * nanosPerToken);
    return Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
  }

  /**
   * The client an address stands for: an IPv4 address itself; an IPv6 address by its /64 network, since one
   * subscriber usually holds a whole /64 and could otherwise take a fresh address per request.
   */
  public static String clientOf(String remoteAddress) {
    if (remoteAddress == null || remoteAddress.indexOf(':') < 0) {
      return String.valueOf(remoteAddress);
    }
    try {
      // An IPv6 literal: parsed without any name lookup.
      byte[] bytes = InetAddress.getByName(remoteAddress).getAddress();
      if (bytes.length != 16) {
        return remoteAddress;
      }
      Arrays.fill(bytes, 8, 16, (byte) 0);
      return InetAddress.getByAddress(bytes).getHostAddress() + "/64";
    } catch (UnknownHostException e) {
      return remoteAddress;
    }
  }

  synchronized int trackedAddresses() {
    return buckets.size();
  }
}
