package org.partnerlifecycle.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.partnerlifecycle.audit.AuditLog;
import org.partnerlifecycle.audit.Audited;
import org.partnerlifecycle.engine.EngineTime;
import org.partnerlifecycle.web.NotFoundException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Partner API keys: 32 random bytes, shown once at issue, stored as SHA-256 (a key has full entropy, so a fast
 * hash is enough and keeps per-request lookup cheap), revocable.
 */
@Component
public class ApiKeys {

  public static final String PREFIX = "plk_";

  public record IssuedKey(String keyId, String apiKey) {
  }

  public record KeyInfo(String keyId, String createdBy, java.time.Instant createdAt, java.time.Instant revokedAt) {
  }

  private final SecureRandom random = new SecureRandom();
  private final JdbcTemplate jdbc;
  private final EngineTime time;

  public ApiKeys(JdbcTemplate jdbc, EngineTime time) {
    this.jdbc = jdbc;
    this.time = time;
  }

  @Transactional
  @Audited(action = "partner.apiKeyIssued", subject = AuditLog.Subject.PARTNER)
  public IssuedKey issue(String partnerId, String issuedBy) {
    byte[] secret = new byte[32];
    random.nextBytes(secret);
    String apiKey = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    String keyId = "key-" + UUID.randomUUID();
    jdbc.update("INSERT INTO partner_api_key (id, partner_id, key_hash, created_by, created_at) VALUES (?, ?, ?, ?, ?)",
        keyId, partnerId, hash(apiKey), issuedBy, Timestamp.from(time.now()));
    return new IssuedKey(keyId, apiKey);
  }

  /** Revokes a live key of this partner; an unknown or already revoked key is not found (and nothing is audited). */
  @Transactional
  @Audited(action = "partner.apiKeyRevoked", subject = AuditLog.Subject.PARTNER)
  public void revoke(String partnerId, String keyId, String revokedBy) {
    int revoked = jdbc.update("UPDATE partner_api_key SET revoked_at = ?, revoked_by = ? "
            + "WHERE id = ? AND partner_id = ? AND revoked_at IS NULL",
        Timestamp.from(time.now()), revokedBy, keyId, partnerId);
    if (revoked != 1) {
      throw new NotFoundException("No live API key " + keyId + " of partner " + partnerId);
    }
  }

  public List<KeyInfo> list(String partnerId) {
    return jdbc.query("SELECT id, created_by, created_at, revoked_at FROM partner_api_key WHERE partner_id = ? "
        + "ORDER BY created_at", (rs, i) -> new KeyInfo(rs.getString("id"), rs.getString("created_by"),
            rs.getTimestamp("created_at").toInstant(),
            rs.getTimestamp("revoked_at") == null ? null : rs.getTimestamp("revoked_at").toInstant()), partnerId);
  }

  /** The partner a live key belongs to. */
  public Optional<PartnerPrincipal> authenticate(String apiKey) {
    if (apiKey == null || !apiKey.startsWith(PREFIX) || apiKey.length() > 100) {
      return Optional.empty();
    }
    return jdbc.query("SELECT id, partner_id FROM partner_api_key WHERE key_hash = ? AND revoked_at IS NULL",
        (rs, i) -> new PartnerPrincipal(rs.getString("partner_id"), rs.getString("id")), hash(apiKey))
        .stream().findFirst();
  }

  static String hash(String apiKey) {
    try {
      return HexFormat.of().formatHex(
          MessageDigest.getInstance("SHA-256").digest(apiKey.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
