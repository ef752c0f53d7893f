package org.partnerlifecycle.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The Ed25519 key that signs the chain's checkpoints (SPEC §4): read from {@code AUDIT_SIGNING_KEY_FILE} (PKCS#8
 * PEM, as {@code openssl genpkey -algorithm ed25519} writes it), required in profile postgres; in the default run
 * mode made on first use under ./data. The public key is derived from the private one, so the file is all there is.
 */
@Component
class AuditSigningKey {

  static final String ALGORITHM = "Ed25519";

  private final Path file;
  private final boolean generate;
  private volatile KeyPair keys;

  AuditSigningKey(@Value("${partner-lifecycle.audit.signing-key-file:./data/audit-signing-key.pem}") String file,
      @Value("${partner-lifecycle.audit.generate-signing-key:true}") boolean generate) {
    this.file = Path.of(file);
    this.generate = generate;
  }

  /** Base64 of the Ed25519 signature of the UTF-8 text. */
  String sign(String text) {
    try {
      Signature signature = Signature.getInstance(ALGORITHM);
      signature.initSign(keys().getPrivate());
      signature.update(text.getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(signature.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Could not sign with the audit key", e);
    }
  }

  /** Base64 DER (SubjectPublicKeyInfo) of the public key. */
  String publicKey() {
    return Base64.getEncoder().encodeToString(keys().getPublic().getEncoded());
  }

  /** Whether {@code signatureBase64} is a valid signature of {@code text} by {@code publicKeyBase64}. */
  static boolean verifies(String text, String signatureBase64, String publicKeyBase64) {
    try {
      PublicKey key = KeyFactory.getInstance(ALGORITHM)
          .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(publicKeyBase64)));
      Signature signature = Signature.getInstance(ALGORITHM);
      signature.initVerify(key);
      signature.update(text.getBytes(StandardCharsets.UTF_8));
      return signature.verify(Base64.getDecoder().decode(signatureBase64));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return false;
    }
  }

  private KeyPair keys() {
    KeyPair loaded = keys;
    if (loaded == null) {
      synchronized (this) {
        if (keys == null) {
          keys = load();
        }
        loaded = keys;
      }
    }
    return loaded;
  }

  private KeyPair load() {
    try {
      if (!Files.exists(file)) {
        if (!generate) {
          throw new IllegalStateException("No audit signing key at " + file + ": set AUDIT_SIGNING_KEY_FILE to a PKCS#8 "
              + "PEM Ed25519 key (openssl genpkey -algorithm ed25519 -out audit-signing-key.pem)");
        }
        write(KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair().getPrivate());
      }
      String pem = Files.readString(file, StandardCharsets.US_ASCII);
      String body = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
      PrivateKey key = KeyFactory.getInstance(ALGORITHM)
          .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
      return withPublicKey((EdECPrivateKey) key);
    } catch (IOException | GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
      throw new IllegalStateException("Could not read the audit signing key " + file
          + " (an Ed25519 private key, PKCS#8 PEM): " + e.getMessage(), e);
    }
  }

  /**
   * The JDK has no call that derives an Ed25519 public key from its private key, but its key pair generator takes the
   * private key's 32 bytes from the random source it is given: handed those bytes, it makes this key's pair.
   */
  private static KeyPair withPublicKey(EdECPrivateKey key) throws GeneralSecurityException {
    byte[] seed = key.getBytes().orElseThrow(() -> new GeneralSecurityException("The private key hides its bytes"));
    SecureRandom replay = new SecureRandom() {
      @Override
      public void nextBytes(byte[] bytes) {
        System.arraycopy(seed, 0, bytes, 0, Math.min(seed.length, bytes.length));
      }
    };
    KeyPairGenerator generator = KeyPairGenerator.getInstance(ALGORITHM);
    generator.initialize(NamedParameterSpec.ED25519, replay);
    return new KeyPair(generator.generateKeyPair().getPublic(), key);
  }

  private void write(PrivateKey key) throws IOException {
    if (file.getParent() != null) {
      Files.createDirectories(file.getParent());
    }
    String pem = "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
        .encodeToString(key.getEncoded()) + "\n-----END PRIVATE KEY-----\n";
    Files.writeString(file, pem, StandardCharsets.US_ASCII);
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: the directory's permissions apply
    }
  }
}
