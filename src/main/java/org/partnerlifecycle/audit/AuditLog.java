package org.partnerlifecycle.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.partnerlifecycle.engine.EngineTime;
import org.springframework.jdbc.core.ArgumentPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Appends audit records, always inside the caller's transaction (MANDATORY): a record exists exactly when the change
 * it describes committed. The records of a transaction are written to {@code audit_pending} just before it commits,
 * without their link in the chain and without any lock, so that audited writers on every node never wait for each
 * other; after the commit, {@link AuditSealer} links them into the chain ({@code audit_record}) in sealing order.
 * Before, every writer took the chain head's row lock until its commit, and nearly all lock waits of the intake were
 * there (issue 30). Every read of the chain here seals what is pending first, so a reader sees what was written before
 * it asked.
 */
@Component
public class AuditLog {

  public enum Subject { PARTNER, DEAL, OPPORTUNITY, LEAD, PAYOUT_RUN }

  public record AuditRecord(long id, Instant at, String principal, String action, String subjectType,
      String subjectId, String processInstanceId, String details, String prevHash, String hash) {
  }

  /**
   * {@code fromCheckpoint}: the checkpoint whose signed hash was the first link (null: from the chain's start);
   * {@code checkpointsMatched}: how many signed checkpoints on the way matched the recomputed chain.
   */
  public record Verification(boolean intact, long recordsChecked, Long firstBrokenId, String problem,
      Long fromCheckpoint, int checkpointsMatched) {

    Verification(boolean intact, long recordsChecked, Long firstBrokenId, String problem) {
      this(intact, recordsChecked, firstBrokenId, problem, null, 0);
    }
  }

  /** The chain's head: the last record's id and hash (0 and 64 zeros for an empty chain). */
  public record Head(long lastId, String hash) {
  }

  /** The hash the first record links to (as the chain head's row starts). */
  private static final String CHAIN_START = "0".repeat(64);

  private static final String INSERT_PENDING = "INSERT INTO audit_pending (first_id, at, principal, action, "
      + "subject_type, subject_id, process_instance_id, details) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

  private final JdbcTemplate jdbc;
  private final ObjectMapper json;
  private final EngineTime time;
  private final AuditSealer sealer;

  public AuditLog(JdbcTemplate jdbc, ObjectMapper json, EngineTime time, AuditSealer sealer) {
    this.jdbc = jdbc;
    this.json = json;
    this.time = time;
    this.sealer = sealer;
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public void append(String principal, String action, Subject subject, String subjectId, String processInstanceId,
      Map<String, ?> details) {
    append(time.now(), principal, action, subject, subjectId, processInstanceId, details);
  }

  /** {@code when}: the moment the recorded action happened (an API call's start). */
  @Transactional(propagation = Propagation.MANDATORY)
  public void append(Instant when, String principal, String action, Subject subject, String subjectId,
      String processInstanceId, Map<String, ?> details) {
    // Stored values are what the hash covers, so a verifier can recompute it from the row. The details are
    // serialized now: the objects they describe may change before the commit.
    Entry entry = new Entry(when.truncatedTo(ChronoUnit.MICROS), truncate(principal, 80), truncate(action, 120),
        subject.name(), truncate(subjectId, 64), processInstanceId, truncate(toJson(details), 8000));
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      pendingInThisTransaction().entries.add(entry);
    } else {
      writePending(List.of(entry)); // sealed by the sealer's next round
    }
  }

  /** An audit record before the chain gives it its id and hashes. */
  private record Entry(Instant at, String principal, String action, String subjectType, String subjectId,
      String processInstanceId, String details) {
  }

  /** This transaction's records, written by the last step before its commit; the sealer is told after it. */
  private final class PendingEntries implements TransactionSynchronization {
    final List<Entry> entries = new ArrayList<>();

    @Override
    public void beforeCommit(boolean readOnly) {
      writePending(entries);
    }

    @Override
    public void afterCommit() {
      if (!entries.isEmpty()) {
        sealer.nudge();
      }
    }
  }

