package org.partnerlifecycle.platform;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.partnerlifecycle.deal.process.DealRegistrationProcess;
import org.partnerlifecycle.engagement.process.BusinessReviewProcess;
import org.partnerlifecycle.health.process.PartnerHealthProcess;
import org.partnerlifecycle.mdf.process.MdfRequestProcess;
import org.partnerlifecycle.partner.process.PartnerOnboardingProcess;
import org.partnerlifecycle.security.StaffAuthorizations;
import org.partnerlifecycle.security.StaffGroups;
import org.partnerlifecycle.tier.process.TierReviewProcess;
import org.partnerlifecycle.warning.process.WarningEscalationProcess;
import org.springframework.stereotype.Component;

/**
 * Tasklist filters per role, each visible only to the groups it is for (no "All tasks" filter).
 * Created at startup when missing; an admin may edit them afterwards and the edit is kept.
 */
@Component
class TasklistFilters {

  record FilterDefinition(String name, String description, int priority, List<String> groups,
      Supplier<TaskQuery> query) {
  }

  private final FilterService filterService;
  private final TaskService taskService;
  private final StaffAuthorizations authorizations;

  TasklistFilters(FilterService filterService, TaskService taskService, StaffAuthorizations authorizations) {
    this.filterService = filterService;
    this.taskService = taskService;
    this.authorizations = authorizations;
  }

  List<FilterDefinition> definitions() {
    List<String> staff = List.of(StaffGroups.PARTNER_MANAGERS, StaffGroups.LEADERSHIP, StaffGroups.FINANCE);
    List<String> managers = List.of(StaffGroups.PARTNER_MANAGERS);
    return List.of(
        new FilterDefinition("My tasks", "Tasks assigned to me", -10, staff,
            () -> taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}")),
        new FilterDefinition("Applications", "Partner applications and onboarding", 0, managers,
            () -> managersQueue().processDefinitionKey(PartnerOnboardingProcess.KEY)),
        new FilterDefinition("My deal reviews", "Deal registrations waiting for a partner manager", 1, managers,
            () -> managersQueue().processDefinitionKey(DealRegistrationProcess.KEY)),
        new FilterDefinition("Overdue (SLA passed)", "Partner-manager tasks past their due date", 2, managers,
            () -> managersQueue().dueBeforeExpression("${now()}")),
        new FilterDefinition("Tier reviews", "Tier changes to confirm", 3, managers,
            () -> managersQueue().processDefinitionKey(TierReviewProcess.KEY)),
        new FilterDefinition("Warnings", "Warning escalations", 4, managers,
            () -> managersQueue().processDefinitionKey(WarningEscalationProcess.KEY)),
        new FilterDefinition("Partner engagement", "Business reviews and at-risk partners", 5, managers,
            () -> managersQueue().processDefinitionKeyIn(BusinessReviewProcess.KEY, PartnerHealthProcess.KEY)),
        new FilterDefinition("MDF", "Market development fund requests and claims", 6, managers,
            () -> managersQueue().processDefinitionKey(MdfRequestProcess.KEY)),
        new FilterDefinition("Leadership approvals", "Negotiated rates, Strategic placements, removals, payout runs, "
            + "MDF requests from $5,000", 0,
            List.of(StaffGroups.LEADERSHIP),
            () -> taskService.createTaskQuery().taskCandidateGroup(StaffGroups.LEADERSHIP).includeAssignedTasks()),
        new FilterDefinition("Finance", "Overdue partner statements and MDF reimbursements to chase", 0, List.of(StaffGroups.FINANCE),
            () -> taskService.createTaskQuery().taskCandidateGroup(StaffGroups.FINANCE).includeAssignedTasks()));
  }

  private TaskQuery managersQueue() {
    return taskService.createTaskQuery().taskCandidateGroup(StaffGroups.PARTNER_MANAGERS).includeAssignedTasks();
  }

  public void ensureFilters() {
    for (FilterDefinition definition : definitions()) {
      Filter filter = filterService.createFilterQuery().filterName(definition.name()).singleResult();
      if (filter == null) {
        filter = filterService.newTaskFilter(definition.name())
            .setQuery(definition.query().get())
            .setProperties(Map.of("description", definition.description(), "priority", definition.priority(),
                "refresh", true));
        filterService.saveFilter(filter);
      }
      authorizations.grantRead(Resources.FILTER, filter.getId(), definition.groups());
    }
  }
}
