package org.partnerlifecycle.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.Variables.SerializationDataFormats;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnerlifecycle.support.Http;
import org.partnerlifecycle.support.Http.Response;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The platform's security contract, run against the real application over HTTP (subclasses pick the database).
 * Each role is tried against what it must not do.
 */
abstract class PlatformSecurityContract {

  static final String PROCESS_KEY = "platform-check";

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;

  Http http;
  final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void setUp() {
    http = new Http(port);
    if (engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(PROCESS_KEY).count() == 0) {
      engine.getRepositoryService().createDeployment().name("platform-check")
          .addModelInstance(PROCESS_KEY + ".bpmn", Bpmn.createExecutableProcess(PROCESS_KEY)
              .camundaHistoryTimeToLive(1)
              .startEvent().userTask("WorkItem").name("Work item").camundaCandidateGroups("partner-managers")
              .endEvent().done())
          .deploy();
    }
  }

  /** The program admin's credentials in this run mode. */
  String[] admin() {
    return new String[] {"demo", "demo"};
  }

  private String startCheckProcess() {
    ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey(PROCESS_KEY, "check-" + System.nanoTime());
    return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult().getId();
  }

  @Test
  void engineRestRefusesAnonymousCallers() {
    assertThat(http.get("/engine-rest/process-definition").status()).isEqualTo(401);
    assertThat(http.post("/engine-rest/process-definition/key/" + PROCESS_KEY + "/start", "{}").status())
        .isEqualTo(401);
    assertThat(http.get("/engine-rest/task").status()).isEqualTo(401);
    // paul is used only for wrong passwords here: Camunda throttles a user's logins after a failed one.
    assertThat(http.get("/engine-rest/process-definition", "paul", "wrong").status()).isEqualTo(401);
  }

  @Test
  void engineRestAcceptsStaffWithTheirPassword() {
    assertThat(http.get("/engine-rest/process-definition", admin()).status()).isEqualTo(200);
  }

  @Test
  void ourApiRefusesAnonymousCallersWithAProblem() {
    Response response = http.get("/api/partners");
    assertThat(response.status()).isEqualTo(401);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(http.get("/api/partners", "paul", "not-his-password").status()).isEqualTo(401);
  }

  @Test
  void adminSetupPageIsClosed() throws Exception {
    Response response = http.post("/camunda/api/admin/setup/default/user/create",
        "{\"profile\":{\"id\":\"intruder\",\"firstName\":\"I\",\"lastName\":\"N\"},"
            + "\"credentials\":{\"password\":\"intruder1\"}}");
    assertThat(response.status()).isEqualTo(403);
    assertThat(engine.getIdentityService().createUserQuery().userId("intruder").count()).isZero();
  }

  @Test
  void partnerManagersWorkTheirTasksAndNobodyElseCan() throws Exception {
    String taskId = startCheckProcess();

    // Auditors read, but may not claim or complete.
    assertThat(http.get("/engine-rest/task/" + taskId, "ada", "ada").status()).isEqualTo(200);
    assertThat(http.post("/engine-rest/task/" + taskId + "/claim", "{\"userId\":\"ada\"}", "ada", "ada").status())
        .isEqualTo(403);
    assertThat(http.post("/engine-rest/task/" + taskId + "/complete", "{}", "ada", "ada").status()).isEqualTo(403);
    // Leadership does not see the managers' queue at all.
    assertThat(ids(http.get("/engine-rest/task?processDefinitionKey=" + PROCESS_KEY, "lena", "lena")))
        .doesNotContain(taskId);
    assertThat(http.post("/engine-rest/task/" + taskId + "/complete", "{}", "lena", "lena").status()).isIn(403, 404);

    // A partner manager claims and completes it.
    assertThat(ids(http.get("/engine-rest/task?processDefinitionKey=" + PROCESS_KEY, "mary", "mary")))
        .contains(taskId);
    assertThat(http.post("/engine-rest/task/" + taskId + "/claim", "{\"userId\":\"mary\"}", "mary", "mary").status())
        .isEqualTo(204);
    assertThat(http.post("/engine-rest/task/" + taskId + "/complete", "{}", "mary", "mary").status()).isEqualTo(204);

    // The auditor reads the finished instance's history.
    Response history = http.get("/engine-rest/history/task?taskId=" + taskId, "ada", "ada");
    assertThat(history.status()).isEqualTo(200);
    assertThat(json.readTree(history.body()).get(0).get("assignee").asText()).isEqualTo("mary");
  }

