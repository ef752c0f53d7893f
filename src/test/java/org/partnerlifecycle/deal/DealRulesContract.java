package org.partnerlifecycle.deal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnerlifecycle.partner.Partner;
import org.partnerlifecycle.support.ApiContract;
import org.partnerlifecycle.support.Http.Response;

/**
 * Issue 23, over HTTP as a new user would: deals only under contracted motions, add-on proration and volume terms
 * (seed 003), clawbacks of revenue share only and downgrade adjustments (seed 001 clawback table), and an OEM rate's
 * REJECT ending the registration.
 */
abstract class DealRulesContract extends ApiContract {

  @BeforeEach
  void initAssertions() {
    AbstractAssertions.init(engine);
  }

  Partner partner(String motion, String forecast) {
    return active.active("Rules Co", "rules-" + System.nanoTime() + ".example", motion, forecast);
  }

  static LocalDate today() {
    return LocalDate.now(ZoneOffset.UTC);
  }

  ObjectNode deal(String motion) {
    ObjectNode body = json.createObjectNode();
    body.put("customerName", "Globex").put("customerDomain", "globex-" + System.nanoTime() + ".example")
        .put("motion", motion).put("dealType", "NEW").put("licenseType", "SUBSCRIPTION").put("product", "PLUS")
        .put("estimatedValue", 48000).put("termMonths", 12);
    return body;
  }

  int dealRows() {
    return jdbc.queryForObject("SELECT count(*) FROM deal_registration", Integer.class);
  }

  /** Every field a 400 names. */
  List<String> fields(Response response) throws Exception {
    assertThat(response.status()).as(response.body()).isEqualTo(400);
    List<String> fields = new ArrayList<>();
    json.readTree(response.body()).get("errors").forEach(e -> fields.add(e.get("field").asText()));
    return fields;
  }


  /** Registered (201), approved by mary and closed WON for {@code amount} on {@code closedOn}. */
  String wonDeal(ObjectNode body, String[] key, long amount, LocalDate closedOn) throws Exception {
    String dealId = body(http.post("/api/deal-registrations", body.toString(), key)).get("dealId").asText();
    completeOverRest(dealId, "ReviewDealRegistration", MARY, "{\"decision\":{\"value\":\"APPROVE\"}}");
    Response closed = http.post("/api/deal-registrations/" + dealId + "/close", "{\"outcome\":\"WON\",\"amount\":"
        + amount + ",\"closedOn\":\"" + closedOn + "\"}", MARY);
    assertThat(closed.status()).as(closed.body()).isEqualTo(202);
    return dealId;
  }

  JsonNode ledgerEntry(String partnerId, String dealId, String kind) throws Exception {
    for (JsonNode entry : body(http.get("/api/partners/" + partnerId + "/ledger", MARY))) {
      if (entry.get("dealId").asText().equals(dealId) && entry.get("kind").asText().equals(kind)) {
        return entry;
      }
    }
    return null;
  }

  /** SPEC §2 "Motion": a partner registers deals only under its own contracted motion(s). */
  @Test
  void anAssistedResellersOemRegistrationIs400NamingMotionAndStoresNothingUntilAManagerAddsOem() throws Exception {
    Partner reseller = partner("ASSISTED_RESELLER", "200000");
    assertThat(reseller.tier().name()).isEqualTo("GROWTH");
    String[] key = keyOf(reseller.id());
    int before = dealRows();
    Response oem = http.post("/api/deal-registrations", deal("OEM").toString(), key);
    assertThat(fields(oem)).containsExactly("motion");
    assertThat(oem.body()).contains("contracted motions");
    assertThat(dealRows()).as("nothing stored").isEqualTo(before);

    String path = "/api/partners/" + reseller.id() + "/motions";
    assertThat(http.put(path, "{\"motions\":[\"OEM\"]}", key).status()).isEqualTo(403);
    assertThat(http.put(path, "{\"motions\":[\"OEM\"]}", ADA).status()).isEqualTo(403);
    assertThat(fields(http.put(path, "{\"motions\":[\"MOON\"]}", MARY))).containsExactly("motions[0]");
    assertThat(fields(http.put(path, "{\"motions\":\"OEM\",\"extra\":1}", MARY))).contains("motions", "extra");
    JsonNode contracted = body(http.put(path, "{\"motions\":[\"OEM\"]}", MARY));
    assertThat(contracted.get("motions").toString()).isEqualTo("[\"ASSISTED_RESELLER\",\"OEM\"]");
    assertThat(body(http.get(path, key)).get("motions").toString()).isEqualTo("[\"ASSISTED_RESELLER\",\"OEM\"]");
    assertThat(http.post("/api/deal-registrations", deal("OEM").toString(), key).status()).isEqualTo(201);
  }

