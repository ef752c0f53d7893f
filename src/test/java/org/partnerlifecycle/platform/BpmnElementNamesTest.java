package org.partnerlifecycle.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * BPMN element names are static words (issue 26): Cockpit, Camunda Modeler and the audit console's diagrams show them
 * raw, so an expression there shows as {@code ${partnerName}}. A case's name is set by the engine from the task's
 * {@code taskName} property (engine/DynamicTaskNames).
 */
class BpmnElementNamesTest {

  @Test
  void noElementNameInProcessesHoldsAnExpression() throws Exception {
    List<String> offenders = new ArrayList<>();
    List<Path> models;
    try (Stream<Path> files = Files.list(Path.of("processes"))) {
      models = files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList();
    }
    assertThat(models).hasSizeGreaterThanOrEqualTo(6);
    int named = 0;
    for (Path model : models) {
      NodeList all = parse(model).getElementsByTagName("*");
      for (int i = 0; i < all.getLength(); i++) {
        Element element = (Element) all.item(i);
        if (element.getNamespaceURI() != null && element.getNamespaceURI().contains("camunda")) {
          continue; // camunda:property name="taskName" value="…${…}…" is the dynamic name, not the element's
        }
        String name = element.getAttribute("name");
        if (!name.isEmpty()) {
          named++;
          if (name.contains("${") || name.contains("#{")) {
            offenders.add(model.getFileName() + ": " + element.getLocalName() + " " + element.getAttribute("id")
                + " is named \"" + name + "\"");
          }
        }
      }
    }
    assertThat(named).as("elements with a name").isGreaterThan(50);
    assertThat(offenders).isEmpty();
  }

  private static Document parse(Path model) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    try (var in = Files.newInputStream(model)) {
      return factory.newDocumentBuilder().parse(in);
    } catch (IOException e) {
      throw new IllegalStateException(model.toString(), e);
    }
  }
}