  @Test
  void auditorsChangeNothingThroughEngineRest() {
    String taskId = startCheckProcess();
    String instanceId = engine.getTaskService().createTaskQuery().taskId(taskId).singleResult().getProcessInstanceId();
    String[] ada = {"ada", "ada"};
    assertThat(http.post("/engine-rest/process-definition/key/" + PROCESS_KEY + "/start", "{}", ada).status())
        .isEqualTo(403);
    assertThat(http.delete("/engine-rest/process-instance/" + instanceId, ada).status()).isEqualTo(403);
    assertThat(http.post("/engine-rest/process-instance/" + instanceId + "/variables",
        "{\"modifications\":{\"x\":{\"value\":1}}}", ada).status()).isEqualTo(403);
    assertThat(http.put("/engine-rest/task/" + taskId + "/variables/x", "{\"value\":1}", ada).status()).isEqualTo(403);
    assertThat(http.post("/engine-rest/task/" + taskId + "/assignee", "{\"userId\":\"ada\"}", ada).status())
        .isEqualTo(403);
    assertThat(http.post("/engine-rest/user/create",
        "{\"profile\":{\"id\":\"eve\"},\"credentials\":{\"password\":\"eve\"}}", ada).status()).isEqualTo(403);
    assertThat(http.post("/engine-rest/authorization/create",
        "{\"type\":1,\"permissions\":[\"ALL\"],\"userId\":\"ada\",\"resourceType\":0,\"resourceId\":\"*\"}", ada)
        .status()).isEqualTo(403);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instanceId).count())
        .isEqualTo(1);
    assertThat(engine.getTaskService().createTaskQuery().taskId(taskId).singleResult().getAssignee()).isNull();
  }

  @Test
  void tasklistFiltersArePerRoleAndThereIsNoAllTasksFilter() throws Exception {
    List<String> mary = names(http.get("/engine-rest/filter", "mary", "mary"));
    List<String> lena = names(http.get("/engine-rest/filter", "lena", "lena"));
    List<String> ada = names(http.get("/engine-rest/filter", "ada", "ada"));
    assertThat(mary).contains("My tasks", "Applications", "My deal reviews", "Overdue (SLA passed)", "Tier reviews",
        "Warnings")
        .doesNotContain("Leadership approvals", "All tasks");
    assertThat(lena).containsExactlyInAnyOrder("My tasks", "Leadership approvals");
    assertThat(ada).isEmpty();
  }

  @Test
  void engineRunsWithFullHistoryAndWithoutJavaSerialization() {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat(configuration.getHistoryLevel()).isEqualTo(HistoryLevel.HISTORY_LEVEL_FULL);
    assertThat(configuration.isAuthorizationEnabled()).isTrue();
    assertThat(configuration.isJavaSerializationFormatEnabled()).isFalse();
    assertThat(configuration.getHistoryCleanupBatchWindowStartTime()).isNotBlank();
    assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey(PROCESS_KEY,
        Variables.createVariables().putValueTyped("payload",
            Variables.serializedObjectValue("rO0ABXNyABNqYXZhLnV0aWwuQXJyYXlMaXN0eIHSHZnHYZ0DAAFJAARzaXpleHAAAAAAdwQAAAAAeA==")
                .serializationDataFormat(SerializationDataFormats.JAVA).objectTypeName("java.util.ArrayList")
                .create())))
        .isInstanceOf(ProcessEngineException.class);
  }

  @Test
  void healthIsOpen() {
    assertThat(http.get("/actuator/health").status()).isEqualTo(200);
  }

  @Test
  void nobodyEndsAUserTaskByABpmnErrorOrEscalation() throws Exception {
    for (String[] caller : List.of(new String[] {"mary", "mary"}, admin())) {
      String taskId = startCheckProcess();
      String instanceId = engine.getTaskService().createTaskQuery().taskId(taskId).singleResult()
          .getProcessInstanceId();
      Response error = http.post("/engine-rest/task/" + taskId + "/bpmnError", "{\"errorCode\":\"x\"}", caller);
      assertThat(error.status()).as(error.body()).isEqualTo(400);
      assertThat(error.body()).contains("ends only by its completion");
      assertThat(http.post("/engine-rest/task/" + taskId + "/bpmnEscalation", "{\"escalationCode\":\"x\"}", caller)
          .status()).isEqualTo(400);
      assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instanceId).count())
          .isEqualTo(1);
      assertThat(engine.getTaskService().createTaskQuery().taskId(taskId).count()).isEqualTo(1);
      // Nor is it deleted (the engine refuses; the answer is 400, not Camunda's 500).
      assertThat(http.delete("/engine-rest/task/" + taskId, caller).status()).isEqualTo(400);
    }
  }

  /**
   * Camunda's own mappers answer these with 500; ours answer 4xx and the task stays as it was (found by the fuzz run).
   */
  @Test
  void engineRestAnswersTheCallersMistakesWith4xx() throws Exception {
    String taskId = startCheckProcess();
    String[] mary = {"mary", "mary"};
    assertThat(http.post("/engine-rest/task/no-such-task/complete", "{}", mary).status()).isEqualTo(404);
    assertThat(http.post("/engine-rest/task/no-such-task/claim", "{\"userId\":\"mary\"}", mary).status())
        .isEqualTo(404);
    assertThat(http.post("/engine-rest/task/no-such-task/variables", "{\"modifications\":{}}", mary).status())
        .isEqualTo(404);
    // Bodies Camunda's REST layer cannot read: none at all, a variable type "", a file without its details.
    assertThat(http.post("/engine-rest/task/" + taskId + "/complete", "null", mary).status()).isEqualTo(400);
    assertThat(http.post("/engine-rest/task/" + taskId + "/complete",
        "{\"variables\":{\"decision\":{\"value\":\"x\",\"type\":\"\"}}}", mary).status()).isEqualTo(400);
    assertThat(http.post("/engine-rest/task/" + taskId + "/complete",
        "{\"variables\":{\"decision\":{\"value\":\"x\",\"type\":\"File\"}}}", mary).status()).isEqualTo(400);
    // Values the engine has no serializer for: an Object without its serialization format; Json and Xml, whose
    // serializers come with Spin, which the engine runs without. On a task without a form, and as the admin.
    String instanceId = engine.getTaskService().createTaskQuery().taskId(taskId).singleResult().getProcessInstanceId();
    for (String type : List.of("Object", "Json", "Xml")) {
      String variables = "{\"x\":{\"value\":\"x\",\"type\":\"" + type + "\"}}";
      Response onTask = http.post("/engine-rest/task/" + taskId + "/complete", "{\"variables\":" + variables + "}",
          mary);
      assertThat(onTask.status()).as(type + ": " + onTask.body()).isEqualTo(400);
      Response onInstance = http.post("/engine-rest/process-instance/" + instanceId + "/variables",
          "{\"modifications\":" + variables + "}", admin());
      assertThat(onInstance.status()).as(type + ": " + onInstance.body()).isEqualTo(400);
    }
    assertThat(engine.getRuntimeService().getVariable(instanceId, "x")).isNull();
    // Conditions no conditional event waits for.
    assertThat(http.post("/engine-rest/condition", "{\"variables\":{}}", mary).status()).isEqualTo(400);
    // A user id longer than the column.
    Response tooLong = http.post("/engine-rest/task/" + taskId + "/claim", "{\"userId\":\"" + "x".repeat(1000)
        + "\"}", mary);
    assertThat(tooLong.status()).as(tooLong.body()).isEqualTo(400);
    assertThat(engine.getTaskService().createTaskQuery().taskId(taskId).singleResult().getAssignee()).isNull();
    // Someone else's claim.
    assertThat(http.post("/engine-rest/task/" + taskId + "/claim", "{\"userId\":\"paul\"}", "paul", "paul")
        .status()).isEqualTo(204);
    Response claimed = http.post("/engine-rest/task/" + taskId + "/claim", "{\"userId\":\"mary\"}", mary);
    assertThat(claimed.status()).isEqualTo(409);
    assertThat(claimed.body()).contains("already claimed");
    assertThat(engine.getTaskService().createTaskQuery().taskId(taskId).singleResult().getAssignee())
        .isEqualTo("paul");
  }

  private List<String> ids(Response response) throws Exception {
    return field(response, "id");
  }

  private List<String> names(Response response) throws Exception {
    return field(response, "name");
  }

  private List<String> field(Response response, String name) throws Exception {
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    List<String> values = new ArrayList<>();
    for (JsonNode node : json.readTree(response.body())) {
      values.add(node.get(name).asText());
    }
    return values;
  }
}
