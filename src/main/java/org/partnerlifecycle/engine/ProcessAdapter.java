package org.partnerlifecycle.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * The one way into the engine for the capabilities' process contracts (e.g.
 * {@code deal.process.DealRegistrationProcess}): start a process, deliver a message. Keeps engine API use in one
 * thin place (ENGINEERING.md: a move to the API-compatible fork stays a rename). Knows no process of its own.
 */
@Component
public class ProcessAdapter extends AbstractProcessEnginePlugin {

  /**
   * How long a key's latest definition is taken as known. A deployment through this node forgets them at once; one
   * through another node (REST deployments, where allowed) starts here within this time.
   */
  static final long LATEST_KNOWN_NANOS = TimeUnit.SECONDS.toNanos(30);

  private record Latest(String definitionId, long lookedUpAt) {
  }

  private final RuntimeService runtimeService;
  /**
   * The latest definition per key. Starting by key would query it on every start (an intake's one engine query
   * that is not a write); by id, the engine takes the definition from its deployment cache.
   */
  private final Map<String, Latest> latest = new ConcurrentHashMap<>();

  private ProcessEngineConfigurationImpl configuration;

  public ProcessAdapter(@Lazy RuntimeService runtimeService) {
    this.runtimeService = runtimeService;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    this.configuration = configuration;
    List<Deployer> deployers = new ArrayList<>();
    if (configuration.getCustomPostDeployers() != null) {
      deployers.addAll(configuration.getCustomPostDeployers());
    }
    deployers.add(deployment -> latest.clear());
    configuration.setCustomPostDeployers(deployers);
  }

  /** Starts the latest version of the process, as {@code startProcessInstanceByKey} would. */
  public String start(String processKey, String businessKey, Map<String, Object> variables) {
    long now = System.nanoTime();
    Latest known = latest.get(processKey);
    if (known == null || now - known.lookedUpAt() > LATEST_KNOWN_NANOS) {
      // As the start by key looks it up: whoever starts needs no read permission on definitions, only to start one.
      ProcessDefinition definition = configuration.getCommandExecutorTxRequired().execute(context -> context
          .getProcessEngineConfiguration().getDeploymentCache().findDeployedLatestProcessDefinitionByKey(processKey));
      known = new Latest(definition.getId(), now);
      latest.put(processKey, known);
    }
    return runtimeService.startProcessInstanceById(known.definitionId(), businessKey, variables).getId();
  }

  /**
   * Runs {@code work} (process starts, our own statements) as one engine command in one transaction: the engine
   * flushes once, so the driver batches the inserts of all the instances {@code work} starts, and commits once. The
   * starts inside join it (a command within a command reuses its context).
   */
  public <T> T together(Supplier<T> work) {
    return configuration.getCommandExecutorTxRequired().execute(context -> work.get());
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
