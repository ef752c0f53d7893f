package org.partnerlifecycle.engine;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.form.TaskFormData;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.form.FormFieldImpl;
import org.camunda.bpm.engine.impl.form.handler.TaskFormHandler;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Hands a process's {@link FormFacts} to its tasks' forms when their variables are read: the engine's
 * {@code form-variables} (Tasklist's Camunda Forms read them there, through {@code /camunda/api/engine} and
 * {@code /engine-rest} alike) puts a task's form fields before its variables, so every user task's form handler
 * adds the facts as fields, each unless the task sees a variable of its name. Submitting a form is left to the
 * engine's own handler: read-only fields sent back are dropped anyway ({@link TaskGuards}).
 */
@Component
public class ReadTimeFormFacts extends AbstractProcessEnginePlugin {

  private final ObjectProvider<FormFacts> facts;

  ReadTimeFormFacts(ObjectProvider<FormFacts> facts) {
    this.facts = facts;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    UserTaskParsing.onEveryUserTask(configuration, (userTaskElement, definition) ->
        definition.setTaskFormHandler(new WithFacts(definition.getTaskFormHandler())));
  }

  /** The facts the task's form shows beside the task's variables (none for a process without {@link FormFacts}). */
  public Map<String, Object> shownTo(TaskEntity task) {
    ProcessDefinitionEntity definition = task.getProcessDefinition();
    if (definition == null || task.getProcessInstance() == null) {
      return Map.of();
    }
    Map<String, Object> shown = new LinkedHashMap<>();
    facts.stream().filter(provider -> provider.processKey().equals(definition.getKey())).findFirst()
        .ifPresent(provider -> provider.of(task.getProcessInstance().getBusinessKey()).forEach((name, value) -> {
          if (!task.hasVariable(name)) {
            shown.put(name, value);
          }
        }));
    return shown;
  }

  private static TypedValue typed(Object value) {
    if (value instanceof Boolean flag) {
      return Variables.booleanValue(flag);
    }
    if (value instanceof Number number) {
      return Variables.doubleValue(number.doubleValue());
    }
    return Variables.stringValue(value == null ? null : value.toString());
  }

  /** The engine's handler, with the facts added to the form data it creates. */
  private final class WithFacts implements TaskFormHandler {

    private final TaskFormHandler engines;

    WithFacts(TaskFormHandler engines) {
      this.engines = engines;
    }

    @Override
    public TaskFormData createTaskForm(TaskEntity task) {
      TaskFormData form = engines.createTaskForm(task);
      shownTo(task).forEach((name, value) -> {
        FormFieldImpl field = new FormFieldImpl();
        field.setId(name);
        field.setValue(typed(value));
        form.getFormFields().add(field);
      });
      return form;
    }

    @Override
    public void parseConfiguration(Element activityElement, DeploymentEntity deployment,
        ProcessDefinitionEntity processDefinition, BpmnParse bpmnParse) {
      engines.parseConfiguration(activityElement, deployment, processDefinition, bpmnParse);
    }

    @Override
    public void submitFormVariables(VariableMap properties, VariableScope variableScope) {
      engines.submitFormVariables(properties, variableScope);
    }
  }
}
