package org.partnerlifecycle.support;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.Task;
import org.partnerlifecycle.partner.Partner;
import org.partnerlifecycle.partner.PartnerApplicationRequest;
import org.partnerlifecycle.partner.PartnerApplicationService;
import org.partnerlifecycle.partner.PartnerRepository;

/** Makes ACTIVE partners for tests through the real onboarding: apply, review, agreement, managed onboarding. */
public final class ActivePartners {

  private final ProcessEngine engine;
  private final PartnerApplicationService applications;
  private final PartnerRepository partners;

  public ActivePartners(ProcessEngine engine, PartnerApplicationService applications, PartnerRepository partners) {
    this.engine = engine;
    this.applications = applications;
    this.partners = partners;
  }

  /** An ACTIVE partner at the tier its forecast proposes (GROWTH and STRATEGIC managed by mary). */
  public Partner active(String company, String domain, String motion, String forecast) {
    Partner applied = applications.apply(new PartnerApplicationRequest(company, domain, "Pat Contact",
        "pat@" + domain, "NA", motion, new BigDecimal(forecast)));
    String tier = applied.proposedTier().name();
    complete(applied.id(), "ReviewApplication", "mary", Map.of("decision", "APPROVE", "tier", tier));
    if (tier.equals("STRATEGIC")) {
      complete(applied.id(), "ApproveStrategicPlacement", "lena", Map.of("placementDecision", "APPROVE"));
    }
    applications.signAgreement(applied.id(), "Pat Contact");
    if (!tier.equals("FOUNDATION")) {
      complete(applied.id(), "AssignPartnerManager", "mary",
          Map.of("partnerManager", "mary", "executiveSponsor", "Sam Sponsor"));
      complete(applied.id(), "RunOnboardingSession", "mary",
          Map.of("sessionHeldOn", "2026-03-01", "sessionNotes", "Done"));
    }
    return partners.get(applied.id());
  }

  /** Completes the process's open task with this definition key, as {@code user} with their groups. */
  public void complete(String businessKey, String taskKey, String user, Map<String, Object> variables) {
    Task task = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(businessKey)
        .taskDefinitionKey(taskKey).singleResult();
    if (task == null) {
      throw new IllegalStateException("No open task " + taskKey + " for " + businessKey);
    }
    List<String> groups = engine.getIdentityService().createGroupQuery().groupMember(user).list().stream()
        .map(Group::getId).toList();
    engine.getIdentityService().setAuthentication(user, groups);
    try {
      engine.getTaskService().complete(task.getId(), variables);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }
}
