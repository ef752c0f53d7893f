package org.partnerlifecycle.warning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.partnerlifecycle.partner.Partner;
import org.partnerlifecycle.support.Http.Response;
import org.partnerlifecycle.support.PostgresProfileTest;

@PostgresProfileTest
class WarningApiOnPostgresTest extends WarningApiContract {

  @Test
  void breachesArrivingAtTheSameMomentStartOneEscalation() throws Exception {
    for (int round = 0; round < 5; round++) {
      Partner partner = partner();
      ExecutorService pool = Executors.newFixedThreadPool(4);
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Response>> responses = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        responses.add(pool.submit(() -> {
          start.await();
          return http.post("/api/partners/" + partner.id() + "/compliance-breaches", BREACH, MARY);
        }));
      }
      start.countDown();
      List<Integer> statuses = new ArrayList<>();
      for (Future<Response> response : responses) {
        statuses.add(response.get().status());
      }
      pool.shutdown();
      assertThat(statuses).as("one starts (201), the others join (200)").containsOnlyOnce(201)
          .containsOnly(200, 201);
      assertThat(escalations(partner)).isEqualTo(1);
      assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("warning-escalation")
          .processInstanceBusinessKey(partner.id()).count()).isEqualTo(1);
      assertThat(jdbc.queryForObject("SELECT count(*) FROM compliance_breach WHERE partner_id = ?", Integer.class,
          partner.id())).isEqualTo(4);
    }
  }
}