  /** The example: a REFERRAL partner cannot register FULL_RESELLER deals at a 25 % discount. */
  @Test
  void aReferralPartnerCannotRegisterFullResellerDeals() throws Exception {
    Partner referral = partner("REFERRAL", "150000");
    int before = dealRows();
    Response response = http.post("/api/deal-registrations", deal("FULL_RESELLER").toString(), keyOf(referral.id()));
    assertThat(fields(response)).containsExactly("motion");
    assertThat(dealRows()).isEqualTo(before);
  }

  /**
   * Seed 003 line 46-47: "The cost of additional seats is proportional to the time that remains in the
   * subscription's term" — 10 seats × $1,200 with 6 of 12 months remaining is a $6,000 basis; a GROWTH referral's
   * 10 % (Initial Term) pays $600 on it.
   */
  @Test
  void anAddOnOf10SeatsAt1200With6Of12MonthsRemainingPaysOnA6000Basis() throws Exception {
    Partner partner = partner("REFERRAL", "150000");
    String[] key = keyOf(partner.id());
    ObjectNode addOn = deal("REFERRAL").put("dealType", "ADD_ON").put("estimatedValue", 6000).put("seats", 10)
        .put("unitPrice", 1200).put("remainingMonths", 6);
    String dealId = wonDeal(addOn, key, 6000, today());
    JsonNode view = body(http.get("/api/deal-registrations/" + dealId, key));
    assertThat(view.get("seats").asInt()).isEqualTo(10);
    assertThat(view.get("remainingMonths").asInt()).isEqualTo(6);
    JsonNode payout = ledgerEntry(partner.id(), dealId, "REVENUE_SHARE");
    assertThat(payout.get("basis").decimalValue()).isEqualByComparingTo("6000.00");
    assertThat(payout.get("amount").decimalValue()).isEqualByComparingTo("600.00");
    assertThat(payout.get("explanation").asText()).contains("$6000.00");
  }

  @Test
  void addOnFieldsAreRequiredForAddOnsAndRefusedOtherwiseAndAVolumeLicenceLasts12Months() throws Exception {
    String[] key = keyOf(partner("REFERRAL", "150000").id());
    int before = dealRows();
    assertThat(fields(http.post("/api/deal-registrations", deal("REFERRAL").put("dealType", "ADD_ON").toString(),
        key))).containsExactlyInAnyOrder("seats", "unitPrice", "remainingMonths");
    assertThat(fields(http.post("/api/deal-registrations", deal("REFERRAL").put("seats", 10).put("unitPrice", 1200)
        .put("remainingMonths", 6).toString(), key))).containsExactlyInAnyOrder("seats", "unitPrice",
        "remainingMonths");
    assertThat(fields(http.post("/api/deal-registrations", deal("REFERRAL").put("dealType", "ADD_ON")
        .put("seats", 10).put("unitPrice", 1200).put("remainingMonths", 13).toString(), key)))
        .containsExactly("remainingMonths");
    // Seed 003 line 50: Volume "lasts for 12 months from the date of purchase".
    Response volume = http.post("/api/deal-registrations", deal("REFERRAL").put("licenseType", "VOLUME")
        .put("termMonths", 24).toString(), key);
    assertThat(fields(volume)).containsExactly("termMonths");
    // Several wrong at once: all named.
    assertThat(fields(http.post("/api/deal-registrations", deal("OEM").put("licenseType", "VOLUME")
        .put("termMonths", 24).put("seats", 3).toString(), key))).containsExactlyInAnyOrder("motion", "termMonths",
        "seats");
    assertThat(dealRows()).as("nothing stored").isEqualTo(before);
    assertThat(http.post("/api/deal-registrations", deal("REFERRAL").put("licenseType", "VOLUME").toString(), key)
        .status()).isEqualTo(201);
  }

