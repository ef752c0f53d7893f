package org.partnerlifecycle.engine;

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
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;

/**
 * On {@code /engine-rest}, a task's variables are written only through its form's input fields. Camunda lets whoever
 * works a task set any process variable with it (on completion, form submission, resolution, or directly); our
 * forms show what the process knows in read-only fields, and a later task (leadership's approval) shows them again.
 * So a variable that is not a field of the task's form is refused (400, naming it), and the read-only fields'
 * values, which Tasklist may send back as they were shown, are dropped. An input field's value is what a form field
 * submits: a string, boolean, number, date or null; an Object, Json, Xml, Bytes or File value is refused (400), as it
 * would otherwise reach the engine's serializers and answer 500. Tasks without a form, and tasks the caller cannot
 * see, are left to Camunda.
 */
public class TaskVariableWrites implements ContainerRequestFilter {

  private static final Pattern TASK_VARIABLE_WRITE = Pattern.compile(
      "^(?:engine/[^/]+/)?task/([^/]+)/(complete|submit-form|resolve|variables)(?:/([^/]+)(/data)?)?/?$");
  /** Camunda's names of the value types a form field submits (the REST API's names with a lower-case initial). */
  private static final Set<String> FORM_VALUE_TYPES =
      Set.of("string", "boolean", "short", "integer", "long", "double", "date", "null");

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
    if (single != null && refuseUnlessInput(request, form.get(), single)) {
      return;
    }
    if (write.group(4) != null) {
      refuseValue(request, single, "File"); // an upload (…/variables/{name}/data)
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
    if (single != null) {
      if (!formValueType(parsed)) {
        refuseValue(request, single, parsed.path("type").asText());
      }
      return;
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
          } else if (!formValueType(variables.get(name))) {
            refuseValue(request, name, variables.get(name).path("type").asText());
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

  /** A value without a type is typed by Camunda from its JSON (string, boolean, number or null). */
  private static boolean formValueType(JsonNode variable) {
    JsonNode type = variable.path("type");
    if (type.isMissingNode() || type.isNull()) {
      return true;
    }
    String name = type.asText();
    return type.isTextual() && !name.isEmpty()
        && FORM_VALUE_TYPES.contains(Character.toLowerCase(name.charAt(0)) + name.substring(1));
  }

  private static void refuseValue(ContainerRequestContext request, String name, String type) {
    request.abortWith(EngineRestErrors.answer(Status.BAD_REQUEST, "InvalidRequestException", name + " is a form "
        + "field: its value is a String, Boolean, number, Date or null, not " + (type.isEmpty() ? "this" : type), name));
  }

  private static List<String> names(ObjectNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
