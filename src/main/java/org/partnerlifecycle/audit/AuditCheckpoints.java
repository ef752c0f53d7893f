package org.partnerlifecycle.audit;

import java.sql.PreparedStatement;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.partnerlifecycle.engine.EngineTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Signed checkpoints of the chain's head (SPEC §4): Ed25519 over the UTF-8 text {@code lastId:hash:signedAt}, made
 * hourly and on demand. A checkpoint anchors the chain outside the database: whoever rewrites records and hashes
 * consistently cannot sign the new head without the key, and a verification finds the record where the rewritten
 * chain leaves a signed one.
 * <p>
 * The hourly checkpoint is a Spring schedule on every node, guarded by the database: its row carries the hour
 * ({@code hour_slot}, unique), so when two nodes fire the same hour the second insert is refused and nothing else
 * happens. A BPMN timer would do the same through the engine's job lock, at the cost of a process instance per
 * hour in the history.
 */
@Component
public class AuditCheckpoints {

  public record Checkpoint(long id, long lastId, String hash, String signedAt, String algorithm, String signature,
      String publicKey, String madeBy, boolean hourly, boolean signatureValid) {

    /** The text the signature covers. */
    public String signedText() {
      return signedText(lastId, hash, signedAt);
    }

    static String signedText(long lastId, String hash, String signedAt) {
      return lastId + ":" + hash + ":" + signedAt;
    }
  }

  private static final Logger LOG = LoggerFactory.getLogger(AuditCheckpoints.class);

  private final JdbcTemplate jdbc;
  private final AuditLog audit;
  private final AuditSigningKey key;
  private final EngineTime time;
  private final TransactionTemplate transaction;
  private final AuditSealer sealer;

  AuditCheckpoints(JdbcTemplate jdbc, AuditLog audit, AuditSigningKey key, EngineTime time,
      PlatformTransactionManager transactions, AuditSealer sealer) {
    this.jdbc = jdbc;
    this.audit = audit;
    this.key = key;
    this.time = time;
    this.transaction = new TransactionTemplate(transactions);
    this.sealer = sealer;
  }

  /**
   * A checkpoint of the head as committed now, signed: everything committed before is sealed first, before the
   * checkpoint's transaction (the head's read would seal too, but nested, on a second connection).
   */
  public Checkpoint make(String madeBy) {
    sealer.sealPending();
    return transaction.execute(status -> insert(madeBy, null));
  }

  /** Every hour on every node; the first node to insert the hour's checkpoint makes it. */
  @Scheduled(cron = "${partner-lifecycle.audit.checkpoint-cron:0 0 * * * *}", zone = "UTC")
  public void hourly() {
    String slot = time.now().truncatedTo(ChronoUnit.HOURS).toString().substring(0, 13);
    sealer.sealPending();
    try {
      transaction.execute(status -> insert("system", slot));
    } catch (DuplicateKeyException e) {
      LOG.debug("The checkpoint of {} was made by another node", slot);
    }
  }

  public List<Checkpoint> list(int page, int size) {
    return jdbc.query("SELECT * FROM audit_checkpoint ORDER BY id DESC LIMIT ? OFFSET ?", this::map, size,
        (long) page * size);
  }

  public int count() {
    return jdbc.queryForObject("SELECT count(*) FROM audit_checkpoint", Integer.class);
  }

  public Optional<Checkpoint> latest() {
    return list(0, 1).stream().findFirst();
  }

  public Optional<Checkpoint> get(long id) {
    return jdbc.query("SELECT * FROM audit_checkpoint WHERE id = ?", this::map, id).stream().findFirst();
  }

  private Checkpoint insert(String madeBy, String slot) {
    AuditLog.Head head = audit.head();
    String signedAt = time.now().truncatedTo(ChronoUnit.SECONDS).toString();
    String signature = key.sign(Checkpoint.signedText(head.lastId(), head.hash(), signedAt));
    String publicKey = key.publicKey();
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.update(connection -> {
      PreparedStatement insert = connection.prepareStatement("INSERT INTO audit_checkpoint (last_id, hash, signed_at, "
          + "algorithm, signature, public_key, made_by, hour_slot) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", new String[] {"id"});
      insert.setLong(1, head.lastId());
      String[] texts = {head.hash(), signedAt, AuditSigningKey.ALGORITHM, signature, publicKey, madeBy, slot};
      for (int i = 0; i < texts.length; i++) {
        insert.setString(i + 2, texts[i]);
      }
      return insert;
    }, keys);
    long id = keys.getKey().longValue();
    return new Checkpoint(id, head.lastId(), head.hash(), signedAt, AuditSigningKey.ALGORITHM, signature, publicKey,
        madeBy, slot != null, true);
  }

  private Checkpoint map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    long lastId = rs.getLong("last_id");
    String hash = rs.getString("hash").trim();
    String signedAt = rs.getString("signed_at");
    String signature = rs.getString("signature");
    String publicKey = rs.getString("public_key");
    return new Checkpoint(rs.getLong("id"), lastId, hash, signedAt, rs.getString("algorithm"), signature, publicKey,
        rs.getString("made_by"), rs.getString("hour_slot") != null,
        AuditSigningKey.verifies(Checkpoint.signedText(lastId, hash, signedAt), signature, publicKey)
            && publicKey.equals(key.publicKey()));
  }
}
