package org.partnerlifecycle.partner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.partnerlifecycle.support.Http;
import org.partnerlifecycle.support.Http.Response;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The partner endpoints end to end over HTTP: what each role may and may not do, and bad input refused whole. */
abstract class PartnerApiContract {

  static final String[] MARY = {"mary", "mary"};
  static final String[] LENA = {"lena", "lena"};
  static final String[] ADA = {"ada", "ada"};

  @LocalServerPort
  int port;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  ProcessEngine engine;

  Http http;
  final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void setUp() {
    http = new Http(port);
  }

  static ObjectNode validApplication(String domain) {
    ObjectNode body = new ObjectMapper().createObjectNode();
    body.put("companyName", "Acme Learning");
    body.put("websiteDomain", domain);
    body.put("contactName", "Pat Contact");
    body.put("contactEmail", "pat@" + domain);
    body.put("region", "NA");
    body.put("motion", "REFERRAL");
    body.put("forecastAnnualRevenue", 150000);
    return body;
  }

  JsonNode body(Response response) throws Exception {
    return json.readTree(response.body());
  }

  String applyOk(String domain) throws Exception {
    Response response = http.post("/api/partner-applications", validApplication(domain).toString());
    assertThat(response.status()).as(response.body()).isEqualTo(201);
    return body(response).get("partnerId").asText();
  }

  int partnerRows() {
    return jdbc.queryForObject("SELECT count(*) FROM partner", Integer.class);
  }