  /**
   * Found among the transaction's synchronizations, not bound as a resource: a REQUIRES_NEW transaction suspends
   * the outer one's synchronizations (a bound resource would stay visible), so each sees only its own entries.
   */
  private PendingEntries pendingInThisTransaction() {
    for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
      if (synchronization instanceof PendingEntries pending) {
        return pending;
      }
    }
    PendingEntries pending = new PendingEntries();
    TransactionSynchronizationManager.registerSynchronization(pending);
    return pending;
  }

  /**
   * Inserts the entries into {@code audit_pending}, without lock. A transaction's later records carry its first
   * record's id ({@code first_id}), so that the sealer keeps them together and in order.
   */
  private void writePending(List<Entry> entries) {
    if (entries.isEmpty()) {
      return;
    }
    if (entries.size() == 1) {
      jdbc.update(INSERT_PENDING, pendingRow(entries.get(0), null));
      return;
    }
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.update(connection -> {
      PreparedStatement insert = connection.prepareStatement(INSERT_PENDING, new String[] {"id"});
      new ArgumentPreparedStatementSetter(pendingRow(entries.get(0), null)).setValues(insert);
      return insert;
    }, key);
    long firstId = key.getKey().longValue();
    jdbc.batchUpdate(INSERT_PENDING, entries.subList(1, entries.size()).stream().map(e -> pendingRow(e, firstId))
        .toList());
  }

  /** Nullable values typed: an untyped null makes JDBC ask the database for the parameter's type, a round trip. */
  private static Object[] pendingRow(Entry e, Long firstId) {
    return new Object[] {new SqlParameterValue(Types.BIGINT, firstId), Timestamp.from(e.at()), e.principal(),
        e.action(), e.subjectType(), e.subjectId(), new SqlParameterValue(Types.VARCHAR, e.processInstanceId()),
        e.details()};
  }

  /**
   * Recomputes every hash in order; reports the first record whose content or link does not match, or whose hash
   * differs from a signed checkpoint's (a chain rewritten consistently, hashes and all, is found there).
   */
  public Verification verify() {
    return sealer.sealedThenRead(() -> walk(0, CHAIN_START, null));
  }

  /**
   * As {@link #verify()}, for the records after record {@code trustedId}, whose stored hash is taken as the first
   * link (0: from the start of the chain).
   */
  public Verification verifyAfter(long trustedId) {
    return sealer.sealedThenRead(() -> {
      String trustedHash = trustedId == 0 ? CHAIN_START
          : jdbc.queryForObject("SELECT hash FROM audit_record WHERE id = ?", String.class, trustedId).trim();
      return walk(trustedId, trustedHash, null);
    });
  }

  /**
   * From a signed checkpoint: its signature must verify, its record must still have the hash it signed, and every
   * record after it must follow from that hash.
   */
  public Verification verifyFrom(AuditCheckpoints.Checkpoint checkpoint) {
    return sealer.sealedThenRead(() -> walkFrom(checkpoint));
  }

  private Verification walkFrom(AuditCheckpoints.Checkpoint checkpoint) {
    if (!checkpoint.signatureValid()) {
      return new Verification(false, 0, checkpoint.lastId(), "the signature of checkpoint " + checkpoint.id()
          + " does not verify", checkpoint.id(), 0);
    }
    if (checkpoint.lastId() > 0) {
      List<String> stored = jdbc.queryForList("SELECT hash FROM audit_record WHERE id = ?", String.class,
          checkpoint.lastId());
      if (stored.isEmpty() || !stored.get(0).trim().equals(checkpoint.hash())) {
        return new Verification(false, 0, checkpoint.lastId(), "record " + checkpoint.lastId()
            + (stored.isEmpty() ? " is missing" : " does not have the hash checkpoint " + checkpoint.id() + " signed"),
            checkpoint.id(), 0);
      }
    }
    return walk(checkpoint.lastId(), checkpoint.hash(), checkpoint.id());
  }

  /** The last record and its hash, with every record committed before this call sealed. */
  public Head head() {
    return sealer.sealedThenRead(() -> {
      Map<String, Object> head = jdbc.queryForMap("SELECT last_id, last_hash FROM audit_chain_head WHERE id = 1");
      return new Head(((Number) head.get("last_id")).longValue(), ((String) head.get("last_hash")).trim());
    });
  }

  /** The records with {@code afterId < id <= toId} in order, read as a stream (for exports). */
  public void export(long afterId, long toId, java.util.function.Consumer<AuditRecord> out) {
    sealer.sealedThenRead(() -> {
      jdbc.query(connection -> {
        PreparedStatement statement = connection.prepareStatement(
            "SELECT * FROM audit_record WHERE id > ? AND id <= ? ORDER BY id");
        statement.setLong(1, afterId);
        statement.setLong(2, toId);
        statement.setFetchSize(1000); // PostgreSQL then reads through a cursor (inside this transaction)
        return statement;
      }, (java.sql.ResultSet rs) -> {
        out.accept(map(rs, 0));
      });
      return null;
    });
  }

  /**
   * Walks the records after {@code trustedId} from {@code trustedHash}. The records are read as a stream (a long
   * chain need not fit in memory); the signed checkpoints after the start are checked on the way.
   */
  private Verification walk(long trustedId, String trustedHash, Long fromCheckpoint) {
    Map<Long, List<String>> signed = new java.util.HashMap<>();
    jdbc.query("SELECT last_id, hash FROM audit_checkpoint WHERE last_id > ?", (java.sql.ResultSet rs) -> {
      signed.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>()).add(rs.getString(2).trim());
    }, trustedId);
    ChainWalk walk = jdbc.query(connection -> {
      PreparedStatement statement = connection.prepareStatement("SELECT * FROM audit_record WHERE id > ? ORDER BY id");
      statement.setLong(1, trustedId);
      statement.setFetchSize(1000); // PostgreSQL then reads through a cursor (inside this transaction)
      return statement;
    }, rs -> {
      ChainWalk at = new ChainWalk(trustedId, trustedHash, 0, 0, null);
      while (rs.next()) {
        at = at.next(map(rs, 0), signed);
        if (at.broken() != null) {
          break;
        }
      }
      return at;
    });
    if (walk.broken() != null) {
      Verification broken = walk.broken();
      return new Verification(false, broken.recordsChecked(), broken.firstBrokenId(), broken.problem(),
          fromCheckpoint, walk.matched());
    }
    String head = jdbc.queryForObject("SELECT last_hash FROM audit_chain_head WHERE id = 1", String.class).trim();
    if (!head.equals(walk.lastHash())) {
      return new Verification(false, walk.checked(), walk.lastId() + 1, "records after " + walk.lastId()
          + " were removed", fromCheckpoint, walk.matched());
    }
    return new Verification(true, walk.checked(), null, null, fromCheckpoint, walk.matched());
  }

  /** How far a verification got: the last good record, or the first broken one. */
  private record ChainWalk(long lastId, String lastHash, long checked, int matched, Verification broken) {
    ChainWalk next(AuditRecord r, Map<Long, List<String>> signed) {
      long count = checked + 1;
      if (r.id() != lastId + 1) {
        return fail(count, r, "record " + (lastId + 1) + " is missing");
      }
      if (!r.prevHash().equals(lastHash)) {
        return fail(count, r, "prev_hash does not match the hash of record " + lastId);
      }
      String expected = hash(r.id(), r.at(), r.principal(), r.action(), r.subjectType(), r.subjectId(),
          r.processInstanceId(), r.details(), r.prevHash());
      if (!expected.equals(r.hash())) {
        return fail(count, r, "content does not match its hash: the record was changed");
      }
      List<String> checkpointHashes = signed.getOrDefault(r.id(), List.of());
      if (checkpointHashes.stream().anyMatch(h -> !h.equals(r.hash()))) {
        return fail(count, r, "the chain differs from a signed checkpoint at this record: it was rewritten");
      }
      return new ChainWalk(r.id(), r.hash(), count, matched + checkpointHashes.size(), null);
    }

    private ChainWalk fail(long count, AuditRecord r, String problem) {
      return new ChainWalk(lastId, lastHash, count, matched, new Verification(false, count, r.id(), problem));
    }
  }

  static String hash(long id, Instant at, String principal, String action, String subjectType, String subjectId,
      String processInstanceId, String details, String prevHash) {
    String content = String.join("\u001f", Long.toString(id), at.toString(), principal, action, subjectType,
        subjectId, processInstanceId == null ? "" : processInstanceId, details, prevHash);
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(content.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  private AuditRecord map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new AuditRecord(rs.getLong("id"), rs.getTimestamp("at").toInstant(), rs.getString("principal"),
        rs.getString("action"), rs.getString("subject_type"), rs.getString("subject_id"),
        rs.getString("process_instance_id"), rs.getString("details"), rs.getString("prev_hash").trim(),
        rs.getString("hash").trim());
  }

  private String toJson(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      return String.valueOf(value);
    }
  }

  private static String truncate(String value, int max) {
    return value == null || value.length() <= max ? value : value.substring(0, max - 1) + "…";
  }
}
