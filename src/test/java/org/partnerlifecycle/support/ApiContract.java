package org.partnerlifecycle.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.partnerlifecycle.audit.AuditSealer;
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
  @Autowired
  protected AuditSealer auditSealer;

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

  /**
   * Seals the audit records committed so far (they are written unsealed, AuditSealer): before a test reads
   * audit_record itself; the application's read paths do it themselves.
   */
  protected void sealAudit() {
    auditSealer.sealPending();
  }

  /** Bearer credentials of a fresh API key of this partner. */
  protected String[] keyOf(String partnerId) {
    return new String[] {"Bearer", apiKeys.issue(partnerId, "mary").apiKey()};
  }

  /** Sends the requests together: each waits at a latch, then all go at once. @return their answers, in order */
  protected static List<Response> race(List<Callable<Response>> requests)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(requests.size());
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Response>> futures = new ArrayList<>();
      for (Callable<Response> request : requests) {
        futures.add(pool.submit(() -> {
          start.await();
          return request.call();
        }));
      }
      start.countDown();
      List<Response> responses = new ArrayList<>();
      for (Future<Response> future : futures) {
        responses.add(future.get());
      }
      return responses;
    } finally {
      pool.shutdownNow();
    }
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
