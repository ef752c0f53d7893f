package org.partnerlifecycle.security;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Component;

/**
 * The staff groups and their least-privilege grants (README, "Roles and authorizations").
 * Work on a task comes only from being its candidate (the engine grants TASK_WORK to candidate groups,
 * see {@code defaultUserPermissionNameForTask}); nobody but {@code camunda-admin} gets UPDATE or DELETE.
 * Idempotent: run at every start, it adds what is missing and leaves the rest, except the owner grants on users:
 * a user may read and update (profile, password) their own user, never delete it ({@link #OWN_USER_PERMISSIONS};
 * Camunda's default grants the owner everything, and databases made before this rule keep that grant until the
 * next start corrects it). Partner managers unclaim their own tasks through an engine rule
 * ({@link EngineWriteGuards}), not TASK_ASSIGN, which would let them assign tasks to anyone.
 */
@Component
public class StaffAuthorizations {

  record Grant(String groupId, Resource resource, String resourceId, List<Permission> permissions) {
  }

  static final List<Grant> GRANTS = List.of(
      // Partner managers and leadership work their tasks in Tasklist and see process names and people.
      new Grant(StaffGroups.PARTNER_MANAGERS, Resources.APPLICATION, "tasklist", List.of(Permissions.ACCESS)),
      new Grant(StaffGroups.PARTNER_MANAGERS, Resources.PROCESS_DEFINITION, ANY,
          List.of(ProcessDefinitionPermissions.READ)),
      new Grant(StaffGroups.PARTNER_MANAGERS, Resources.USER, ANY, List.of(Permissions.READ)),
      new Grant(StaffGroups.PARTNER_MANAGERS, Resources.GROUP, ANY, List.of(Permissions.READ)),
      new Grant(StaffGroups.LEADERSHIP, Resources.APPLICATION, "tasklist", List.of(Permissions.ACCESS)),
      new Grant(StaffGroups.LEADERSHIP, Resources.PROCESS_DEFINITION, ANY,
          List.of(ProcessDefinitionPermissions.READ)),
      new Grant(StaffGroups.LEADERSHIP, Resources.USER, ANY, List.of(Permissions.READ)),
      new Grant(StaffGroups.LEADERSHIP, Resources.GROUP, ANY, List.of(Permissions.READ)),
      // Finance works its own tasks in Tasklist (overdue statements and MDF reimbursements to chase; payout
      // approvals go to leadership) and records payments over the API.
      new Grant(StaffGroups.FINANCE, Resources.APPLICATION, "tasklist", List.of(Permissions.ACCESS)),
      new Grant(StaffGroups.FINANCE, Resources.PROCESS_DEFINITION, ANY, List.of(ProcessDefinitionPermissions.READ)),
      new Grant(StaffGroups.FINANCE, Resources.USER, ANY, List.of(Permissions.READ)),
      new Grant(StaffGroups.FINANCE, Resources.GROUP, ANY, List.of(Permissions.READ)),
      // Auditors read everything, runtime and history, in Cockpit; they change nothing and work no task.
      new Grant(StaffGroups.AUDITORS, Resources.APPLICATION, "cockpit", List.of(Permissions.ACCESS)),
      new Grant(StaffGroups.AUDITORS, Resources.PROCESS_DEFINITION, ANY, List.of(
          ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.READ_HISTORY,
          ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_TASK)),
      new Grant(StaffGroups.AUDITORS, Resources.PROCESS_INSTANCE, ANY, List.of(ProcessInstancePermissions.READ)),
      new Grant(StaffGroups.AUDITORS, Resources.TASK, ANY, List.of(TaskPermissions.READ)),
      new Grant(StaffGroups.AUDITORS, Resources.DEPLOYMENT, ANY, List.of(Permissions.READ)),
      new Grant(StaffGroups.AUDITORS, Resources.DECISION_DEFINITION, ANY,
          List.of(Permissions.READ, Permissions.READ_HISTORY)),
      new Grant(StaffGroups.AUDITORS, Resources.USER, ANY, List.of(Permissions.READ)),
      new Grant(StaffGroups.AUDITORS, Resources.GROUP, ANY, List.of(Permissions.READ)));

  /** What a user may do with their own user: read it, change their profile and password; not delete it. */
  static final List<Permissions> OWN_USER_PERMISSIONS = List.of(Permissions.READ, Permissions.UPDATE);

  private static final String[] GROUP_NAMES = {
      StaffGroups.PARTNER_MANAGERS, "Partner managers",
      StaffGroups.LEADERSHIP, "Partner leadership",
      StaffGroups.AUDITORS, "Auditors",
      StaffGroups.FINANCE, "Finance",
      StaffGroups.ADMIN, "Program administrators"};

  private final IdentityService identityService;
  private final AuthorizationService authorizationService;

  public StaffAuthorizations(IdentityService identityService, AuthorizationService authorizationService) {
    this.identityService = identityService;
    this.authorizationService = authorizationService;
  }

  public void ensureGroupsAndGrants() {
    for (int i = 0; i < GROUP_NAMES.length; i += 2) {
      ensureGroup(GROUP_NAMES[i], GROUP_NAMES[i + 1]);
    }
    GRANTS.forEach(this::ensureGrant);
    restrictOwnUserGrants();
  }

  /** Owner grants made by Camunda's default provider (ALL on one's own user) narrowed to read and update. */
  void restrictOwnUserGrants() {
    authorizationService.createAuthorizationQuery().resourceType(Resources.USER).list().stream()
        .filter(a -> a.getAuthorizationType() == AUTH_TYPE_GRANT && a.getUserId() != null
            && a.getUserId().equals(a.getResourceId()) && a.isPermissionGranted(Permissions.DELETE))
        .forEach(ownerGrant -> {
          ownerGrant.setPermissions(OWN_USER_PERMISSIONS.toArray(Permissions[]::new));
          authorizationService.saveAuthorization(ownerGrant);
        });
  }

  private void ensureGroup(String id, String name) {
    if (identityService.createGroupQuery().groupId(id).count() == 0) {
      Group group = identityService.newGroup(id);
      group.setName(name);
      group.setType(StaffGroups.ADMIN.equals(id) ? "SYSTEM" : "WORKFLOW");
      identityService.saveGroup(group);
    }
  }

  void ensureGrant(Grant grant) {
    Authorization authorization = authorizationService.createAuthorizationQuery()
        .groupIdIn(grant.groupId()).resourceType(grant.resource()).resourceId(grant.resourceId())
        .list().stream().filter(a -> a.getAuthorizationType() == AUTH_TYPE_GRANT).findFirst()
        .orElseGet(() -> {
          Authorization created = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
          created.setGroupId(grant.groupId());
          created.setResource(grant.resource());
          created.setResourceId(grant.resourceId());
          return created;
        });
    grant.permissions().forEach(authorization::addPermission);
    authorizationService.saveAuthorization(authorization);
  }

  /** Grants READ on one resource (a Tasklist filter) to the given groups. */
  public void grantRead(Resource resource, String resourceId, List<String> groupIds) {
    groupIds.forEach(groupId -> ensureGrant(new Grant(groupId, resource, resourceId, List.of(Permissions.READ))));
  }
}
