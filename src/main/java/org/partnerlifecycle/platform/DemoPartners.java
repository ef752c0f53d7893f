package org.partnerlifecycle.platform;

import java.math.BigDecimal;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.partnerlifecycle.partner.Partner;
import org.partnerlifecycle.partner.PartnerApplicationRequest;
import org.partnerlifecycle.partner.PartnerApplicationService;
import org.partnerlifecycle.partner.PartnerRepository;
import org.partnerlifecycle.partner.process.PartnerOnboardingProcess;
import org.springframework.stereotype.Component;

/**
 * A few demo partners for the default run mode, made through the real onboarding: three applications waiting in
 * Tasklist for a partner manager, and one active Foundation partner listed in the directory.
 */
@Component
class DemoPartners {

  private final PartnerApplicationService applications;
  private final PartnerRepository partners;
  private final TaskService taskService;

  DemoPartners(PartnerApplicationService applications, PartnerRepository partners, TaskService taskService) {
    this.applications = applications;
    this.partners = partners;
    this.taskService = taskService;
  }

  public void ensureDemoPartners() {
    if (partners.count(null, null, null) > 0) {
      return;
    }
    Partner active = apply("Acme Learning", "acme-learning.example", "NA", "REFERRAL", "60000");
    completeReview(active.id(), Map.of(PartnerOnboardingProcess.DECISION, "APPROVE", PartnerOnboardingProcess.TIER, "FOUNDATION"));
    applications.signAgreement(active.id(), "Alex Acme");

    apply("Globex Training", "globex-training.example", "EMEA", "ASSISTED_RESELLER", "180000");
    apply("Initech Platforms", "initech-platforms.example", "APAC", "OEM", "3500000");
    apply("Umbrella Skills", "umbrella-skills.example", "LATAM", "FULL_RESELLER", "120000");
  }

  private Partner apply(String company, String domain, String region, String motion, String forecast) {
    return applications.apply(new PartnerApplicationRequest(company, domain, "Demo Contact", "contact@" + domain,
        region, motion, new BigDecimal(forecast)));
  }

  private void completeReview(String partnerId, Map<String, Object> variables) {
    String taskId = taskService.createTaskQuery().processInstanceBusinessKey(partnerId)
        .taskDefinitionKey(PartnerOnboardingProcess.REVIEW_APPLICATION_TASK).singleResult().getId();
    taskService.claim(taskId, "mary");
    taskService.complete(taskId, variables);
  }
}
