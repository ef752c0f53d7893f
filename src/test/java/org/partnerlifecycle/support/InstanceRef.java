package org.partnerlifecycle.support;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/**
 * A process instance found through history, so camunda-bpm-assert can check instances that a service started and
 * that may already have ended (the runtime query no longer finds those).
 */
public record InstanceRef(String id, String businessKey, String processDefinitionId, String processDefinitionKey)
    implements ProcessInstance {

  /** The latest instance of {@code processKey} with this business key. */
  public static InstanceRef latest(ProcessEngine engine, String processKey, String businessKey) {
    HistoricProcessInstance h = engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey(processKey).processInstanceBusinessKey(businessKey)
        .orderByProcessInstanceStartTime().desc().list().get(0);
    return new InstanceRef(h.getId(), h.getBusinessKey(), h.getProcessDefinitionId(), h.getProcessDefinitionKey());
  }

  @Override
  public String getId() {
    return id;
  }

  @Override
  public String getProcessInstanceId() {
    return id;
  }

  @Override
  public String getBusinessKey() {
    return businessKey;
  }

  @Override
  public String getProcessDefinitionId() {
    return processDefinitionId;
  }

  @Override
  public String getProcessDefinitionKey() {
    return processDefinitionKey;
  }

  @Override
  public String getRootProcessInstanceId() {
    return id;
  }

  @Override
  public String getCaseInstanceId() {
    return null;
  }

  @Override
  public String getTenantId() {
    return null;
  }

  @Override
  public boolean isSuspended() {
    return false;
  }

  /** Not known without a query; assertions ask the engine instead. */
  @Override
  public boolean isEnded() {
    return false;
  }
}
