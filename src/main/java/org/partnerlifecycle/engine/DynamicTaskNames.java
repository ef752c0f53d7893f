package org.partnerlifecycle.engine;

import java.util.Map;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseUtil;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * A user task's name says which case it is about ("Review deal registration — Acme Learning / Globex, $48,000"),
 * while its BPMN element name stays a static word: Cockpit and Camunda Modeler show element names raw. The
 * case's name is the task's {@code camunda:property name="taskName"}, an expression the engine evaluates when it
 * creates the task, as it would a name with {@code ${…}}.
 */
@Component
class DynamicTaskNames extends AbstractProcessEnginePlugin {

  static final String TASK_NAME_PROPERTY = "taskName";

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    UserTaskParsing.onEveryUserTask(configuration, (userTaskElement, definition) -> {
      Map<String, String> properties = userTaskElement.element("extensionElements") == null ? null
          : BpmnParseUtil.parseCamundaExtensionProperties(userTaskElement);
      String template = properties == null ? null : properties.get(TASK_NAME_PROPERTY);
      if (template != null) {
        definition.setNameExpression(configuration.getExpressionManager().createExpression(template));
      }
    });
  }
}
