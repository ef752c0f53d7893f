package org.partnerlifecycle.engine;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.springframework.stereotype.Component;

/**
 * The engine's history level: FULL, except that writing a display fact leaves no {@code ACT_HI_DETAIL} row. A
 * display fact is a variable the forms only show (see {@link TaskForms#displayFacts}): the process's wording of
 * what our own tables and audit records hold (partner name, standing, rate explanation…). Its value stays in
 * {@code ACT_HI_VARINST} and Cockpit's history; only the per-write detail rows go, which for facts written once
 * repeat that value, and which are among the costliest rows an intake writes (the most WAL per row). Every input
 * field of a form, and every variable no form shows, keeps its detail history.
 *
 * <p>The level keeps FULL's id and name: the database's {@code historyLevel} property stays 3, so an engine
 * database made at FULL runs with it, and back, without a migration.
 */
@Component
class DisplayFactsHistory extends AbstractProcessEnginePlugin implements HistoryLevel {

  private final TaskForms forms;

  DisplayFactsHistory(TaskForms forms) {
    this.forms = forms;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    // The engine picks the last level whose name is the configured one ("full"); custom levels come after its own.
    List<HistoryLevel> custom = new ArrayList<>();
    if (configuration.getCustomHistoryLevels() != null) {
      custom.addAll(configuration.getCustomHistoryLevels());
    }
    custom.add(this);
    configuration.setCustomHistoryLevels(custom);
  }

  @Override
  public int getId() {
    return HISTORY_LEVEL_FULL.getId();
  }

  @Override
  public String getName() {
    return HISTORY_LEVEL_FULL.getName();
  }

  /** The engine asks {@code level.equals(HISTORY_LEVEL_FULL)}, e.g. for what its history managers keep. */
  @Override
  public boolean equals(Object other) {
    return other instanceof HistoryLevel level && level.getId() == getId();
  }

  @Override
  public int hashCode() {
    return getId();
  }

  @Override
  public String toString() {
    return "FULL without detail rows for display facts";
  }

  @Override
  public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
    if (eventType != HistoryEventTypes.VARIABLE_INSTANCE_UPDATE_DETAIL
        || !(entity instanceof HistoricVariableUpdateEventEntity write) || write.getProcessDefinitionId() == null) {
      return true;
    }
    return !forms.displayFacts(write.getProcessDefinitionId()).contains(write.getVariableName());
  }
}
