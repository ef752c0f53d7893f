package org.partnerlifecycle.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;

/** Drives jobs through the engine's API on several threads, as a node's job executor would (tests keep it off). */
final class BenchJobs {

  private BenchJobs() {
  }

  /** Jobs read and run per round: the driver holds no more than this many, whatever the number of instances. */
  static final int PAGE = 1000;

  /**
   * Executes every job of {@code processKey}'s instances on {@code threads} threads and waits for them all, a page at a
   * time (as a job executor acquires a few at a time), so that the driver's own heap does not grow with the run.
   */
  static void executeAll(ProcessEngine engine, String processKey, int threads) throws Exception {
    ExecutorService workers = Executors.newFixedThreadPool(threads);
    try {
      List<String> jobs;
      do {
        jobs = engine.getManagementService().createJobQuery().processDefinitionKey(processKey).executable()
            .listPage(0, PAGE).stream().map(Job::getId).toList();
        List<Future<?>> done = new ArrayList<>();
        for (String job : jobs) {
          done.add(workers.submit(() -> engine.getManagementService().executeJob(job)));
        }
        for (Future<?> future : done) {
          future.get();
        }
      } while (!jobs.isEmpty());
    } finally {
      workers.shutdownNow();
    }
  }
}
