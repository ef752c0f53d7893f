package org.partnerlifecycle.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.Resource;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.partnerlifecycle.support.ApplicationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every BPMN of processes/ and every form of forms/ is deployed, and every user task's formRef names a deployed
 * form (the starter does not deploy .form files by default, see ENGINEERING.md).
 */
@ApplicationTest
class DeployedFormsTest {

  @Autowired
  RepositoryService repositoryService;

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void everyProcessFileIsDeployed() throws IOException {
    Set<String> deployedKeys = new HashSet<>();
    repositoryService.createProcessDefinitionQuery().latestVersion().list()
        .forEach(definition -> deployedKeys.add(definition.getKey()));
    List<Path> processFiles = files("processes", ".bpmn");
    assertThat(processFiles).isNotEmpty();
    for (Path file : processFiles) {
      for (org.camunda.bpm.model.bpmn.instance.Process process : Bpmn.readModelFromFile(file.toFile())
          .getModelElementsByType(org.camunda.bpm.model.bpmn.instance.Process.class)) {
        assertThat(deployedKeys).as(file.toString()).contains(process.getId());
      }
    }
  }

  /**
   * Cockpit and Camunda Modeler show element names raw: they are static words, and a user task's case (partner,
   * customer, value) comes from its taskName property, which the engine evaluates when it creates the task.
   */
  @Test
  void elementNamesAreStaticWords() throws IOException {
    for (Path file : files("processes", ".bpmn")) {
      for (org.camunda.bpm.model.bpmn.instance.FlowElement element : Bpmn.readModelFromFile(file.toFile())
          .getModelElementsByType(org.camunda.bpm.model.bpmn.instance.FlowElement.class)) {
        assertThat(String.valueOf(element.getName())).as(file + " " + element.getId()).doesNotContain("${");
      }
    }
  }

  @Test
  void everyFormFileIsDeployed() throws IOException {
    Set<String> deployedFormIds = deployedFormIds();
    for (Path file : files("forms", ".form")) {
      assertThat(deployedFormIds).as(file.toString()).contains(json.readTree(file.toFile()).get("id").asText());
    }
  }

  @Test
  void everyUserTaskHasADeployedForm() throws IOException {
    Set<String> deployedFormIds = deployedFormIds();
    List<String> missing = new ArrayList<>();
    int userTasks = 0;
    for (ProcessDefinition definition : repositoryService.createProcessDefinitionQuery().latestVersion().list()) {
      for (UserTask task : repositoryService.getBpmnModelInstance(definition.getId())
          .getModelElementsByType(UserTask.class)) {
        userTasks++;
        String formRef = task.getCamundaFormRef();
        if (!deployedFormIds.contains(formRef)) {
          missing.add(definition.getKey() + "/" + task.getId() + " -> " + formRef);
        }
      }
    }
    assertThat(userTasks).isPositive();
    assertThat(missing).as("user tasks whose camunda:formRef has no deployed form").isEmpty();
  }

  private Set<String> deployedFormIds() throws IOException {
    Set<String> ids = new HashSet<>();
    for (var deployment : repositoryService.createDeploymentQuery().list()) {
      for (Resource resource : repositoryService.getDeploymentResources(deployment.getId())) {
        if (resource.getName().endsWith(".form")) {
          try (InputStream in = repositoryService.getResourceAsStream(deployment.getId(), resource.getName())) {
            ids.add(json.readTree(in).get("id").asText());
          }
        }
      }
    }
    return ids;
  }

  private static List<Path> files(String directory, String suffix) throws IOException {
    try (Stream<Path> paths = Files.walk(Path.of(directory))) {
      return paths.filter(p -> p.toString().endsWith(suffix)).toList();
    }
  }
}
