package org.partnerlifecycle.config;

import org.partnerlifecycle.security.DemoUsers;
import org.partnerlifecycle.security.StaffAuthorizations;
import org.partnerlifecycle.security.TasklistFilters;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Runs once the engine has deployed: groups and grants, demo users (default run mode), Tasklist filters. */
@Component
public class PlatformSetup {

  private final StaffAuthorizations authorizations;
  private final DemoUsers demoUsers;
  private final TasklistFilters filters;
  private final boolean demoData;

  public PlatformSetup(StaffAuthorizations authorizations, DemoUsers demoUsers, TasklistFilters filters,
      @Value("${partner-lifecycle.demo-data:false}") boolean demoData) {
    this.authorizations = authorizations;
    this.demoUsers = demoUsers;
    this.filters = filters;
    this.demoData = demoData;
  }

  // The engine has deployed processes/ and forms/ while it was built, before the application is ready.
  @EventListener(ApplicationReadyEvent.class)
  public void onApplicationReady() {
    authorizations.ensureGroupsAndGrants();
    if (demoData) {
      demoUsers.ensureDemoUsers();
    }
    filters.ensureFilters();
  }
}
