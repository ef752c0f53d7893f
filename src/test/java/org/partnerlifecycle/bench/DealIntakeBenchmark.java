package org.partnerlifecycle.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.partnerlifecycle.deal.ReviewStarts;
import org.partnerlifecycle.deal.process.DealRegistrationProcess;
import org.partnerlifecycle.security.ApiKeys;
import org.partnerlifecycle.support.PostgresProfileTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * Benchmark (run {@code bench/intake.sh}, not part of mvn verify): deal-registration intake over REST on
 * PostgreSQL — authenticated by API key, validated, conflict-checked under the customer lock, audited, process
 * started to the review task (in a round of deal.ReviewStarts with the registrations committed beside it; the answer
 * waits for it) — at 1, 8 and 32 concurrent clients, against a bare engine starting a one-user-task
 * process through the Java API in the same run, on the same database. Between the two, the intake's process part
 * alone: the deal-registration process started through the Java API for a registration already stored. After them,
 * the floor of any request over REST: a partner reading its own record with its API key.
 */
@Tag("benchmark")
@PostgresProfileTest
// The sealer at work as in production (tests run without it): sealing is part of what an intake costs.
@TestPropertySource(properties = "partner-lifecycle.audit.sealer.background=true")
class DealIntakeBenchmark {

  static final int SECONDS = Integer.getInteger("bench.seconds", 10);
  /**
   * The most load the warm-up runs before measuring. It stops sooner once a round of load compiles little: on two
   * cores the JIT's C2 compiler otherwise still works through its queue during the rows, and they measure it.
   */
  static final int WARM_UP_SECONDS = Integer.getInteger("bench.warmup", 600);
  static final int WARM_UP_ROUND_SECONDS = 30;
  /** A round of warm-up load during which the JIT compiled for less than this share of the time ends the warm-up. */
  static final double SETTLED_JIT_SHARE = 0.1;
  /** One partner (API key, customers) per client, up to the most clients of a row. */
  static final int PARTNERS = 32;
  static final int[] CLIENTS = Arrays.stream(System.getProperty("bench.clients", "1,8,32").split(","))
      .mapToInt(Integer::parseInt).toArray();
  /**
   * After the rows, the intake / bare engine ratio at 8 clients again, in this many pairs of rows side by side
   * (intake, then bare engine): this VM's speed drifts from minute to minute (pgbench 4,400–8,400 tps within a
   * session), and the main rows put the deal-process row between the two.
   */
  static final int PAIRS = Integer.getInteger("bench.pairs", 3);
  /** Print each row's statements from pg_stat_statements ({@code bench/statements.sh} sets it). */
  static final boolean STATEMENTS = Boolean.getBoolean("bench.statements");

  private static final CompilationMXBean JIT = ManagementFactory.getCompilationMXBean();


  @LocalServerPort
  int port;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  ApiKeys apiKeys;
  @Autowired
  ProcessEngine engine;
  @Autowired
  DealRegistrationProcess dealRegistration;
  @Autowired
  ReviewStarts reviewStarts;
  /** Only when {@link #STATEMENTS} asks for it. */
  private StatementProfile statements;

