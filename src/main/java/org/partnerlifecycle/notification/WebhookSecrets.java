package org.partnerlifecycle.notification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Webhook secrets: the engine must sign with them, so they cannot be stored as hashes. Each is stored encrypted with
 * AES-256-GCM (a fresh 12-byte nonce per secret, the webhook id as associated data, so a ciphertext copied onto another
 * webhook does not decrypt) under a key kept outside the database: {@code WEBHOOK_SECRETS_KEY} (base64 of 32 bytes),
 * or else a key file made on first use with owner-only permissions ({@code WEBHOOK_SECRETS_KEY_FILE}, default
 * {@code ./data/webhook-secrets.key}). A database dump alone reveals no secret.
 */
@Component
class WebhookSecrets {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final String configuredKey;
  private final Path keyFile;
  private volatile SecretKeySpec key;

  WebhookSecrets(@Value("${partner-lifecycle.webhooks.secrets-key:}") String configuredKey,
      @Value("${partner-lifecycle.webhooks.secrets-key-file:./data/webhook-secrets.key}") String keyFile) {
    this.configuredKey = configuredKey;
    this.keyFile = Path.of(keyFile);
  }

  /** A new secret to show once: {@code whsec_} and 32 random bytes, base64url. */
  String newSecret() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  String encrypt(String webhookId, String secret) {
    try {
      byte[] nonce = new byte[12];
      RANDOM.nextBytes(nonce);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key(), new GCMParameterSpec(128, nonce));
      cipher.updateAAD(webhookId.getBytes(StandardCharsets.UTF_8));
      byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
      byte[] all = new byte[nonce.length + sealed.length];
      System.arraycopy(nonce, 0, all, 0, nonce.length);
      System.arraycopy(sealed, 0, all, nonce.length, sealed.length);
      return "v1:" + Base64.getEncoder().encodeToString(all);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot encrypt a webhook secret", e);
    }
  }

  String decrypt(String webhookId, String stored) {
    try {
      byte[] all = Base64.getDecoder().decode(stored.substring("v1:".length()));
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key(), new GCMParameterSpec(128, all, 0, 12));
      cipher.updateAAD(webhookId.getBytes(StandardCharsets.UTF_8));
      return new String(cipher.doFinal(all, 12, all.length - 12), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot decrypt the secret of webhook " + webhookId
          + " (was the secrets key changed?)", e);
    }
  }

  private SecretKeySpec key() {
    if (key == null) {
      synchronized (this) {
        if (key == null) {
          key = new SecretKeySpec(keyBytes(), "AES");
        }
      }
    }
    return key;
  }

  private byte[] keyBytes() {
    if (!configuredKey.isBlank()) {
      return checked(Base64.getDecoder().decode(configuredKey.trim()), "WEBHOOK_SECRETS_KEY");
    }
    try {
      if (Files.exists(keyFile)) {
        return checked(Base64.getDecoder().decode(Files.readString(keyFile).trim()), keyFile.toString());
      }
      byte[] bytes = new byte[32];
      RANDOM.nextBytes(bytes);
      if (keyFile.getParent() != null) {
        Files.createDirectories(keyFile.getParent());
      }
      Files.writeString(keyFile, Base64.getEncoder().encodeToString(bytes));
      try {
        Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException notPosix) {
        // Windows: the folder's permissions apply.
      }
      return bytes;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read or create the webhook secrets key file " + keyFile, e);
    }
  }

  private static byte[] checked(byte[] bytes, String source) {
    if (bytes.length != 32) {
      throw new IllegalStateException(source + " must be the base64 of 32 bytes (AES-256)");
    }
    return bytes;
  }
}
