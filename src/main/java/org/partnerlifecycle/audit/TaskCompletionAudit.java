package org.partnerlifecycle.audit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.partnerlifecycle.engine.ReadTimeFormFacts;
import org.partnerlifecycle.engine.TaskActor;
import org.partnerlifecycle.engine.TaskForms;
import org.partnerlifecycle.engine.UserTaskParsing;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Every user task's completion leaves an audit record in the completing transaction: who, which task, and the
 * values submitted through its form (the form's input fields, read from the deployed form). Added to every user
 * task when BPMN is parsed, after the task's own checking listener.
 */
@Component
public class TaskCompletionAudit extends AbstractProcessEnginePlugin implements TaskListener {

  private final AuditLog audit;
  private final RepositoryService repositoryService;
  private final TaskForms forms;
  private final ObjectProvider<AuditedProcess> processes;
  private final ReadTimeFormFacts formFacts;

  public TaskCompletionAudit(AuditLog audit, @Lazy RepositoryService repositoryService, TaskForms forms,
      ObjectProvider<AuditedProcess> processes, ReadTimeFormFacts formFacts) {
    this.formFacts = formFacts;
    this.audit = audit;
    this.repositoryService = repositoryService;
    this.forms = forms;
    this.processes = processes;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    UserTaskParsing.onEveryUserTask(configuration,
        (userTaskElement, definition) -> definition.addTaskListener(TaskListener.EVENTNAME_COMPLETE, this));
  }

  @Override
  public void notify(DelegateTask task) {
    ProcessDefinition definition = repositoryService.getProcessDefinition(task.getProcessDefinitionId());
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("task", task.getName());
    details.put("taskId", task.getId());
    for (String field : forms.of(task.getProcessDefinitionId(), task.getTaskDefinitionKey())
        .map(TaskForms.Form::inputFields).orElse(List.of())) {
      details.put(field, task.getVariable(field));
    }
    // What the form showed that no process variable keeps (the deal's review facts): the record keeps it instead.
    Map<String, Object> shown = formFacts.shownTo((TaskEntity) task);
    if (!shown.isEmpty()) {
      details.put("shown", shown);
    }
    AuditLog.Subject subject = processes.stream().filter(process -> process.processKey().equals(definition.getKey()))
        .map(AuditedProcess::subject).findFirst().orElse(AuditLog.Subject.PARTNER);
    audit.append(TaskActor.of(task), "task.complete " + task.getTaskDefinitionKey(), subject,
        task.getExecution().getProcessBusinessKey(), task.getProcessInstanceId(), details);
  }
}