  record Result(String what, int clients, long requests, double seconds, long errors, double[] millis,
      double lockWaiters, double appCpuMillis, double postgresCpuMillis, double jitMillis) {
    double throughput() {
      return requests / seconds;
    }

    /**
     * Time the JIT compilers spent on compilations per second of the row, wall clock summed over the compiler
     * threads: 1 = a compiler was at work throughout (under load on two cores, mostly waiting for a CPU); 0 = steady.
     */
    double jitShare() {
      return jitMillis / 1000 / seconds;
    }

    double percentile(double p) {
      if (millis.length == 0) {
        return Double.NaN;
      }
      double[] sorted = millis.clone();
      Arrays.sort(sorted);
      return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100 * sorted.length) - 1)];
    }
  }

  @Test
  void intakeAgainstTheBareEngine() throws Exception {
    List<String> keys = seedPartners(PARTNERS);
    int storedDeals = SECONDS * CLIENTS.length * 1000;
    seedSubmittedDeals(storedDeals);
    engine.getRepositoryService().createDeployment().addModelInstance("bare.bpmn",
        Bpmn.createExecutableProcess("bare").camundaHistoryTimeToLive(1).startEvent().userTask("Task")
            .camundaCandidateGroups("partner-managers").endEvent().done()).deploy();
    List<KeepAliveHttpClient> connections = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      connections.add(new KeepAliveHttpClient("localhost", port));
    }
    AtomicLong sequence = new AtomicLong();

    IntConsumer intake = i -> register(connections.get(i), keys.get(i), sequence.incrementAndGet());
    IntConsumer read = i -> readOwnPartner(connections.get(i), keys.get(i), "P-I" + (i + 1));
    IntConsumer bare = i -> engine.getRuntimeService().startProcessInstanceByKey("bare");
    AtomicLong storedDeal = new AtomicLong();
    IntConsumer dealProcess = i -> {
      long n = storedDeal.incrementAndGet();
      if (n > storedDeals) {
        throw new IllegalStateException("all " + storedDeals + " stored registrations have their process");
      }
      dealRegistration.start("D-P" + n, "P-I" + (1 + n % PARTNERS));
    };
    // Warm up the paths (JIT, pools, caches) in rounds until a round leaves the JIT idle, or the budget is spent.
    // The intake also at the most clients measured: with many more requests waiting at once, its code runs with
    // other profiles, and warmed up at 8 clients only, the compiler was still busy through the 32-client row.
    int round = Math.max(3, Math.min(WARM_UP_ROUND_SECONDS, WARM_UP_SECONDS));
    int mostClients = Arrays.stream(CLIENTS).max().orElse(8);
    boolean warmAtMost = mostClients > 8;
    int warmedUp = 0;
    boolean settled = false;
    while (warmedUp < WARM_UP_SECONDS && !settled) {
      Result intakeRound = run("warm-up", 8, round, intake);
      Result intakeAtMost = warmAtMost ? run("warm-up", mostClients, round / 3, intake) : intakeRound;
      Result bareRound = run("warm-up", 8, round / 3, bare);
      run("warm-up", 8, round / 3, read);
      warmedUp += round + (warmAtMost ? 3 : 2) * (round / 3);
      settled = intakeRound.jitShare() < SETTLED_JIT_SHARE && intakeAtMost.jitShare() < SETTLED_JIT_SHARE
          && bareRound.jitShare() < SETTLED_JIT_SHARE;
      System.out.printf("warm-up after %d s: JIT busy %.2f (intake)%s, %.2f (bare)%n", warmedUp,
          intakeRound.jitShare(), warmAtMost ? String.format(", %.2f (intake at %d clients)",
              intakeAtMost.jitShare(), mostClients) : "", bareRound.jitShare());
      waitForIdleJit();
    }
    // Planner statistics for the warmed-up tables, as autovacuum's analyze would keep them; the machines here run
    // PostgreSQL with autovacuum off, and without statistics the planner picks the wrong index for some queries.
    String autovacuum = jdbc.queryForObject("SHOW autovacuum", String.class);
    jdbc.execute("ANALYZE");

    statements = STATEMENTS ? new StatementProfile(jdbc) : null;
    List<Result> results = new ArrayList<>();
    long peakRss = 0;
    MemoryUsage heapAtPeakRss = null;
    List<String> rounds = new ArrayList<>();
    for (int clients : CLIENTS) {
      ReviewStarts.Counts before = reviewStarts.counts();
      results.add(row("intake over REST", clients, intake));
      ReviewStarts.Counts after = reviewStarts.counts();
      rounds.add(String.format("%.1f at %d clients", (double) (after.started() - before.started())
          / Math.max(1, after.rounds() - before.rounds()), clients));
      long rss = rssKiB();
      if (rss >= peakRss) {
        peakRss = rss;
        heapAtPeakRss = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
      }
      results.add(row("deal process (Java API)", clients, dealProcess));
      results.add(row("bare engine (Java API)", clients, bare));
      results.add(row("read over REST", clients, read));
    }
    List<Double> paired = new ArrayList<>();
    if (statements == null) {
      for (int pair = 0; pair < PAIRS; pair++) {
        double intakeThroughput = row("intake over REST", 8, intake).throughput();
        paired.add(intakeThroughput / row("bare engine (Java API)", 8, bare).throughput());
      }
    }

    System.out.printf("%nDEAL INTAKE BENCHMARK (PostgreSQL, %d s per row after %d s of warm-up load%s; autovacuum %s, "
        + "ANALYZE after the warm-up)%n", SECONDS, warmedUp, settled ? ", JIT settled" : ", JIT NOT settled",
        autovacuum);
    System.out.printf("%-24s %7s %10s %8s %8s %8s %8s %11s %9s %9s %6s%n", "path", "clients", "req/s", "p50 ms",
        "p95 ms", "p99 ms", "errors", "lock waits", "app CPU", "PG CPU", "JIT");
    for (Result r : results) {
      System.out.printf("%-24s %7d %10.1f %8.1f %8.1f %8.1f %8d %11.1f %9.2f %9.2f %6.2f%n", r.what(), r.clients(),
          r.throughput(), r.percentile(50), r.percentile(95), r.percentile(99), r.errors(), r.lockWaiters(),
          r.appCpuMillis() / r.requests(), r.postgresCpuMillis() / r.requests(), r.jitShare());
    }
    System.out.println("lock waits: PostgreSQL sessions waiting for a lock, on average (sampled every 100 ms)");
    System.out.println("app CPU, PG CPU: CPU milliseconds per request of this JVM (application, load driver, sampler, "
        + "JIT compiler, GC) and of all PostgreSQL processes");
    System.out.println("JIT: seconds the JIT compilers spent on compilations per second of the row, wall clock "
        + "(1 = a compiler at work throughout, 0 = steady state)");
    System.out.println("deal process: the deal-registration process started through the Java API for a stored "
        + "registration (check step, rule result and review facts, 1 variable, review task with its SLA timer); no "
        + "HTTP, conflict check or audit record");
    System.out.println("read over REST: a partner reads its own record (GET /api/partners/{id}) with its API key: "
        + "HTTP, authentication, one query, JSON; no process");
    for (int i = 0; i < results.size(); i += 4) {
      double bareThroughput = results.get(i + 2).throughput();
      System.out.printf("intake / bare engine at %d clients: %.2f (deal process alone / bare engine: %.2f; "
          + "read over REST / bare engine: %.2f)%n", results.get(i).clients(),
          results.get(i).throughput() / bareThroughput, results.get(i + 1).throughput() / bareThroughput,
          results.get(i + 3).throughput() / bareThroughput);
    }
    if (!paired.isEmpty()) {
      List<Double> sorted = paired.stream().sorted().toList();
      System.out.printf("intake / bare engine at 8 clients in %d pairs of rows side by side (intake, then bare "
          + "engine, %d s each): %s; median %.2f%n", paired.size(), SECONDS, String.join(", ", paired.stream()
          .map(ratio -> String.format("%.2f", ratio)).toList()), sorted.get(sorted.size() / 2));
    }
    System.out.println("intake: review processes started per round (deal.ReviewStarts): " + String.join("; ", rounds));
    boolean maxHeapGiven = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .anyMatch(argument -> argument.startsWith("-Xmx") || argument.startsWith("-XX:MaxHeapSize"));
    System.out.printf("peak RSS of this JVM (application + load driver) through the runs: %d MiB; "
        + "max heap %d MiB (%s)%n", peakRss / 1024, Runtime.getRuntime().maxMemory() / (1024 * 1024),
        maxHeapGiven ? "set by -Xmx" : "JVM default");
    System.out.printf("heap at the measurement that read the peak RSS: committed %d MiB, used %d MiB; metaspace %d "
        + "MiB and compiled code %d MiB at their peaks%n%n", heapAtPeakRss.getCommitted() / (1024 * 1024),
        heapAtPeakRss.getUsed() / (1024 * 1024), peakMiB("Metaspace"), peakMiB("CodeHeap"));
  }

  private void readOwnPartner(KeepAliveHttpClient client, String key, String partnerId) {
    try {
      KeepAliveHttpClient.Response response = client.get("/api/partners/" + partnerId, "Authorization",
          "Bearer " + key);
      if (response.status() != 200) {
        throw new IllegalStateException(response.status() + " " + response.body());
      }
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The committed peaks since the JVM started of the non-heap memory pools whose names start so. */
  private static long peakMiB(String namePrefix) {
    return ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(pool -> pool.getType() == MemoryType.NON_HEAP && pool.getName().startsWith(namePrefix))
        .mapToLong(pool -> pool.getPeakUsage().getCommitted()).sum() / (1024 * 1024);
  }

  private void register(KeepAliveHttpClient client, String key, long n) {
    String body = "{\"customerName\":\"Customer " + n + "\",\"customerDomain\":\"c" + n + ".bench.example\","
        + "\"motion\":\"REFERRAL\",\"dealType\":\"NEW\",\"licenseType\":\"SUBSCRIPTION\",\"product\":\"PLUS\","
        + "\"estimatedValue\":48000,\"termMonths\":12}";
    try {
      KeepAliveHttpClient.Response response = client.post("/api/deal-registrations", body,
          "Content-Type", "application/json", "Authorization", "Bearer " + key, "Idempotency-Key", "bench-" + n);
      if (response.status() != 201) {
        throw new IllegalStateException(response.status() + " " + response.body());
      }
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A measured row: once the JIT is idle, with the row's statements printed when asked for. */
  private Result row(String what, int clients, IntConsumer call) throws Exception {
    waitForIdleJit();
    if (statements != null) {
      statements.reset();
    }
    Result result = run(what, clients, SECONDS, call);
    if (statements != null) {
      statements.print(what + ", " + clients + " clients", result.requests());
    }
    return result;
  }

  /** {@code clients} threads call {@code call} (with their client index) back to back for {@code seconds}. */
  private Result run(String what, int clients, int seconds, IntConsumer call) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    long start = System.nanoTime();
    double appCpuBefore = appCpuMillis();
    long jitBefore = JIT.getTotalCompilationTime();
    double postgresCpuBefore = postgresCpuMillis();
    List<Future<double[]>> futures = new ArrayList<>();
    AtomicLong errors = new AtomicLong();
    for (int c = 0; c < clients; c++) {
      int client = c;
      futures.add(pool.submit(() -> {
        double[] latencies = new double[1 << 16];
        int n = 0;
        while (System.nanoTime() < end) {
          long t0 = System.nanoTime();
          try {
            call.accept(client);
            if (n < latencies.length) {
              latencies[n++] = (System.nanoTime() - t0) / 1e6;
            }
          } catch (RuntimeException e) {
            if (errors.incrementAndGet() == 1) {
              System.out.println(what + ": first error: " + e.getMessage());
            }
          }
        }
        return Arrays.copyOf(latencies, n);
      }));
    }
    // Which statements wait for a lock, and how many at a time: where the clients queue, if they do.
    LockWaits lockWaits = new LockWaits();
    ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
    sampler.scheduleAtFixedRate(lockWaits::sample, 0, 100, TimeUnit.MILLISECONDS);
    List<double[]> all = new ArrayList<>();
    for (Future<double[]> future : futures) {
      all.add(future.get());
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    double appCpu = appCpuMillis() - appCpuBefore;
    double postgresCpu = postgresCpuMillis() - postgresCpuBefore;
    long jit = JIT.getTotalCompilationTime() - jitBefore;
    pool.shutdown();
    sampler.shutdown();
    sampler.awaitTermination(5, TimeUnit.SECONDS);
    lockWaits.printTop(what + ", " + clients + " clients");
    double[] merged = all.stream().flatMapToDouble(Arrays::stream).toArray();
    return new Result(what, clients, merged.length, elapsed, errors.get(), merged, lockWaits.averageWaiting(),
        appCpu, postgresCpu, jit);
  }

  /**
   * Idle until the JIT has worked through its queue (compiled for under 50 ms in a second), at most a minute: under
   * load on two cores the compiler gets a small share of the CPU, and a row should not start with its backlog.
   */
  private static void waitForIdleJit() throws InterruptedException {
    CountDownLatch idle = new CountDownLatch(1);
    AtomicLong compiledUntil = new AtomicLong(JIT.getTotalCompilationTime());
    ScheduledExecutorService probe = Executors.newSingleThreadScheduledExecutor();
    probe.scheduleAtFixedRate(() -> {
      long now = JIT.getTotalCompilationTime();
      if (now - compiledUntil.getAndSet(now) < 50) {
        idle.countDown();
      }
    }, 1, 1, TimeUnit.SECONDS);
    try {
      idle.await(60, TimeUnit.SECONDS);
    } finally {
      probe.shutdownNow();
    }
  }

  private static double appCpuMillis() {
    return ProcessHandle.current().info().totalCpuDuration().map(d -> d.toNanos() / 1e6).orElse(Double.NaN);
  }

  /** PostgreSQL runs on this machine (127.0.0.1): its server processes' CPU, where the OS lets us read it. */
  private static double postgresCpuMillis() {
    return ProcessHandle.allProcesses().map(ProcessHandle::info)
        .filter(info -> info.command().map(c -> c.endsWith("/postgres")).orElse(false))
        .mapToDouble(info -> info.totalCpuDuration().map(d -> d.toNanos() / 1e6).orElse(0.0)).sum();
  }

  /**
   * Samples of the PostgreSQL sessions waiting for a lock, by the statement they wait in; and of the audit records
   * committed but not yet sealed (the sealer's backlog: its lag is about the backlog over the throughput).
   */
  private final class LockWaits {
    private final Map<String, Integer> byStatement = new HashMap<>();
    private long samples;
    private long waiting;
    private long unsealed;
    private long mostUnsealed;

    synchronized void sample() {
      for (String statement : jdbc.queryForList("SELECT left(query, 70) FROM pg_stat_activity "
          + "WHERE wait_event_type = 'Lock'", String.class)) {
        byStatement.merge(statement, 1, Integer::sum);
        waiting++;
      }
      long pending = jdbc.queryForObject("SELECT count(*) FROM audit_pending", Long.class);
      unsealed += pending;
      mostUnsealed = Math.max(mostUnsealed, pending);
      samples++;
    }

    synchronized double averageWaiting() {
      return samples == 0 ? 0 : (double) waiting / samples;
    }

    synchronized void printTop(String run) {
      byStatement.entrySet().stream().max(Map.Entry.comparingByValue()).ifPresent(top -> System.out.printf(
          "%s: most lock waits (%d of %d sampled) in: %s%n", run, top.getValue(), waiting, top.getKey()));
      System.out.printf("%s: audit records waiting to be sealed: %.1f on average, at most %d%n", run,
          samples == 0 ? 0.0 : (double) unsealed / samples, mostUnsealed);
    }
  }

  /** ACTIVE GROWTH referral partners and an API key each (one per client, so clients do not share a customer). */
  private List<String> seedPartners(int count) {
    BenchPartners.insertActive(jdbc, "P-I", count, LocalDate.now().plusYears(1), Instant.now());
    List<String> keys = new ArrayList<>();
    for (int n = 1; n <= count; n++) {
      keys.add(apiKeys.issue("P-I" + n, "bench").apiKey());
    }
    return keys;
  }

  /** SUBMITTED registrations D-P1 … D-P{count} of the seeded partners, each for its own customer. */
  private void seedSubmittedDeals(int count) {
    jdbc.update("INSERT INTO deal_registration (id, partner_id, submitted_by, customer_name, customer_domain, "
        + "normalized_domain, motion, deal_type, license_type, product, estimated_value, term_months, status, "
        + "terms_version, created_at, updated_at) "
        + "SELECT 'D-P' || n, 'P-I' || (1 + n % ?), 'bench', 'Customer ' || n, 'p' || n || '.bench.example', "
        + "'p' || n || '.bench.example', 'REFERRAL', 'NEW', 'SUBSCRIPTION', 'PLUS', 48000, 12, 'SUBMITTED', "
        + "'2026-01-01', now(), now() FROM generate_series(1, ?) AS n", PARTNERS, count);
  }

  private static long rssKiB() throws java.io.IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmHWM:")) {
        return Long.parseLong(line.replaceAll("\\D+", ""));
      }
    }
    return -1;
  }
}
