package org.partnerlifecycle.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
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
  /** Per process definition; definitions never change, so neither does what their forms show. */
  private final Map<String, Set<String>> displayFacts = new ConcurrentHashMap<>();

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
    return asSystem(() -> read(repositoryService.getProcessDefinition(processDefinitionId).getDeploymentId(), formId));
  }

  private <T> T asSystem(Supplier<T> read) {
    Authentication caller = identityService.getCurrentAuthentication();
    identityService.clearAuthentication();
    try {
      return read.get();
    } finally {
      if (caller != null) {
        identityService.setAuthentication(caller);
      }
    }
  }

  /**
   * The variables the forms of the process definition's deployment only show, never take in: their read-only
   * fields, the variables a read-only {@code <name>Text} field words ({@link FormDisplay}), and select choices —
   * less every input field of any of those forms.
   */
  public Set<String> displayFacts(String processDefinitionId) {
    return displayFacts.computeIfAbsent(processDefinitionId, this::readDisplayFacts);
  }

  private Set<String> readDisplayFacts(String processDefinitionId) {
    return asSystem(() -> {
      String deploymentId = repositoryService.getProcessDefinition(processDefinitionId).getDeploymentId();
      Set<String> shown = new HashSet<>();
      Set<String> taken = new HashSet<>();
      for (var resource : repositoryService.getDeploymentResources(deploymentId)) {
        if (resource.getName().endsWith(".form")) {
          Form form = parse(deploymentId, resource.getName());
          taken.addAll(form.inputFields());
          shown.addAll(form.choiceVariables());
          for (String field : form.readOnlyFields()) {
            shown.add(field);
            String worded = FormDisplay.wordedBy(field);
            if (worded != null) {
              shown.add(worded);
            }
          }
        }
      }
      shown.removeAll(taken);
      return Set.copyOf(shown);
    });
  }

  private Optional<Form> read(String deploymentId, String formId) {
    for (var resource : repositoryService.getDeploymentResources(deploymentId)) {
      if (resource.getName().endsWith(formId + ".form")) {
        return Optional.of(parse(deploymentId, resource.getName()));
      }
    }
    return Optional.empty();
  }

  private Form parse(String deploymentId, String resourceName) {
    try (InputStream in = repositoryService.getResourceAsStream(deploymentId, resourceName)) {
      List<String> input = new ArrayList<>();
      List<String> readOnly = new ArrayList<>();
      List<String> choices = new ArrayList<>();
      collect(json.readTree(in), input, readOnly, choices);
      return new Form(List.copyOf(input), List.copyOf(readOnly), List.copyOf(choices));
    } catch (IOException e) {
      throw new IllegalStateException("Form " + resourceName + " is not readable", e);
    }
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
