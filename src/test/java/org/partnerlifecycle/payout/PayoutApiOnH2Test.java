package org.partnerlifecycle.payout;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.partnerlifecycle.notification.OutboxWorker;
import org.partnerlifecycle.notification.Receiver;
import org.partnerlifecycle.partner.Partner;
import org.partnerlifecycle.support.ApplicationTest;
import org.partnerlifecycle.support.Http.Response;
import org.springframework.beans.factory.annotation.Autowired;

@ApplicationTest
class PayoutApiOnH2Test extends PayoutApiContract {

  @Autowired
  OutboxWorker worker;

  /** Runs the outbox worker until nothing is due (it takes 50 entries a time). */
  private void sendAllDue() {
    for (int i = 0; i < 1000 && worker.runDue() > 0; i++) {
      // again
    }
  }

  /**
   * The partner's webhook receives statement.issued and statement.paid once each (the default run mode allows a
   * receiver on 127.0.0.1; profile postgres refuses private webhook addresses).
   */
  @Test
  void statementIssuedAndStatementPaidReachThePartnersWebhookOnce() throws Exception {
    at("2038-01-05");
    sweep();
    sendAllDue();
    Partner partner = partner();
    String[] key = keyOf(partner.id());
    try (Receiver receiver = new Receiver()) {
      Response hook = http.send(http.builder("/api/partners/" + partner.id() + "/webhooks")
          .header("Authorization", "Bearer " + key[1]).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString("{\"url\":\"" + receiver.url() + "\",\"events\":"
              + "[\"statement.issued\",\"statement.paid\"]}")));
      assertThat(hook.status()).as(hook.body()).isEqualTo(201);
      String deal = wonDeal(partner, 12000, 12);
      pay(deal, 1, 12000);
      at("2038-02-06");
      run();
      sendAllDue();
      assertThat(receiver.received).hasSize(1);
      JsonNode issued = json.readTree(receiver.received.get(0).body());
      assertThat(issued.get("event").asText()).isEqualTo("statement.issued");
      String statementId = issued.get("data").get("statementId").asText();
      assertThat(issued.get("data").get("total").decimalValue()).isEqualByComparingTo("1200.00");
      assertThat(issued.get("data").get("dueDate").asText()).isEqualTo("2038-03-08");

      String payment = "{\"paidOn\":\"" + today() + "\",\"reference\":\"WIRE-HOOK\"}";
      assertThat(http.post("/api/statements/" + statementId + "/payment", payment, FIONA).status()).isEqualTo(200);
      assertThat(http.post("/api/statements/" + statementId + "/payment", payment, FIONA).status()).isEqualTo(200);
      sendAllDue();
      assertThat(receiver.received).extracting(r -> json.readTree(r.body()).get("event").asText())
          .isEqualTo(List.of("statement.issued", "statement.paid"));
    }
  }
}
