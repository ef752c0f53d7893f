package org.partnerlifecycle.audit;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seals committed audit records into the hash chain (issue 30). {@link AuditLog#append} writes a record into
 * {@code audit_pending} in the business transaction, without id or hashes and without any lock; the sealer moves
 * the committed ones into {@code audit_record} in one transaction: take the right to seal (the chain head's row lock,
 * which only sealers take now), read the pending records in order, give them the next ids and the hashes as before
 * ({@link AuditLog#hash}: the format, the verification, the checkpoints and the offline script are unchanged), insert
 * them, delete them from {@code audit_pending}, move the head, commit.
 * <p>
 * Why it holds: a seal is one transaction, so a crash or an error before its commit leaves the pending records for
 * the next seal, and after it leaves them sealed and gone: never lost, never twice. Sealers on every node exclude
 * each other by the head's row lock; {@code audit_record.pending_id} is unique, so even a second sealer that got past
 * it could not seal a record again (its insert fails and its transaction rolls back). A sealer sees only committed
 * pending records (read committed), so a record whose transaction commits later is sealed by a later seal: the chain
 * is in sealing order, which follows commit order up to the records committed during one seal, not the order of the
 * pending ids (a lower id may commit after a higher one). A transaction's records stay together and in the order
 * appended ({@code first_id}).
 * <p>
 * When: 10 ms after a commit that wrote records (a nudge, run on this node's sealer thread, never in the request;
 * the commits of those milliseconds share the seal), and every {@code partner-lifecycle.audit.sealer.delay} (default
 * 250 ms) on every node, for the records of a node that died before its nudge ran and of nudges skipped while another
 * node was sealing. Background seals skip when another sealer holds the right ({@code SKIP LOCKED}); readers
 * ({@link #sealPending()}) wait for it, so that whoever reads the audit trail after a write sees that write's records
 * sealed.
 */
@Component
public class AuditSealer implements SmartLifecycle {

  /** Whether a seal waits for the right to seal or leaves the work to the sealer that holds it. */
  enum Wait { BLOCK, SKIP_IF_BUSY }

  private static final Logger LOG = LoggerFactory.getLogger(AuditSealer.class);

  /** Records sealed per transaction at most: a backlog after an outage is sealed in bounded steps. */
  static final int BATCH = 1000;
  /**
   * How long a nudge waits before it seals: under load the commits of these milliseconds share one seal (one
   * transaction of a handful of statements) instead of one seal each; the lag it adds is small beside the delay.
   */
  private static final long NUDGE_AFTER_MILLIS = 10;

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transaction;
  private final TransactionTemplate reading;
  private final Duration delay;
  private final boolean background;
  private final AtomicBoolean nudged = new AtomicBoolean();
  private volatile ScheduledExecutorService thread;

  AuditSealer(JdbcTemplate jdbc, PlatformTransactionManager transactions,
      @Value("${partner-lifecycle.audit.sealer.delay:250ms}") Duration delay,
      @Value("${partner-lifecycle.audit.sealer.background:true}") boolean background) {
    this.jdbc = jdbc;
    this.transaction = new TransactionTemplate(transactions);
    // Its own transaction even when called inside another: the seal commits before the reader reads.
    this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.reading = new TransactionTemplate(transactions);
    this.reading.setReadOnly(true);
    this.delay = delay;
    this.background = background;
  }

  /**
   * Seals every record committed before this call, waiting for another sealer if one is at work: what every read of
   * the audit trail does first (read-your-writes). Cheap when nothing is pending: one indexed read, no lock.
   */
  public void sealPending() {
    if (jdbc.queryForList("SELECT id FROM audit_pending ORDER BY id LIMIT 1", Long.class).isEmpty()) { // by index
      return;
    }
    while (seal(Wait.BLOCK)) {
      // a full batch: more may be waiting
    }
  }

  /**
   * What every read of the audit trail does: {@link #sealPending()}, then {@code read} in one read-only transaction,
   * which starts after the seal committed and so sees it (a seal nested in the read would hold two connections).
   */
  public <T> T sealedThenRead(Supplier<T> read) {
    sealPending();
    return reading.execute(status -> read.get());
  }

  /** Asks this node's sealer thread to seal soon (after a commit that wrote records); returns at once. */
  void nudge() {
    ScheduledExecutorService sealer = thread;
    if (sealer != null && nudged.compareAndSet(false, true)) {
      try {
        sealer.schedule(() -> {
          nudged.set(false);
          sealInBackground();
        }, NUDGE_AFTER_MILLIS, TimeUnit.MILLISECONDS);
      } catch (RejectedExecutionException stopping) {
        nudged.set(false); // shutting down: the next start or another node seals them
      }
    }
  }

  /**
   * Returns once this node's sealer thread has run what was scheduled on it so far (a nudge included): the thread
   * runs one task at a time, in the order they fall due. For tests of the background sealer, which need not sleep.
   */
  void awaitScheduledWork() throws Exception {
    ScheduledExecutorService sealer = thread;
    if (sealer != null) {
      sealer.schedule(() -> { }, NUDGE_AFTER_MILLIS, TimeUnit.MILLISECONDS).get();
    }
  }

  /** One background round: everything committed, unless another sealer holds the right (it, or the next round). */
  void sealInBackground() {
    try {
      while (seal(Wait.SKIP_IF_BUSY)) {
        // a full batch: more may be waiting
      }
    } catch (RuntimeException e) {
      LOG.warn("Sealing audit records failed; they stay pending for the next round", e);
    }
  }

  /** Seals up to {@link #BATCH} records in one transaction; true when the batch was full (more may wait). */
  boolean seal(Wait wait) {
    return Boolean.TRUE.equals(transaction.execute(status -> sealBatch(wait)));
  }

  private boolean sealBatch(Wait wait) {
    List<Map<String, Object>> head = jdbc.queryForList("SELECT last_id, last_hash FROM audit_chain_head WHERE id = 1 "
        + "FOR UPDATE" + (wait == Wait.SKIP_IF_BUSY ? " SKIP LOCKED" : ""));
    if (head.isEmpty()) {
      return false; // another sealer holds the right, and seals what is committed
    }
    // In the order of audit_pending_seal_order (PostgreSQL): the batch is read through the index.
    List<Pending> batch = jdbc.query("SELECT * FROM audit_pending ORDER BY COALESCE(first_id, id), id LIMIT ?",
        AuditSealer::pending, BATCH);
    boolean full = batch.size() == BATCH;
    List<Pending> sealing = full ? wholeTransactions(batch) : batch;
    if (sealing.isEmpty()) {
      return false;
    }
    long lastId = ((Number) head.get(0).get("last_id")).longValue();
    String prevHash = ((String) head.get(0).get("last_hash")).trim();
    long id = lastId;
    List<Object[]> rows = new ArrayList<>();
    for (Pending p : sealing) {
      id++;
      String hash = AuditLog.hash(id, p.at(), p.principal(), p.action(), p.subjectType(), p.subjectId(),
          p.processInstanceId(), p.details(), prevHash);
      rows.add(new Object[] {id, Timestamp.from(p.at()), p.principal(), p.action(), p.subjectType(), p.subjectId(),
          new SqlParameterValue(Types.VARCHAR, p.processInstanceId()), p.details(), prevHash, hash, p.id()});
      prevHash = hash;
    }
    jdbc.batchUpdate("INSERT INTO audit_record (id, at, principal, action, subject_type, subject_id, "
        + "process_instance_id, details, prev_hash, hash, pending_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
    removeSealed(lastId);
    jdbc.update("UPDATE audit_chain_head SET last_id = ?, last_hash = ? WHERE id = 1", id, prevHash);
    return full;
  }

  /** Deletes the pending records this seal put into the chain after record {@code lastId}. */
  void removeSealed(long lastId) {
    jdbc.update("DELETE FROM audit_pending WHERE id IN (SELECT pending_id FROM audit_record WHERE id > ?)", lastId);
  }

  /** A full batch without its last transaction's records, which may go on past the batch (unless it is all). */
  private static List<Pending> wholeTransactions(List<Pending> batch) {
    long lastGroup = batch.get(batch.size() - 1).group();
    List<Pending> whole = batch.stream().filter(p -> p.group() != lastGroup).toList();
    return whole.isEmpty() ? batch : whole;
  }

  private static Pending pending(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    long id = rs.getLong("id");
    long firstId = rs.getLong("first_id"); // 0 when null: the transaction's first record
    return new Pending(id, firstId == 0 ? id : firstId, rs.getTimestamp("at").toInstant(), rs.getString("principal"),
        rs.getString("action"), rs.getString("subject_type"), rs.getString("subject_id"),
        rs.getString("process_instance_id"), rs.getString("details"));
  }

  /** A committed record waiting to be sealed; {@code group}: its transaction's first record. */
  private record Pending(long id, long group, Instant at, String principal, String action, String subjectType,
      String subjectId, String processInstanceId, String details) {
  }

  // The background thread: started with the application (before the web server takes requests), stopped after it.

  @Override
  public void start() {
    if (background && thread == null) {
      thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread sealer = new Thread(runnable, "audit-sealer");
        sealer.setDaemon(true);
        return sealer;
      });
      thread.scheduleWithFixedDelay(this::sealInBackground, delay.toMillis(), delay.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  @Override
  public void stop() {
    ScheduledExecutorService sealer = thread;
    if (sealer != null) {
      thread = null;
      sealer.shutdown();
      try {
        if (sealer.awaitTermination(10, TimeUnit.SECONDS)) {
          sealInBackground(); // what the last requests wrote
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public boolean isRunning() {
    return thread != null;
  }

  @Override
  public int getPhase() {
    return SmartLifecycle.DEFAULT_PHASE - 4096; // below the web server's: up before it, down after it
  }
}