  @Test
  void anyoneMayApplyAndGetsTheProposedTier() throws Exception {
    Response response = http.post("/api/partner-applications", validApplication("apply.example").toString());
    assertThat(response.status()).isEqualTo(201);
    JsonNode answer = body(response);
    assertThat(answer.get("status").asText()).isEqualTo("APPLIED");
    assertThat(answer.get("proposedTier").asText()).isEqualTo("GROWTH");
    String partnerId = answer.get("partnerId").asText();
    assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(partnerId)
        .taskDefinitionKey("ReviewApplication").count()).isEqualTo(1);
  }

  static Stream<Arguments> badApplications() {
    return Stream.of(
        Arguments.of("companyName", null), Arguments.of("companyName", ""), Arguments.of("companyName", "x".repeat(201)),
        Arguments.of("companyName", "<script>"),
        Arguments.of("websiteDomain", null), Arguments.of("websiteDomain", "not a domain"),
        Arguments.of("websiteDomain", "a".repeat(250) + ".com"), Arguments.of("websiteDomain", "x.example; DROP TABLE partner"),
        Arguments.of("contactName", null), Arguments.of("contactName", "y".repeat(201)),
        Arguments.of("contactEmail", null), Arguments.of("contactEmail", "no-at-sign"),
        Arguments.of("contactEmail", "a@" + "b".repeat(320) + ".com"),
        Arguments.of("region", null), Arguments.of("region", "MARS"), Arguments.of("region", "na"),
        Arguments.of("motion", null), Arguments.of("motion", "DISTRIBUTOR"),
        Arguments.of("forecastAnnualRevenue", null), Arguments.of("forecastAnnualRevenue", "-1"),
        Arguments.of("forecastAnnualRevenue", "1e30"), Arguments.of("forecastAnnualRevenue", "100.123"),
        Arguments.of("forecastAnnualRevenue", "lots"), Arguments.of("forecastAnnualRevenue", "${7*7}"));
  }

  @ParameterizedTest(name = "{0} = {1}")
  @MethodSource("badApplications")
  void everyWrongFieldIsNamedAndNothingIsStored(String field, String value) throws Exception {
    int before = partnerRows();
    ObjectNode application = validApplication("bad-" + field.toLowerCase() + ".example");
    if (value == null) {
      application.remove(field);
    } else if (field.equals("forecastAnnualRevenue") && value.matches("-?[0-9.e]+")) {
      application.put(field, new java.math.BigDecimal(value));
    } else {
      application.put(field, value);
    }
    Response response = http.post("/api/partner-applications", application.toString());
    assertThat(response.status()).as(response.body()).isEqualTo(400);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.body()).contains("\"field\":\"" + field + "\"");
    assertThat(partnerRows()).isEqualTo(before);
  }

  @Test
  void malformedJsonUnknownFieldsAndOversizedBodiesAreRefused() throws Exception {
    int before = partnerRows();
    assertThat(http.post("/api/partner-applications", "{\"companyName\": ").status()).isEqualTo(400);
    assertThat(http.post("/api/partner-applications", "[]").status()).isEqualTo(400);
    ObjectNode extra = validApplication("extra.example");
    extra.put("status", "ACTIVE");
    Response unknown = http.post("/api/partner-applications", extra.toString());
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.body()).contains("\"field\":\"status\"");
    ObjectNode huge = validApplication("huge.example");
    huge.put("companyName", "z".repeat(2_000_000));
    assertThat(http.post("/api/partner-applications", huge.toString()).status()).isIn(400, 413);
    assertThat(partnerRows()).isEqualTo(before);
  }

  @Test
  void staffReadPartnersAnonymousCallersDoNot() throws Exception {
    String partnerId = applyOk("read.example");
    assertThat(http.get("/api/partners/" + partnerId).status()).isEqualTo(401);
    Response asMary = http.get("/api/partners/" + partnerId, MARY);
    assertThat(asMary.status()).isEqualTo(200);
    assertThat(body(asMary).get("companyName").asText()).isEqualTo("Acme Learning");
    assertThat(http.get("/api/partners/" + partnerId, ADA).status()).isEqualTo(200);
    assertThat(http.get("/api/partners", LENA).status()).isEqualTo(200);
    assertThat(http.get("/api/partners/P-NOPE", MARY).status()).isEqualTo(404);
    assertThat(http.get("/api/partners?size=100000", MARY).status()).isEqualTo(400);
  }

  @Test
  void apiKeysAreIssuedByPartnerManagersOnlyAndSeeOnlyTheirPartner() throws Exception {
    String mine = applyOk("mine.example");
    String theirs = applyOk("theirs.example");
    assertThat(http.post("/api/partners/" + mine + "/api-keys", "", LENA).status()).isEqualTo(403);
    assertThat(http.post("/api/partners/" + mine + "/api-keys", "", ADA).status()).isEqualTo(403);
    assertThat(http.post("/api/partners/" + mine + "/api-keys", "").status()).isEqualTo(401);

    Response issued = http.post("/api/partners/" + mine + "/api-keys", "", MARY);
    assertThat(issued.status()).isEqualTo(201);
    String key = body(issued).get("apiKey").asText();
    String keyId = body(issued).get("keyId").asText();
    assertThat(jdbc.queryForObject("SELECT count(*) FROM partner_api_key WHERE key_hash = ?", Integer.class, key))
        .as("the key itself is never stored").isZero();

    String[] partner = {"Bearer", key};
    assertThat(http.get("/api/partners/" + mine, partner).status()).isEqualTo(200);
    assertThat(http.get("/api/partners/" + theirs, partner).status()).isEqualTo(404);
    assertThat(http.get("/api/partners", partner).status()).isEqualTo(403);
    assertThat(http.post("/api/partners/" + theirs + "/agreement", "{\"signedBy\":\"Mallory\"}", partner).status())
        .isEqualTo(404);
    assertThat(http.post("/api/partners/" + mine + "/api-keys", "", partner).status()).isEqualTo(403);
    assertThat(http.get("/api/partners/" + mine, "Bearer", "plk_forged").status()).isEqualTo(401);

    assertThat(http.delete("/api/partners/" + mine + "/api-keys/" + keyId, LENA).status()).isEqualTo(403);
    assertThat(http.delete("/api/partners/" + mine + "/api-keys/" + keyId, MARY).status()).isEqualTo(204);
    assertThat(http.get("/api/partners/" + mine, partner).status()).isEqualTo(401);
  }

  @Test
  void thePartnerSignsItsAgreementAndJoinsTheDirectory() throws Exception {
    String partnerId = applyOk("signs.example");
    String key = body(http.post("/api/partners/" + partnerId + "/api-keys", "", MARY)).get("apiKey").asText();
    // Not waiting for an agreement yet.
    assertThat(http.post("/api/partners/" + partnerId + "/agreement", "{\"signedBy\":\"Pat\"}", "Bearer", key)
        .status()).isEqualTo(409);
    ProcessInstance instance = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(partnerId).singleResult();
    String taskId = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult()
        .getId();
    assertThat(http.post("/engine-rest/task/" + taskId + "/complete",
        "{\"variables\":{\"decision\":{\"value\":\"APPROVE\"},\"tier\":{\"value\":\"GROWTH\"}}}", ADA).status())
        .isEqualTo(403);
    Response refused = http.post("/engine-rest/task/" + taskId + "/complete",
        "{\"variables\":{\"decision\":{\"value\":\"REJECT\"}}}", MARY);
    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    assertThat(refused.body()).contains("reason");
    assertThat(http.post("/engine-rest/task/" + taskId + "/complete",
        "{\"variables\":{\"decision\":{\"value\":\"APPROVE\"},\"tier\":{\"value\":\"FOUNDATION\"},"
            + "\"reason\":{\"value\":\"Referral motion starts at Foundation\"}}}", MARY).status()).isEqualTo(204);

    assertThat(http.post("/api/partners/" + partnerId + "/agreement", "{\"signedBy\":\"Pat\"}", ADA).status())
        .isEqualTo(403);
    assertThat(http.post("/api/partners/" + partnerId + "/agreement", "{\"signedBy\":\"\"}", "Bearer", key)
        .status()).isEqualTo(400);
    assertThat(http.post("/api/partners/" + partnerId + "/agreement", "{\"signedBy\":\"Pat\"}", "Bearer", key)
        .status()).isEqualTo(202);

    JsonNode partner = body(http.get("/api/partners/" + partnerId, "Bearer", key));
    assertThat(partner.get("status").asText()).isEqualTo("ACTIVE");
    assertThat(partner.get("tier").asText()).isEqualTo("FOUNDATION");
    assertThat(partner.get("launchMethods").toString()).contains("SCORM", "AICC");
    JsonNode directory = body(http.get("/api/directory"));
    assertThat(directory.toString()).contains("Acme Learning");
    assertThat(directory.get(0).has("partnerId")).isFalse();
    assertThat(directory.toString()).doesNotContain("pat@");
  }
}
