package org.partnerlifecycle.partner;

import java.util.List;
import org.partnerlifecycle.audit.AuditLog;
import org.partnerlifecycle.audit.Audited;
import org.partnerlifecycle.engine.EngineTime;
import org.partnerlifecycle.partner.PartnerRepository.NewApplication;
import org.partnerlifecycle.partner.process.PartnerOnboardingProcess;
import org.partnerlifecycle.web.ConflictException;
import org.partnerlifecycle.web.Ids;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Applications and agreements arriving over the API; each call writes the partner and moves its process together. */
@Service
public class PartnerApplicationService {

  private final PartnerRepository partners;
  private final PartnerOnboardingProcess process;
  private final EngineTime time;

  public PartnerApplicationService(PartnerRepository partners, PartnerOnboardingProcess process, EngineTime time) {
    this.partners = partners;
    this.process = process;
    this.time = time;
  }

  /** Stores the application and starts partner-onboarding; screening runs before this returns. */
  @Transactional
  @Audited(action = "partner.apply", subject = AuditLog.Subject.PARTNER, subjectId = "#result.id()")
  public Partner apply(PartnerApplicationRequest request) {
    String partnerId = Ids.next("P-");
    NewApplication application = new NewApplication(request.companyName().trim(), request.websiteDomain().trim(),
        request.contactName().trim(), request.contactEmail().trim(), request.region(), request.motion(),
        request.forecastAnnualRevenue());
    partners.insertApplication(partnerId, application, DomainNames.normalize(application.websiteDomain()),
        time.now());
    process.start(partnerId, application);
    return partners.get(partnerId);
  }

  /** The signed agreement: accepted only while the onboarding waits for it. */
  @Transactional
  @Audited(action = "partner.agreementSigned", subject = AuditLog.Subject.PARTNER)
  public void signAgreement(String partnerId, String signedBy) {
    Partner partner = partners.get(partnerId);
    if (partner.status() != PartnerStatus.AWAITING_AGREEMENT) {
      throw new ConflictException("Partner " + partnerId + " is " + partner.status() + ", not AWAITING_AGREEMENT");
    }
    partners.recordAgreement(partnerId, signedBy, time.now());
    if (!process.agreementSigned(partnerId, signedBy)) {
      throw new ConflictException("Partner " + partnerId + " has no onboarding waiting for an agreement");
    }
  }

  public List<Partner> list(PartnerStatus status, org.partnerlifecycle.rules.Tier tier,
      org.partnerlifecycle.rules.Region region, int offset, int limit) {
    return partners.list(status, tier, region, offset, limit);
  }

  public long count(PartnerStatus status, org.partnerlifecycle.rules.Tier tier,
      org.partnerlifecycle.rules.Region region) {
    return partners.count(status, tier, region);
  }
}