  /**
   * SPEC §2: "Clawbacks recover revenue share (cash we pay), never a reseller's discount" — seed 001 line 1973,
   * "Customer cancels < 30 days 100% clawback": within 30 days of the close nothing is payable yet (the customer's
   * payment has its 30-day refund holdback, seed 001 line 345), so the referral's accrual is cancelled in full; 45
   * days after the close, a payable year-1 share is clawed back 50 % (seed 001 line 1974, "30-90 days 50%").
   */
  @Test
  void cancellingAFullResellerDealWithin30DaysBooksNoClawbackButCancellingAReferralDealDoes() throws Exception {
    Partner reseller = partner("FULL_RESELLER", "250000");
    LocalDate closedOn = today().minusDays(20);
    String resold = wonDeal(deal("FULL_RESELLER"), keyOf(reseller.id()), 48000, closedOn);
    assertThat(ledgerEntry(reseller.id(), resold, "DISCOUNT").get("amount").decimalValue())
        .isEqualByComparingTo("12000.00");
    Response noClawback = http.post("/api/deal-registrations/" + resold + "/cancellation", "{\"cancelledOn\":\""
        + closedOn.plusDays(10) + "\",\"reason\":\"customer left\"}", MARY);
    assertThat(noClawback.status()).as(noClawback.body()).isEqualTo(204);
    assertThat(ledgerEntry(reseller.id(), resold, "CLAWBACK")).isNull();
    assertThat(body(http.get("/api/deal-registrations/" + resold, MARY)).get("status").asText())
        .isEqualTo("CANCELLED");

    Partner referral = partner("REFERRAL", "150000");
    String referred = wonDeal(deal("REFERRAL"), keyOf(referral.id()), 48000, closedOn);
    assertThat(http.post("/api/deal-registrations/" + referred + "/payments", "{\"paidOn\":\"" + closedOn
        + "\",\"amount\":48000,\"contractYear\":1}", FIONA).status()).isEqualTo(201);
    Response cancelled = http.post("/api/deal-registrations/" + referred + "/cancellation", "{\"cancelledOn\":\""
        + closedOn.plusDays(10) + "\",\"reason\":\"customer left\"}", MARY);
    assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(204);
    assertThat(ledgerEntry(referral.id(), referred, "CLAWBACK")).isNull();
    assertThat(ledgerEntry(referral.id(), referred, "REVENUE_SHARE").get("status").asText()).isEqualTo("CANCELLED");

    LocalDate earlier = today().minusDays(45);
    String paidThenCancelled = wonDeal(deal("REFERRAL"), keyOf(referral.id()), 48000, earlier);
    assertThat(http.post("/api/deal-registrations/" + paidThenCancelled + "/payments", "{\"paidOn\":\"" + earlier
        + "\",\"amount\":48000,\"contractYear\":1}", FIONA).status()).isEqualTo(201);
    Response clawback = http.post("/api/deal-registrations/" + paidThenCancelled + "/cancellation",
        "{\"cancelledOn\":\"" + today() + "\",\"reason\":\"customer left\"}", MARY);
    assertThat(clawback.status()).as(clawback.body()).isEqualTo(200);
    assertThat(ledgerEntry(referral.id(), paidThenCancelled, "CLAWBACK").get("amount").decimalValue())
        .isEqualByComparingTo("-2400.00");
  }

