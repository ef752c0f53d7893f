package org.partnerlifecycle.engine;

import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * The one way into the engine for the capabilities' process contracts (e.g.
 * {@code deal.process.DealRegistrationProcess}): start a process, deliver a message. Keeps engine API use in one
 * thin place (ENGINEERING.md: a move to the API-compatible fork stays a rename). Knows no process of its own.
 */
@Component
public class ProcessAdapter {

  private final RuntimeService runtimeService;

  public ProcessAdapter(RuntimeService runtimeService) {
    this.runtimeService = runtimeService;
  }

  public String start(String processKey, String businessKey, Map<String, Object> variables) {
    ProcessInstance instance = runtimeService.startProcessInstanceByKey(processKey, businessKey, variables);
    return instance.getId();
  }

  /**
   * Delivers a message to the instances with this business key waiting for it (message names are unique across
   * our processes). @return whether one was waiting
   */
  public boolean deliver(String businessKey, String message, Map<String, Object> variables) {
    return !runtimeService.createMessageCorrelation(message)
        .processInstanceBusinessKey(businessKey)
        .setVariables(variables)
        .correlateAllWithResult()
        .isEmpty();
  }

  /** Whether an instance of {@code processKey} with this business key runs. */
  public boolean isRunning(String processKey, String businessKey) {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey(processKey)
        .processInstanceBusinessKey(businessKey).count() > 0;
  }

  /** The business keys of the running instances of {@code processKey}. */
  public java.util.Set<String> runningBusinessKeys(String processKey) {
    java.util.Set<String> keys = new java.util.HashSet<>();
    runtimeService.createProcessInstanceQuery().processDefinitionKey(processKey).list()
        .forEach(instance -> keys.add(instance.getBusinessKey()));
    return keys;
  }

  /** Sets variables on the running instance of {@code processKey} with this business key, if there is one. */
  public void setVariables(String processKey, String businessKey, Map<String, Object> variables) {
    runtimeService.createProcessInstanceQuery().processDefinitionKey(processKey).processInstanceBusinessKey(businessKey)
        .active().list().forEach(instance -> runtimeService.setVariables(instance.getId(), variables));
  }
}
