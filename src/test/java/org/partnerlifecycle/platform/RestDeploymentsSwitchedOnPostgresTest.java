package org.partnerlifecycle.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.partnerlifecycle.support.Http;
import org.partnerlifecycle.support.Http.Response;
import org.partnerlifecycle.support.PostgresProfileTest;
import org.partnerlifecycle.support.PostgresTestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/** Profile postgres with ENGINE_REST_DEPLOYMENTS=true: the admin deploys over REST. */
@PostgresProfileTest
@TestPropertySource(properties = "ENGINE_REST_DEPLOYMENTS=true")
class RestDeploymentsSwitchedOnPostgresTest {

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    String url = PostgresTestDatabase.create();
    registry.add("spring.datasource.url", () -> url);
  }

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;

  @Test
  void theAdminDeploysOverRest() {
    String key = "switched-on-" + System.nanoTime();
    Http http = new Http(port);
    Response created = http.send(http.builder("/engine-rest/deployment/create")
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("pgadmin:pgadmin"
            .getBytes(StandardCharsets.UTF_8)))
        .header("Content-Type", "multipart/form-data; boundary=----plk-test-boundary")
        .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(PlatformSecurityContract.deploymentForm(key))));
    assertThat(created.status()).as(created.body()).isEqualTo(200);
    assertThat(engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(key).count())
        .isEqualTo(1);
    // Still nobody else: a partner manager has no CREATE on deployments.
    assertThat(http.send(http.builder("/engine-rest/deployment/create")
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("mary:mary"
            .getBytes(StandardCharsets.UTF_8)))
        .header("Content-Type", "multipart/form-data; boundary=----plk-test-boundary")
        .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(PlatformSecurityContract.deploymentForm(key + "m"))))
        .status()).isEqualTo(403);
  }
}
