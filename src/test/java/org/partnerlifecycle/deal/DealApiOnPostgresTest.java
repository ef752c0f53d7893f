package org.partnerlifecycle.deal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.partnerlifecycle.partner.Partner;
import org.partnerlifecycle.support.Http.Response;
import org.partnerlifecycle.support.PostgresProfileTest;

/** The deal API on PostgreSQL, with the races that only a real database can show. */
@PostgresProfileTest
class DealApiOnPostgresTest extends DealApiContract {

  @Test
  void twoRacingRegistrationsForOneCustomerNeverBothComeOutConflictFree() throws Exception {
    Partner a = partner();
    Partner b = partner();
    String[] keyA = keyOf(a);
    String[] keyB = keyOf(b);
    for (int round = 0; round < 15; round++) {
      String domain = "race-" + round + "-" + System.nanoTime() + ".example";
      List<Response> responses = race(List.of(
          () -> http.post("/api/deal-registrations", deal(domain).toString(), keyA),
          () -> http.post("/api/deal-registrations", deal("www." + domain).toString(), keyB)));
      List<Boolean> conflicts = new ArrayList<>();
      for (Response response : responses) {
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        String dealId = body(response).get("dealId").asText();
        conflicts.add(body(http.get("/api/deal-registrations/" + dealId, MARY)).get("conflict").asBoolean());
      }
      assertThat(conflicts).as("round " + round).contains(true);
    }
  }

  @Test
  void concurrentRetriesWithOneIdempotencyKeyCreateOneRegistration() throws Exception {
    Partner partner = partner();
    String[] key = keyOf(partner);
    int before = dealRows();
    List<Callable<Response>> retries = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      retries.add(() -> postWithKey("/api/deal-registrations", deal("retry-race.example").toString(), "race-key", key));
    }
    List<String> ids = new ArrayList<>();
    for (Response response : race(retries)) {
      assertThat(response.status()).as(response.body()).isEqualTo(201);
      ids.add(body(response).get("dealId").asText());
    }
    assertThat(ids).containsOnly(ids.get(0));
    assertThat(dealRows()).isEqualTo(before + 1);
  }
}
