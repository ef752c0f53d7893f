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

  /** Executes every job of {@code processKey}'s instances on {@code threads} threads and waits for them all. */
  static void executeAll(ProcessEngine engine, String processKey, int threads) throws Exception {
    List<String> jobs = engine.getManagementService().createJobQuery().processDefinitionKey(processKey).list()
        .stream().map(Job::getId).toList();
    ExecutorService workers = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (String job : jobs) {
        done.add(workers.submit(() -> engine.getManagementService().executeJob(job)));
      }
      for (Future<?> future : done) {
        future.get();
      }
    } finally {
      workers.shutdownNow();
    }
  }
}
