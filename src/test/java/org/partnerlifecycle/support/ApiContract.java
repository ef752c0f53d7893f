package org.partnerlifecycle.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.partnerlifecycle.partner.PartnerApplicationService;
import org.partnerlifecycle.partner.PartnerRepository;
import org.partnerlifecycle.security.ApiKeys;
import org.partnerlifecycle.support.Http.Response;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What every end-to-end API test needs: the running application's port, an HTTP client, the demo staff's
 * credentials, a way to make ACTIVE partners. Subclasses pick the database (H2 or PostgreSQL).
 */
public abstract class ApiContract {

  protected static final String[] MARY = {"mary", "mary"};
  protected static final String[] LENA = {"lena", "lena"};
  protected static final String[] ADA = {"ada", "ada"};
  protected static final String[] FIONA = {"fiona", "fiona"};

  @LocalServerPort
  protected int port;
  @Autowired
  protected ProcessEngine engine;
  @Autowired
  protected PartnerApplicationService applications;
  @Autowired
  protected PartnerRepository partners;
  @Autowired
  protected ApiKeys apiKeys;
  @Autowired
  protected JdbcTemplate jdbc;

  protected Http http;
  protected ActivePartners active;
  protected final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void setUpApiClient() {
    http = new Http(port);
    active = new ActivePartners(engine, applications, partners);
  }

  /** The body of a successful response as JSON. */
  protected JsonNode body(Response response) throws Exception {
    assertThat(response.status()).as(response.body()).isLessThan(300);
    return json.readTree(response.body());
  }

  /** Bearer credentials of a fresh API key of this partner. */
  protected String[] keyOf(String partnerId) {
    return new String[] {"Bearer", apiKeys.issue(partnerId, "mary").apiKey()};
  }

  /** Completes the open task of this key as Tasklist would, over /engine-rest: claim, then submit its form. */
  protected void completeOverRest(String businessKey, String taskKey, String[] user, String variablesJson) {
    String taskId = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(businessKey)
        .taskDefinitionKey(taskKey).singleResult().getId();
    assertThat(http.post("/engine-rest/task/" + taskId + "/claim", "{\"userId\":\"" + user[0] + "\"}", user)
        .status()).isEqualTo(204);
    Response done = http.post("/engine-rest/task/" + taskId + "/submit-form", "{\"variables\":" + variablesJson + "}",
        user);
    assertThat(done.status()).as(done.body()).isEqualTo(204);
  }
}