  /** Seed 001 line 1976: "Customer downgrades → Adjust commission", pro rata. */
  @Test
  void aDowngradeAdjustsTheCommissionProRata() throws Exception {
    Partner referral = partner("REFERRAL", "150000");
    LocalDate closedOn = today().minusDays(10);
    String dealId = wonDeal(deal("REFERRAL"), keyOf(referral.id()), 48000, closedOn);
    String path = "/api/deal-registrations/" + dealId + "/adjustment";
    String body = "{\"newAmount\":24000,\"effectiveOn\":\"" + closedOn + "\",\"reason\":\"halved the seats\"}";
    assertThat(http.post(path, body, ADA).status()).isEqualTo(403);
    assertThat(http.post(path, body, keyOf(referral.id())).status()).isEqualTo(403);
    assertThat(fields(http.post(path, "{\"newAmount\":\"24000\",\"effectiveOn\":\"soon\"}", MARY)))
        .containsExactlyInAnyOrder("newAmount", "effectiveOn", "reason");
    assertThat(fields(http.post(path, "{\"newAmount\":50000,\"effectiveOn\":\"" + closedOn.minusDays(1)
        + "\",\"reason\":\"up\"}", MARY))).containsExactlyInAnyOrder("newAmount", "effectiveOn");
    assertThat(ledgerEntry(referral.id(), dealId, "ADJUSTMENT")).isNull();

    // Effective from the close, half the contract given up: half the $4,800 revenue share comes back. A retry with
    // the same Idempotency-Key books nothing more.
    Response adjusted = http.send(http.builder(path).header("Content-Type", "application/json")
        .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("mary:mary".getBytes()))
        .header("Idempotency-Key", "downgrade-" + dealId)
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)));
    assertThat(adjusted.status()).as(adjusted.body()).isEqualTo(201);
    Response retried = http.send(http.builder(path).header("Content-Type", "application/json")
        .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("mary:mary".getBytes()))
        .header("Idempotency-Key", "downgrade-" + dealId)
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)));
    assertThat(retried.status()).isEqualTo(201);
    assertThat(jdbc.queryForObject("SELECT count(*) FROM ledger_entry WHERE deal_id = ? AND kind = 'ADJUSTMENT'",
        Integer.class, dealId)).isEqualTo(1);
    assertThat(json.readTree(adjusted.body()).get("adjustment").get("amount").decimalValue())
        .isEqualByComparingTo("-2400.00");
    assertThat(body(http.get("/api/deal-registrations/" + dealId, MARY)).get("currentAmount").decimalValue())
        .isEqualByComparingTo("24000");
    // A second downgrade, from $24,000 to $12,000 from 10 days after the close (355 of 365 days left).
    Response again = http.post(path, "{\"newAmount\":12000,\"effectiveOn\":\"" + closedOn.plusDays(10)
        + "\",\"reason\":\"again\"}", MARY);
    assertThat(again.status()).as(again.body()).isEqualTo(201);
    long periodDays = java.time.temporal.ChronoUnit.DAYS.between(closedOn, closedOn.plusMonths(12));
    java.math.BigDecimal expected = new java.math.BigDecimal("1200").multiply(new java.math.BigDecimal(periodDays - 10))
        .divide(new java.math.BigDecimal(periodDays), 2, java.math.RoundingMode.HALF_EVEN).negate();
    assertThat(json.readTree(again.body()).get("adjustment").get("amount").decimalValue())
        .isEqualByComparingTo(expected);
  }

  /** A REJECT of an OEM rate (no table figure) ends the registration REJECTED with the reason. */
  @Test
  void aRejectOfAnOemRateEndsTheRegistrationRejectedWithTheReason() throws Exception {
    Partner oem = partner("OEM", "1500000");
    assertThat(oem.motion().name()).isEqualTo("OEM");
    String dealId = body(http.post("/api/deal-registrations", deal("OEM").toString(), keyOf(oem.id())))
        .get("dealId").asText();
    completeOverRest(dealId, "ReviewDealRegistration", MARY, "{\"decision\":{\"value\":\"APPROVE\"}}");
    ProcessInstance instance = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(dealId).singleResult();
    assertThat(instance).isWaitingAt("ApproveNegotiatedRate");
    completeOverRest(dealId, "ApproveNegotiatedRate", LENA, "{\"rateDecision\":{\"value\":\"REJECT\"},"
        + "\"rateReason\":{\"value\":\"No OEM agreement for this product\"}}");
    assertThat(instance).isEnded().hasPassed("RateRejected").hasNotPassed("LockRateAndProtect");
    JsonNode view = body(http.get("/api/deal-registrations/" + dealId, MARY));
    assertThat(view.get("status").asText()).isEqualTo("REJECTED");
    assertThat(view.get("reason").asText()).contains("No OEM agreement for this product");
  }
}
