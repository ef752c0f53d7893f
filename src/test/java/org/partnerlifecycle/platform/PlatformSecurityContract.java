package org.partnerlifecycle.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Attachment;
import org.camunda.bpm.engine.task.Comment;
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
import org.partnerlifecycle.support.WebappSession;
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

  /** Whether this run mode takes deployments over REST (ENGINE_REST_DEPLOYMENTS). */
  boolean restDeployments() {
    return true;
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
    assertThat(mary).containsExactlyInAnyOrder("My tasks", "My tasks, overdue", "My tasks, due today",
        "Partner managers: unclaimed", "Partner managers: overdue", "Partner managers: due today",
        "Applications and onboarding", "Deal registrations", "Tier reviews", "Warnings", "Partner engagement", "MDF");
    assertThat(lena).containsExactlyInAnyOrder("My tasks", "My tasks, overdue", "My tasks, due today",
        "Leadership: unclaimed", "Leadership: overdue", "Leadership: due today");
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

  /** One way to call the engine's REST API as someone: a path under the root, a method, a body. */
  interface Caller {
    Response call(String method, String path, String contentType, byte[] body);

    default Response call(String method, String path, String json) {
      return call(method, path, json == null ? null : "application/json",
          json == null ? null : json.getBytes(StandardCharsets.UTF_8));
    }
  }

  /** {@code /engine-rest} with HTTP Basic. */
  Caller engineRest(String user, String password) {
    String basic = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
        .getBytes(StandardCharsets.UTF_8));
    return (method, path, contentType, body) -> {
      var builder = http.builder("/engine-rest" + path).header("Authorization", basic).header("Accept", "application/json")
          .method(method, body == null ? java.net.http.HttpRequest.BodyPublishers.noBody()
              : java.net.http.HttpRequest.BodyPublishers.ofByteArray(body));
      if (contentType != null) {
        builder.header("Content-Type", contentType);
      }
      return http.send(builder);
    };
  }

  /** Tasklist and Cockpit's own root with a webapp session and its CSRF token. */
  Caller webapp(String app, String user, String password) {
    WebappSession session = WebappSession.login(port, app, user, password);
    assertThat(session.loginStatus()).as(user + " logs into " + app).isEqualTo(200);
    return (method, path, contentType, body) -> session.send(method, WebappSession.ENGINE_ROOT + path, contentType,
        body == null ? null : new String(body, StandardCharsets.UTF_8));
  }

  private static final String BOUNDARY = "----plk-test-boundary";

  /** A deployment form with one BPMN file, as Camunda Modeler sends it. */
  static byte[] deploymentForm(String key) {
    String bpmn = Bpmn.convertToString(Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(1)
        .startEvent().endEvent().done());
    return ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\n" + key
        + "\r\n--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"" + key
        + ".bpmn\"\r\nContent-Type: application/octet-stream\r\n\r\n" + bpmn + "\r\n--" + BOUNDARY + "--\r\n")
        .getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Deployments over REST, as the admin, on both roots: refused (403) in profile postgres unless
   * ENGINE_REST_DEPLOYMENTS=true, redeployments too; taken in the default mode. The models of the jar are deployed
   * either way (this contract's own process is deployed through the Java API).
   */
  @Test
  void restDeploymentsFollowTheRunMode() {
    String deploymentId = engine.getRepositoryService().createDeploymentQuery().list().get(0).getId();
    List<Caller> admins = List.of(engineRest(admin()[0], admin()[1]), webapp("cockpit", admin()[0], admin()[1]));
    for (int i = 0; i < admins.size(); i++) {
      String key = "rest-deployed-" + i + "-" + System.nanoTime();
      Response created = admins.get(i).call("POST", "/deployment/create", "multipart/form-data; boundary=" + BOUNDARY,
          deploymentForm(key));
      Response redeployed = admins.get(i).call("POST", "/deployment/" + deploymentId + "/redeploy", "{}");
      long deployed = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(key).count();
      if (restDeployments()) {
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        assertThat(deployed).isEqualTo(1);
      } else {
        assertThat(created.status()).as(created.body()).isEqualTo(403);
        assertThat(created.body()).contains("ENGINE_REST_DEPLOYMENTS");
        assertThat(redeployed.status()).as(redeployed.body()).isEqualTo(403);
        assertThat(deployed).isZero();
      }
    }
    assertThat(engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(PROCESS_KEY).count())
        .isPositive();
  }

  private static byte[] attachmentForm(String name) {
    StringBuilder form = new StringBuilder();
    for (String[] part : new String[][] {{"attachment-name", name}, {"attachment-description", "d"},
        {"attachment-type", "text/plain"}, {"url", "https://example.org/" + name}}) {
      form.append("--").append(BOUNDARY).append("\r\nContent-Disposition: form-data; name=\"").append(part[0])
          .append("\"\r\n\r\n").append(part[1]).append("\r\n");
    }
    return form.append("--").append(BOUNDARY).append("--\r\n").toString().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Every engine write an auditor could try on a task and its process, on both REST roots: each is refused (403)
   * and nothing changes (comments, attachments, variables, identity links, the task's fields, its assignee).
   */
  @Test
  void auditorsWriteNothingOnEitherRestRoot() throws Exception {
    for (Caller ada : List.of(engineRest("ada", "ada"), webapp("cockpit", "ada", "ada"))) {
      String taskId = startCheckProcess();
      TaskService tasks = engine.getTaskService();
      String instanceId = tasks.createTaskQuery().taskId(taskId).singleResult().getProcessInstanceId();
      tasks.claim(taskId, "mary");
      tasks.setVariable(taskId, "x", "kept");
      tasks.setVariableLocal(taskId, "local", "kept");
      Comment comment = tasks.createComment(taskId, instanceId, "mary's note");
      Attachment attachment = tasks.createAttachment("url", taskId, instanceId, "a", "d", "https://example.org/a");
      String task = "/task/" + taskId;
      String instance = "/process-instance/" + instanceId;

      Map<String, Response> answers = new LinkedHashMap<>();
      answers.put("comment create", ada.call("POST", task + "/comment/create", "{\"message\":\"ada was here\"}"));
      answers.put("comment update", ada.call("PUT", task + "/comment",
          "{\"id\":\"" + comment.getId() + "\",\"message\":\"changed\"}"));
      answers.put("comment delete", ada.call("DELETE", task + "/comment/" + comment.getId(), null));
      answers.put("comments delete", ada.call("DELETE", task + "/comment", null));
      answers.put("attachment create", ada.call("POST", task + "/attachment/create",
          "multipart/form-data; boundary=" + BOUNDARY, attachmentForm("ada")));
      answers.put("attachment delete", ada.call("DELETE", task + "/attachment/" + attachment.getId(), null));
      answers.put("variable put", ada.call("PUT", task + "/variables/x", "{\"value\":\"ada\"}"));
      answers.put("variable new", ada.call("PUT", task + "/variables/y", "{\"value\":\"ada\"}"));
      answers.put("variables post", ada.call("POST", task + "/variables",
          "{\"modifications\":{\"x\":{\"value\":\"ada\"}},\"deletions\":[\"local\"]}"));
      answers.put("variable delete", ada.call("DELETE", task + "/variables/x", null));
      answers.put("local variable put", ada.call("PUT", task + "/localVariables/local", "{\"value\":\"ada\"}"));
      answers.put("local variables post", ada.call("POST", task + "/localVariables",
          "{\"modifications\":{\"local\":{\"value\":\"ada\"}}}"));
      answers.put("local variable delete", ada.call("DELETE", task + "/localVariables/local", null));
      answers.put("identity link add", ada.call("POST", task + "/identity-links",
          "{\"userId\":\"ada\",\"type\":\"candidate\"}"));
      answers.put("identity link delete", ada.call("POST", task + "/identity-links/delete",
          "{\"groupId\":\"partner-managers\",\"type\":\"candidate\"}"));
      answers.put("task update", ada.call("PUT", task,
          "{\"name\":\"renamed\",\"priority\":99,\"assignee\":\"ada\",\"owner\":\"ada\"}"));
      answers.put("claim", ada.call("POST", task + "/claim", "{\"userId\":\"ada\"}"));
      answers.put("unclaim", ada.call("POST", task + "/unclaim", null));
      answers.put("assignee", ada.call("POST", task + "/assignee", "{\"userId\":\"ada\"}"));
      answers.put("delegate", ada.call("POST", task + "/delegate", "{\"userId\":\"ada\"}"));
      answers.put("resolve", ada.call("POST", task + "/resolve", "{}"));
      answers.put("complete", ada.call("POST", task + "/complete", "{}"));
      answers.put("submit form", ada.call("POST", task + "/submit-form", "{}"));
      answers.put("instance variables post", ada.call("POST", instance + "/variables",
          "{\"modifications\":{\"x\":{\"value\":\"ada\"}}}"));
      answers.put("instance variable put", ada.call("PUT", instance + "/variables/x", "{\"value\":\"ada\"}"));
      answers.put("instance variable delete", ada.call("DELETE", instance + "/variables/x", null));
      answers.put("instance suspend", ada.call("PUT", instance + "/suspended", "{\"suspended\":true}"));
      answers.put("instance delete", ada.call("DELETE", instance, null));
      answers.put("own user delete", ada.call("DELETE", "/user/ada", null));
      // Camunda's REST layer answers a refused attachment deletion "no attachment exists" (404), whatever the cause.
      answers.forEach((what, answer) -> assertThat(answer.status()).as(what + ": " + answer.body())
          .isIn(what.equals("attachment delete") ? List.of(403, 404) : List.of(403)));

      var after = tasks.createTaskQuery().taskId(taskId).singleResult();
      assertThat(after.getAssignee()).isEqualTo("mary");
      assertThat(after.getName()).isEqualTo("Work item");
      assertThat(after.getOwner()).isNull();
      assertThat(after.isSuspended()).isFalse();
      assertThat(tasks.getTaskComments(taskId)).extracting(Comment::getFullMessage).containsExactly("mary's note");
      assertThat(tasks.getTaskAttachments(taskId)).extracting(Attachment::getId).containsExactly(attachment.getId());
      assertThat(tasks.getVariables(taskId)).containsOnly(Map.entry("x", "kept"), Map.entry("local", "kept"));
      assertThat(tasks.getIdentityLinksForTask(taskId)).noneMatch(link -> "ada".equals(link.getUserId()))
          .anyMatch(link -> "partner-managers".equals(link.getGroupId()));
      assertThat(engine.getIdentityService().createUserQuery().userId("ada").count()).isEqualTo(1);
    }
  }

  /** A partner manager gives back a task she claimed (Tasklist's "unclaim"), on both roots, and no more. */
  @Test
  void partnerManagersUnclaimTheirOwnTasks() {
    for (Caller mary : List.of(engineRest("mary", "mary"), webapp("tasklist", "mary", "mary"))) {
      String taskId = startCheckProcess();
      String task = "/task/" + taskId;
      assertThat(mary.call("POST", task + "/claim", "{\"userId\":\"mary\"}").status()).isEqualTo(204);
      // Not to someone else: that would need TASK_ASSIGN.
      assertThat(mary.call("POST", task + "/assignee", "{\"userId\":\"paul\"}").status()).isEqualTo(403);
      assertThat(mary.call("POST", task + "/delegate", "{\"userId\":\"paul\"}").status()).isEqualTo(403);
      Response unclaim = mary.call("POST", task + "/unclaim", null);
      assertThat(unclaim.status()).as(unclaim.body()).isEqualTo(204);
      assertThat(engine.getTaskService().createTaskQuery().taskId(taskId).singleResult().getAssignee()).isNull();
      // Someone else's claim is not hers to undo.
      engine.getTaskService().claim(taskId, "paul");
      assertThat(mary.call("POST", task + "/unclaim", null).status()).isEqualTo(403);
      assertThat(engine.getTaskService().createTaskQuery().taskId(taskId).singleResult().getAssignee())
          .isEqualTo("paul");
    }
  }

  /** Staff keep their own user: they may change their password (over /engine-rest here), not delete themselves. */
  @Test
  void staffCannotDeleteTheirOwnUser() {
    for (Caller mary : List.of(engineRest("mary", "mary"), webapp("tasklist", "mary", "mary"))) {
      assertThat(mary.call("DELETE", "/user/mary", null).status()).isEqualTo(403);
      assertThat(engine.getIdentityService().createUserQuery().userId("mary").count()).isEqualTo(1);
    }
    Response password = engineRest("mary", "mary").call("PUT", "/user/mary/credentials",
        "{\"password\":\"mary\",\"authenticatedUserPassword\":\"mary\"}");
    assertThat(password.status()).as(password.body()).isEqualTo(204);
    assertThat(engine.getAuthorizationService().createAuthorizationQuery().userIdIn("mary")
        .resourceType(org.camunda.bpm.engine.authorization.Resources.USER).resourceId("mary").singleResult()
        .isPermissionGranted(org.camunda.bpm.engine.authorization.Permissions.DELETE)).isFalse();
  }

  /** The comment rule is the engine's: it holds on the Java API too. */
  @Test
  void onlyThoseWhoMayWorkATaskCommentOnIt() {
    String taskId = startCheckProcess();
    var identity = engine.getIdentityService();
    identity.setAuthentication("ada", List.of("auditors"));
    try {
      assertThatThrownBy(() -> engine.getTaskService().createComment(taskId, null, "ada was here"))
          .isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);
      assertThatThrownBy(() -> engine.getTaskService().createAttachment("url", taskId, null, "a", "d", "https://x"))
          .isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);
    } finally {
      identity.clearAuthentication();
    }
    identity.setAuthentication("mary", List.of("partner-managers"));
    try {
      engine.getTaskService().createComment(taskId, null, "checked");
    } finally {
      identity.clearAuthentication();
    }
    assertThat(engine.getTaskService().getTaskComments(taskId)).extracting(Comment::getFullMessage)
        .containsExactly("checked");
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
