package org.partnerlifecycle.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Response.Status;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.partnerlifecycle.process.TaskForms;

/**
 * On {@code /engine-rest}, a task's variables are written only through its form's input fields. Camunda lets whoever
 * works a task set any process variable with it (on completion, form submission, resolution, or directly); our
 * forms show what the process knows in read-only fields, and a later task (leadership's approval) shows them again.
 * So a variable that is not a field of the task's form is refused (400, naming it), and the read-only fields'
 * values, which Tasklist may send back as they were shown, are dropped. Tasks without a form, and tasks the caller
 * cannot see, are left to Camunda.
 */
public class TaskVariableWrites implements ContainerRequestFilter {

  private static final Pattern TASK_VARIABLE_WRITE = Pattern.compile(
      "^(?:engine/[^/]+/)?task/([^/]+)/(complete|submit-form|resolve|variables)(?:/([^/]+)(/data)?)?/?$");

  private final TaskService tasks;
  private final TaskForms forms;
  private final ObjectMapper json = new ObjectMapper();

  public TaskVariableWrites(TaskService tasks, TaskForms forms) {
    this.tasks = tasks;
    this.forms = forms;
  }

  @Override
  public void filter(ContainerRequestContext request) throws IOException {
    Matcher write = TASK_VARIABLE_WRITE.matcher(request.getUriInfo().getPath());
    if ("GET".equals(request.getMethod()) || !write.matches()) {
      return;
    }
    Task task = tasks.createTaskQuery().taskId(write.group(1)).singleResult();
    Optional<TaskForms.Form> form = task == null || task.getProcessDefinitionId() == null ? Optional.empty()
        : forms.of(task.getProcessDefinitionId(), task.getTaskDefinitionKey());
    if (form.isEmpty()) {
      return;
    }
    String single = write.group(3);
    if (single != null) {
      refuseUnlessInput(request, form.get(), single);
      return;
    }
    byte[] body = request.getEntityStream().readAllBytes();
    request.setEntityStream(new ByteArrayInputStream(body));
    JsonNode parsed;
    try {
      parsed = json.readTree(body);
    } catch (IOException e) {
      return; // Camunda answers 400 for a body it cannot read
    }
    if (!(parsed instanceof ObjectNode object)) {
      return;
    }
    boolean dropped = false;
    for (String container : List.of("variables", "modifications")) {
      if (object.get(container) instanceof ObjectNode variables) {
        for (String name : names(variables)) {
          if (form.get().readOnlyFields().contains(name)) {
            variables.remove(name);
            dropped = true;
          } else if (!form.get().inputFields().contains(name)) {
            refuse(request, name);
            return;
          }
        }
      }
    }
    for (JsonNode deletion : object.path("deletions")) {
      if (refuseUnlessInput(request, form.get(), deletion.asText())) {
        return;
      }
    }
    if (dropped) {
      request.setEntityStream(new ByteArrayInputStream(json.writeValueAsBytes(object)));
    }
  }

  /** @return whether the request was refused */
  private static boolean refuseUnlessInput(ContainerRequestContext request, TaskForms.Form form, String name) {
    if (form.inputFields().contains(name)) {
      return false;
    }
    refuse(request, name);
    return true;
  }

  private static void refuse(ContainerRequestContext request, String name) {
    request.abortWith(EngineRestErrors.answer(Status.BAD_REQUEST, "InvalidRequestException", name
        + " is not an input field of this task's form: a task sets only what its form asks for", name));
  }

  private static List<String> names(ObjectNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
