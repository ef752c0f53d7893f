package org.partnerlifecycle.platform;

import java.util.ArrayList;
import java.util.LinkedHashMap;
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
 * Tasklist filters for a day's work, each visible only to the groups it is for (no "All tasks" filter): for every
 * staff member "My tasks", "My tasks, overdue" and "My tasks, due today"; for every role (one line of
 * {@link #ROLES}) its group's unclaimed tasks, its group's overdue tasks and its group's tasks due today; for
 * partner managers, their queues by process ({@link #QUEUES}). Every filter auto-refreshes ({@code refresh}), and
 * Tasklist's custom script {@code scripts/filter-counts.js} shows each filter's count beside its name (Tasklist
 * itself counts only the selected filter). Created at startup when missing; an admin may edit them afterwards and
 * the edit is kept. Filters of earlier releases ({@link #RETIRED}) are removed.
 */
@Component
class TasklistFilters {

  /** A role working in Tasklist: its group and how its filters are named ("Leadership: unclaimed"). */
  record Role(String group, String label, String color) {
  }

  /** A partner-manager queue: the group's tasks (claimed or not) of one process. */
  record Queue(String group, String name, String description, String... processKeys) {
  }

  record FilterDefinition(String name, String description, int priority, String color, List<String> groups,
      Supplier<TaskQuery> query) {
  }

  /** One line per role that works in Tasklist. */
  static final List<Role> ROLES = List.of(
      new Role(StaffGroups.PARTNER_MANAGERS, "Partner managers", "#1f6f8b"),
      new Role(StaffGroups.LEADERSHIP, "Leadership", "#7b3f98"),
      new Role(StaffGroups.FINANCE, "Finance", "#2e7d32"));

  static final List<Queue> QUEUES = List.of(
      new Queue(StaffGroups.PARTNER_MANAGERS, "Applications and onboarding", "Partner applications and onboarding",
          PartnerOnboardingProcess.KEY),
      new Queue(StaffGroups.PARTNER_MANAGERS, "Deal registrations", "Deal reviews and protection extensions",
          DealRegistrationProcess.KEY),
      new Queue(StaffGroups.PARTNER_MANAGERS, "Tier reviews", "Commitments to record and tier changes to confirm",
          TierReviewProcess.KEY),
      new Queue(StaffGroups.PARTNER_MANAGERS, "Warnings", "Private warnings to send or dismiss",
          WarningEscalationProcess.KEY),
      new Queue(StaffGroups.PARTNER_MANAGERS, "Partner engagement", "Business reviews and at-risk partners",
          BusinessReviewProcess.KEY, PartnerHealthProcess.KEY),
      new Queue(StaffGroups.PARTNER_MANAGERS, "MDF", "Market development fund requests and claims",
          MdfRequestProcess.KEY));

  /** Names of filters earlier releases created, removed at startup. */
  static final List<String> RETIRED = List.of("Applications", "My deal reviews", "Overdue (SLA passed)",
      "Leadership approvals", "Finance");

  static final String NOW = "${now()}";
  static final String END_OF_TODAY = "${dateTime().withTimeAtStartOfDay().plusDays(1).toDate()}";

  private final FilterService filterService;
  private final TaskService taskService;
  private final StaffAuthorizations authorizations;

  TasklistFilters(FilterService filterService, TaskService taskService, StaffAuthorizations authorizations) {
    this.filterService = filterService;
    this.taskService = taskService;
    this.authorizations = authorizations;
  }

  List<FilterDefinition> definitions() {
    List<String> staff = ROLES.stream().map(Role::group).toList();
    List<FilterDefinition> filters = new ArrayList<>(List.of(
        new FilterDefinition("My tasks", "Tasks assigned to me", -30, "#333333", staff, this::mine),
        new FilterDefinition("My tasks, overdue", "My tasks past their due date", -29, "#b00020", staff,
            () -> mine().dueBeforeExpression(NOW)),
        new FilterDefinition("My tasks, due today", "My tasks due before midnight, overdue ones included", -28,
            "#b35c00", staff, () -> mine().dueBeforeExpression(END_OF_TODAY))));
    int priority = 0;
    for (Role role : ROLES) {
      filters.add(new FilterDefinition(role.label() + ": unclaimed", "Tasks of " + role.group()
          + " nobody has claimed yet: claim one to work on it", priority++, role.color(), List.of(role.group()),
          () -> group(role.group()).taskUnassigned()));
      filters.add(new FilterDefinition(role.label() + ": overdue", "Tasks of " + role.group()
          + " past their due date, claimed or not", priority++, "#b00020", List.of(role.group()),
          () -> group(role.group()).includeAssignedTasks().dueBeforeExpression(NOW)));
      filters.add(new FilterDefinition(role.label() + ": due today", "Tasks of " + role.group()
          + " due before midnight, claimed or not", priority++, "#b35c00", List.of(role.group()),
          () -> group(role.group()).includeAssignedTasks().dueBeforeExpression(END_OF_TODAY)));
    }
    for (Queue queue : QUEUES) {
      filters.add(new FilterDefinition(queue.name(), queue.description(), priority++, "#555555",
          List.of(queue.group()),
          () -> group(queue.group()).includeAssignedTasks().processDefinitionKeyIn(queue.processKeys())));
    }
    return filters;
  }

  private TaskQuery mine() {
    return taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}");
  }

  private TaskQuery group(String group) {
    return taskService.createTaskQuery().taskCandidateGroup(group);
  }

  public void ensureFilters() {
    for (String retired : RETIRED) {
      Filter old = filterService.createFilterQuery().filterName(retired).singleResult();
      if (old != null) {
        filterService.deleteFilter(old.getId());
      }
    }
    for (FilterDefinition definition : definitions()) {
      Filter filter = filterService.createFilterQuery().filterName(definition.name()).singleResult();
      if (filter == null) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("description", definition.description());
        properties.put("priority", definition.priority());
        properties.put("color", definition.color());
        properties.put("refresh", true);
        filter = filterService.newTaskFilter(definition.name()).setQuery(definition.query().get())
            .setProperties(properties);
        filterService.saveFilter(filter);
      }
      authorizations.grantRead(Resources.FILTER, filter.getId(), definition.groups());
    }
  }
}
