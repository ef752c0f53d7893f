package org.partnerlifecycle.engine;

import java.util.ArrayList;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;

/** Adds to every user task the engine parses (after its own parsing), from a process engine plugin's preInit. */
public final class UserTaskParsing {

  /** What to do with a parsed user task: its BPMN element and its task definition (listeners, name, ...). */
  public interface Step {
    void parsed(Element userTaskElement, TaskDefinition definition);
  }

  private UserTaskParsing() {
  }

  public static void onEveryUserTask(ProcessEngineConfigurationImpl configuration, Step step) {
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
    }
    configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        step.parsed(userTaskElement,
            ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition());
      }
    });
  }
}
