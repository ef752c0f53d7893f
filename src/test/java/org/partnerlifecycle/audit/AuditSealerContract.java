package org.partnerlifecycle.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnerlifecycle.audit.AuditLog.Subject;
import org.partnerlifecycle.audit.AuditLog.Verification;
import org.partnerlifecycle.support.ApiContract;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 30: audit records are written unsealed in the business transaction (no lock) and sealed into the chain by a
 * single sealer at a time. Every committed record is sealed exactly once, in one unbroken chain, whatever writers and
 * sealers run at once; a rolled-back transaction leaves nothing; a seal that fails leaves its records to the next.
 * The context's own sealer runs no background thread in tests: the sealers here are made by the tests.
 */
abstract class AuditSealerContract extends ApiContract {

  @Autowired
  AuditLog audit;
  @Autowired
  PlatformTransactionManager transactions;

  TransactionTemplate transaction;
  /** This test's records: their subject ids start with it. */
  String run;
  long headBefore;

  @BeforeEach
  void sealWhatEarlierTestsLeft() {
    transaction = new TransactionTemplate(transactions);
    run = "S" + System.nanoTime();
    sealAudit();
    headBefore = audit.head().lastId();
  }

  @Test
  void recordsOfConcurrentTransactionsAreSealedExactlyOnceInOneChainWhileTwoSealersRace() throws Exception {
    AuditSealer background = sealer(Duration.ofMillis(20));
    AtomicBoolean writing = new AtomicBoolean(true);
    ExecutorService pool = Executors.newFixedThreadPool(11);
    background.start();
    try {
      // Two more sealers that wait for the right (as readers do), racing each other and the background one. A seal
      // that failed (two sealers at once: the same ids) would fail the test here; the background one only logs.
      List<Future<?>> racers = new ArrayList<>();
      for (int r = 0; r < 2; r++) {
        AuditSealer racer = sealer(Duration.ofMillis(20));
        racers.add(pool.submit(() -> {
          while (writing.get()) {
            racer.seal(AuditSealer.Wait.BLOCK);
          }
        }));
      }
      List<Future<?>> writers = new ArrayList<>();
      for (int w = 0; w < 8; w++) {
        String writer = run + "-" + w;
        writers.add(pool.submit(() -> {
          for (int n = 0; n < 25; n++) {
            Map<String, Integer> details = Map.of("n", n);
            transaction.executeWithoutResult(status -> {
              audit.append(writer, "test.first", Subject.PARTNER, writer, null, details);
              audit.append(writer, "test.second", Subject.PARTNER, writer, null, details);
            });
          }
        }));
      }
      for (Future<?> writer : writers) {
        writer.get();
      }
      writing.set(false);
      for (Future<?> racer : racers) {
        racer.get();
      }
    } finally {
      writing.set(false);
      background.stop();
      pool.shutdown();
    }
    sealAudit();

    assertThat(pending()).isZero();
    assertThat(sealed()).isEqualTo(8 * 25 * 2);
    assertThat(jdbc.queryForObject("SELECT count(DISTINCT pending_id) FROM audit_record WHERE subject_id LIKE ?",
        Long.class, run + "%")).isEqualTo(8 * 25 * 2);
    // A transaction's records are consecutive in the chain, in the order they were appended.
    assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_record a LEFT JOIN audit_record b ON b.id = a.id + 1 "
        + "WHERE a.subject_id LIKE ? AND a.action = 'test.first' AND (b.id IS NULL OR b.action <> 'test.second' "
        + "OR b.subject_id <> a.subject_id OR b.details <> a.details)", Long.class, run + "%")).isZero();
    Verification chain = audit.verifyAfter(headBefore);
    assertThat(chain.intact()).as("%s at record %s", chain.problem(), chain.firstBrokenId()).isTrue();
    assertThat(chain.recordsChecked()).isEqualTo(8 * 25 * 2);
  }

  @Test
  void aRolledBackTransactionLeavesNoPendingRecord() {
    assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
      audit.append("writer-x", "test.rolledBack", Subject.PARTNER, run, null, Map.of());
      throw new IllegalStateException("the change failed");
    })).hasMessage("the change failed");
    transaction.executeWithoutResult(status -> {
      audit.append("writer-x", "test.rolledBackToo", Subject.PARTNER, run, null, Map.of());
      status.setRollbackOnly();
    });
    assertThat(pending()).isZero();
    sealAudit();
    assertThat(sealed()).isZero();
    assertThat(audit.head().lastId()).isEqualTo(headBefore);
  }

  @Test
  void aSealThatFailsAfterItsInsertLeavesThePendingRecordsForTheNextSeal() {
    transaction.executeWithoutResult(status -> {
      for (int n = 0; n < 3; n++) {
        audit.append("writer-f", "test.failedSeal", Subject.PARTNER, run, null, Map.of("n", n));
      }
    });
    assertThat(pending()).isEqualTo(3);
    AuditSealer failing = new AuditSealer(jdbc, transactions, Duration.ofHours(1), false) {
      @Override
      void removeSealed(long lastId) {
        super.removeSealed(lastId);
        throw new IllegalStateException("the node died after the insert");
      }
    };
    assertThatThrownBy(() -> failing.seal(AuditSealer.Wait.BLOCK)).hasMessage("the node died after the insert");
    failing.sealInBackground(); // logged, not thrown: the background sealer goes on with its next round

    assertThat(pending()).isEqualTo(3);
    assertThat(sealed()).isZero();
    assertThat(jdbc.queryForObject("SELECT last_id FROM audit_chain_head", Long.class)).isEqualTo(headBefore);

    Verification chain = audit.verifyAfter(headBefore); // seals first
    assertThat(chain.intact()).as("%s at record %s", chain.problem(), chain.firstBrokenId()).isTrue();
    assertThat(chain.recordsChecked()).isEqualTo(3);
    assertThat(pending()).isZero();
    assertThat(sealed()).isEqualTo(3);
    assertThat(jdbc.queryForList("SELECT details FROM audit_record WHERE subject_id = ? ORDER BY id", String.class,
        run)).containsExactly("{\"n\":0}", "{\"n\":1}", "{\"n\":2}");
  }

  /** The background sealer seals committed records without anyone reading them. */
  @Test
  void theBackgroundSealerSealsCommittedRecordsShortlyAfter() throws Exception {
    AuditSealer background = sealer(Duration.ofHours(1));
    background.start();
    try {
      transaction.executeWithoutResult(status -> audit.append("writer-b", "test.background", Subject.PARTNER, run,
          null, Map.of()));
      background.nudge(); // what the commit of the context's AuditLog does for the context's sealer
      background.awaitScheduledWork(); // the nudge has run (the hourly round is far off)
      assertThat(pending()).isZero();
      assertThat(sealed()).isEqualTo(1);
    } finally {
      background.stop();
    }
  }

  /** A sealer of this test's own, with a background thread (the context's runs none in tests). */
  private AuditSealer sealer(Duration delay) {
    return new AuditSealer(jdbc, transactions, delay, true);
  }

  private long pending() {
    return jdbc.queryForObject("SELECT count(*) FROM audit_pending WHERE subject_id LIKE ?", Long.class, run + "%");
  }

  private long sealed() {
    return jdbc.queryForObject("SELECT count(*) FROM audit_record WHERE subject_id LIKE ?", Long.class, run + "%");
  }
}
