package org.partnerlifecycle.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * The fields of a user task's Camunda Form (its formRef is the task id), read from the task's deployment: the
 * input fields the user fills in, and the read-only fields that show what the process knows.
 */
@Component
public class TaskForms {

  /**
   * @param choiceVariables the variables a select's options come from ({@code valuesExpression}s naming
   *     {@code <group>Choices}, see {@link FormDisplay})
   */
  public record Form(List<String> inputFields, List<String> readOnlyFields, List<String> choiceVariables) {
  }

  private final RepositoryService repositoryService;
  private final IdentityService identityService;
  private final ObjectMapper json = new ObjectMapper();
  private final Map<String, Optional<Form>> forms = new ConcurrentHashMap<>();

  public TaskForms(@Lazy RepositoryService repositoryService, @Lazy IdentityService identityService) {
    this.repositoryService = repositoryService;
    this.identityService = identityService;
  }

  /**
   * The form of task {@code taskDefinitionKey} in the process definition, if the deployment has one. Read as the
   * system: the form belongs to the program, and whoever works the task may not read deployments.
   */
  public Optional<Form> of(String processDefinitionId, String taskDefinitionKey) {
    return forms.computeIfAbsent(processDefinitionId + "/" + taskDefinitionKey,
        key -> readAsSystem(processDefinitionId, taskDefinitionKey));
  }

  private Optional<Form> readAsSystem(String processDefinitionId, String formId) {
    Authentication caller = identityService.getCurrentAuthentication();
    identityService.clearAuthentication();
    try {
      return read(repositoryService.getProcessDefinition(processDefinitionId).getDeploymentId(), formId);
    } finally {
      if (caller != null) {
        identityService.setAuthentication(caller);
      }
    }
  }

  private Optional<Form> read(String deploymentId, String formId) {
    for (var resource : repositoryService.getDeploymentResources(deploymentId)) {
      if (resource.getName().endsWith(formId + ".form")) {
        try (InputStream in = repositoryService.getResourceAsStream(deploymentId, resource.getName())) {
          List<String> input = new ArrayList<>();
          List<String> readOnly = new ArrayList<>();
          List<String> choices = new ArrayList<>();
          collect(json.readTree(in), input, readOnly, choices);
          return Optional.of(new Form(List.copyOf(input), List.copyOf(readOnly), List.copyOf(choices)));
        } catch (IOException e) {
          throw new IllegalStateException("Form " + resource.getName() + " is not readable", e);
        }
      }
    }
    return Optional.empty();
  }

  private static final Pattern CHOICES = Pattern.compile("\\b[a-z][A-Za-z]*Choices\\b");

  private static void collect(JsonNode container, List<String> input, List<String> readOnly, List<String> choices) {
    container.path("components").forEach(component -> {
      if (component.has("key")) {
        (component.path("readonly").asBoolean(false) ? readOnly : input).add(component.get("key").asText());
      }
      CHOICES.matcher(component.path("valuesExpression").asText("")).results().map(m -> m.group())
          .filter(name -> !choices.contains(name)).forEach(choices::add);
      collect(component, input, readOnly, choices);
    });
  }
}
