package org.partnerlifecycle.engine;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * A user task ends by its completion, which its listener checks and records. Camunda also lets whoever may work a
 * task throw a BPMN error or escalation from it ({@code /engine-rest/task/{id}/bpmnError}, {@code bpmnEscalation}).
 * Our processes catch none from a user task: a partner manager's BPMN error ended a deal's process with no decision
 * recorded (the deal stayed IN_REVIEW, with no process and no task), and an escalation answered 500. Both commands
 * are refused, for every caller (400).
 */
@Component
class UserTasksEndByCompletion extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<CommandInterceptor> interceptors = new ArrayList<>();
    if (configuration.getCustomPreCommandInterceptorsTxRequired() != null) {
      interceptors.addAll(configuration.getCustomPreCommandInterceptorsTxRequired());
    }
    interceptors.add(new CommandInterceptor() {
      @Override
      public <T> T execute(Command<T> command) {
        if (command instanceof HandleTaskBpmnErrorCmd || command instanceof HandleTaskEscalationCmd) {
          throw new BadUserRequestException("A user task here ends only by its completion, with its form's "
              + "decision: no process catches a BPMN error or escalation from it");
        }
        return next.execute(command);
      }
    });
    configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
  }
}
