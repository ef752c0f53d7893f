package org.partnerlifecycle.platform;

import org.partnerlifecycle.security.StaffAuthorizations;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.partnerlifecycle.engagement.EngagementService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Runs once the engine has deployed: facts of processes started before V9 copied to our tables, groups and grants,
 * Tasklist filters, and in the default run mode the demo users and demo partners.
 */
@Component
class PlatformSetup {

  private final StaffAuthorizations authorizations;
  private final DemoUsers demoUsers;
  private final TasklistFilters filters;
  private final DemoPartners demoPartners;
  private final DecisionFactsBackfill backfill;
  private final EngagementService engagement;
  private final boolean demoData;
  private final boolean demoPartnersWanted;

  PlatformSetup(StaffAuthorizations authorizations, DemoUsers demoUsers, TasklistFilters filters,
      DemoPartners demoPartners, DecisionFactsBackfill backfill, EngagementService engagement,
      @Value("${partner-lifecycle.demo-data:false}") boolean demoData,
      @Value("${partner-lifecycle.demo-partners:true}") boolean demoPartnersWanted) {
    this.authorizations = authorizations;
    this.demoUsers = demoUsers;
    this.filters = filters;
    this.demoPartners = demoPartners;
    this.backfill = backfill;
    this.engagement = engagement;
    this.demoData = demoData;
    this.demoPartnersWanted = demoPartnersWanted;
  }

  // The engine has deployed processes/ and forms/ while it was built, before the application is ready.
  @EventListener(ApplicationReadyEvent.class)
  public void onApplicationReady() {
    backfill.run();
    authorizations.ensureGroupsAndGrants();
    if (demoData) {
      demoUsers.ensureDemoUsers();
    }
    filters.ensureFilters();
    if (demoData && demoPartnersWanted) {
      demoPartners.ensureDemoPartners();
    }
    // Partners activated before business reviews existed join their tier's cadence.
    engagement.startMissingCadences();
  }
}
