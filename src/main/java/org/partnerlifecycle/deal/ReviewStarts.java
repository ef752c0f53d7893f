package org.partnerlifecycle.deal;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.partnerlifecycle.deal.process.DealRegistrationProcess;
import org.partnerlifecycle.engine.ProcessAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Starts the review processes of submitted registrations in rounds (issue 30). The intake commits its registration
 * marked {@code review_pending} and then waits for its review's round ({@link #awaitStarted}), so its answer still
 * comes once the review task exists. A round claims the pending registrations ({@code FOR UPDATE SKIP LOCKED}: no two
 * nodes start one twice) and starts their processes as one engine command: one flush, whose inserts the driver
 * batches across the instances, and one commit (bench/RESULTS.md: 11–19 % less CPU per intake than a start in the
 * intake's own transaction). A round reads what the check steps need for all its registrations at once
 * ({@link DealReviewService#withCheckInputsReadAhead}). Alone, an intake's round is its own start; under load, the
 * intakes that commit while a round runs share the next.
 * <p>
 * A registration committed but never started (its node died before the round, or the round failed) stays marked:
 * every node sweeps once it is ready and every {@code partner-lifecycle.deal.review-start-sweep} (default 5 s). A
 * round that fails as a whole is retried one registration per transaction, so a registration whose start fails
 * holds up no other; it stays pending, logged, and is tried again by the next sweep, not by every round.
 */
@Component
public class ReviewStarts implements SmartLifecycle {

  private static final Logger LOG = LoggerFactory.getLogger(ReviewStarts.class);

  /** Registrations started per transaction at most: a backlog after an outage starts in bounded steps. */
  static final int MOST_PER_ROUND = 200;
  /** How long an intake waits for its round before it answers anyway (its review then starts with a later one). */
  private static final long MOST_WAIT_SECONDS = 10;

  private final DealRepository deals;
  private final DealReviewService reviews;
  private final DealRegistrationProcess process;
  private final ProcessAdapter processes;
  private final Duration sweepEvery;
  /** Registrations whose own start failed: skipped by the rounds until the next sweep tries them again. */
  private final Set<String> failed = ConcurrentHashMap.newKeySet();
  /**
   * One round at a time per core: a round is a series of starts, each waiting on PostgreSQL in turn, so one thread
   * alone left the cores idle. Rounds beside each other claim different registrations (SKIP LOCKED).
   */
  private volatile ScheduledExecutorService threads;
  /** Rounds that started at least one review, and the reviews they started: the benchmark reports the ratio. */
  private final AtomicLong rounds = new AtomicLong();
  private final AtomicLong started = new AtomicLong();
  /** The round that the intakes committed since the last one began wait for; null when none is scheduled. */
  private CompletableFuture<Void> nextRound;

  ReviewStarts(DealRepository deals, DealReviewService reviews, DealRegistrationProcess process,
      ProcessAdapter processes, @Value("${partner-lifecycle.deal.review-start-sweep:5s}") Duration sweepEvery) {
    this.deals = deals;
    this.reviews = reviews;
    this.process = process;
    this.processes = processes;
    this.sweepEvery = sweepEvery;
  }

  /**
   * Called after an intake committed: returns the registration once its review has started, or as it is after
   * {@value #MOST_WAIT_SECONDS} s (stored either way; a later round or sweep starts it). Its start is in a round that
   * began after the commit, or in one that was running beside it and claimed it first; so until it has started, the
   * intake waits for the next round to end and looks again.
   */
  DealRegistration awaitStarted(String dealId) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(MOST_WAIT_SECONDS);
    while (true) {
      boolean roundEnded = awaitNextRound(deadline);
      DealRegistration deal = deals.get(dealId);
      if (deal.status() != DealStatus.SUBMITTED || !roundEnded) {
        return deal;
      }
    }
  }

  /** @return whether a round that began after this call ended before the deadline */
  private boolean awaitNextRound(long deadline) {
    CompletableFuture<Void> round;
    synchronized (this) {
      ScheduledExecutorService starters = threads;
      if (starters == null) {
        return false; // stopping: a sweep, here after a restart or on another node, starts it
      }
      if (nextRound == null) {
        try {
          starters.execute(this::round);
        } catch (RejectedExecutionException stopping) {
          return false;
        }
        nextRound = new CompletableFuture<>();
      }
      round = nextRound;
    }
    try {
      round.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      return true;
    } catch (TimeoutException | ExecutionException e) {
      LOG.warn("An intake's review did not start within {} s; a later round or sweep starts it", MOST_WAIT_SECONDS);
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private void round() {
    CompletableFuture<Void> round;
    synchronized (this) {
      round = nextRound;
      nextRound = null;
    }
    try {
      startPending();
    } finally {
      round.complete(null);
    }
  }

  /** What a sweep does: tries the failed registrations again with all the others. */
  void sweep() {
    failed.clear();
    startPending();
  }

  /** Starts every pending review, in rounds of at most {@link #MOST_PER_ROUND}. */
  void startPending() {
    try {
      while (startRound() == MOST_PER_ROUND) {
        // a full round: more may be waiting
      }
    } catch (RuntimeException e) {
      LOG.warn("A round of review starts failed; starting them one at a time", e);
      startOneAtATime();
    }
  }

  /** @return how many registrations the round claimed */
  private int startRound() {
    int claimed = processes.together(() -> {
      List<DealRegistration> pending = deals.claimPendingReviews(MOST_PER_ROUND, Set.copyOf(failed));
      reviews.withCheckInputsReadAhead(pending, () -> pending.forEach(deal -> process.start(deal.id(),
          deal.partnerId())));
      return pending.size();
    });
    if (claimed > 0) { // counted once committed
      rounds.incrementAndGet();
      started.addAndGet(claimed);
    }
    return claimed;
  }

  /** Rounds that started at least one review so far, and the reviews they started. */
  public record Counts(long rounds, long started) {
  }

  public Counts counts() {
    return new Counts(rounds.get(), started.get());
  }

  private void startOneAtATime() {
    for (String dealId : deals.pendingReviews(MOST_PER_ROUND)) {
      if (failed.contains(dealId)) {
        continue;
      }
      try {
        processes.together(() -> {
          deals.claimPendingReview(dealId).ifPresent(deal -> process.start(deal.id(), deal.partnerId()));
          return null;
        });
      } catch (RuntimeException e) {
        failed.add(dealId);
        LOG.error("Starting the review of deal registration {} failed; it stays pending for the next sweep", dealId,
            e);
      }
    }
  }

  // The starter threads: up before the web server takes requests, down after it.

  @Override
  public void start() {
    if (threads == null) {
      AtomicLong named = new AtomicLong();
      threads = Executors.newScheduledThreadPool(Runtime.getRuntime().availableProcessors(), runnable -> {
        Thread starter = new Thread(runnable, "deal-review-starts-" + named.incrementAndGet());
        starter.setDaemon(true);
        return starter;
      });
      threads.scheduleWithFixedDelay(this::sweepLogged, sweepEvery.toMillis(), sweepEvery.toMillis(),
          TimeUnit.MILLISECONDS);
    }
  }

  /** The first sweep, once the processes are deployed: what a node that died left pending starts now. */
  @EventListener(ApplicationReadyEvent.class)
  void sweepOnceReady() {
    ScheduledExecutorService starters = threads;
    if (starters != null) {
      starters.execute(this::sweepLogged);
    }
  }

  private void sweepLogged() {
    try {
      sweep();
    } catch (RuntimeException e) {
      LOG.warn("Sweeping for registrations whose review has yet to start failed; the next sweep tries again", e);
    }
  }

  @Override
  public void stop() {
    ScheduledExecutorService starter;
    synchronized (this) {
      starter = threads;
      threads = null;
    }
    if (starter != null) {
      starter.shutdown();
      try {
        starter.awaitTermination(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public boolean isRunning() {
    return threads != null;
  }

  @Override
  public int getPhase() {
    return SmartLifecycle.DEFAULT_PHASE - 4096; // below the web server's: up before it, down after it
  }
}
