package org.partnerlifecycle.notification;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the {@link OutboxWorker} every few seconds ({@code partner-lifecycle.notifications.poll-millis}). Tests turn it
 * off ({@code partner-lifecycle.notifications.sender=none}) and run the worker themselves.
 */
@Component
@ConditionalOnExpression("'${partner-lifecycle.notifications.sender:outbox}' != 'none'")
class OutboxSchedule {

  private final OutboxWorker worker;

  OutboxSchedule(OutboxWorker worker) {
    this.worker = worker;
  }

  @Scheduled(fixedDelayString = "${partner-lifecycle.notifications.poll-millis:5000}")
  void run() {
    while (worker.runDue() == 50) {
      // a full batch: more may be due
    }
  }
}
