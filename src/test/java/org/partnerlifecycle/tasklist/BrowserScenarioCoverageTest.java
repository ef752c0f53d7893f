package org.partnerlifecycle.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.NodeList;

/**
 * The browser test covers every user task of {@code processes/*.bpmn}: a task added to a process without a scenario
 * in {@link TaskScenarios} fails here, without a browser.
 */
class BrowserScenarioCoverageTest {

  static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";

  static Set<String> userTaskIds() throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    Set<String> ids = new TreeSet<>();
    List<Path> models;
    try (Stream<Path> files = Files.list(Path.of("processes"))) {
      models = files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList();
    }
    assertThat(models).isNotEmpty();
    for (Path model : models) {
      NodeList tasks = factory.newDocumentBuilder().parse(model.toFile()).getElementsByTagNameNS(BPMN, "userTask");
      for (int i = 0; i < tasks.getLength(); i++) {
        ids.add(tasks.item(i).getAttributes().getNamedItem("id").getNodeValue());
      }
    }
    return ids;
  }

  @Test
  void everyUserTaskOfTheProcessesHasABrowserScenario() throws Exception {
    Set<String> ids = userTaskIds();
    assertThat(ids).as("the processes' user tasks").hasSizeGreaterThanOrEqualTo(21);
    List<String> scenarios = TaskScenarios.ALL.stream().map(TaskScenarios.Scenario::taskKey).toList();
    assertThat(scenarios).as("TaskScenarios: one scenario per user task id of processes/*.bpmn")
        .containsExactlyInAnyOrderElementsOf(ids);
  }
}
