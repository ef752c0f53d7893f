package org.partnerlifecycle.partner;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.partnerlifecycle.audit.AuditLog;
import org.partnerlifecycle.audit.Audited;
import org.partnerlifecycle.engine.EngineTime;
import org.partnerlifecycle.rules.EligibilityRules;
import org.partnerlifecycle.rules.Motion;
import org.partnerlifecycle.rules.TermsCatalog;
import org.partnerlifecycle.web.ApiProblems.FieldProblem;
import org.partnerlifecycle.web.ConflictException;
import org.partnerlifecycle.web.InvalidRequestException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A partner's contracted motions (SPEC §2 "Motion"): the motion it is placed under (the one it applied with, or
 * REFERRAL while a reseller/OEM is below GROWTH) and those a partner manager added. Deals are registered under these
 * only.
 */
@Service
@Transactional
public class PartnerMotions {

  private final PartnerRepository partners;
  private final TermsCatalog terms;
  private final EngineTime time;

  PartnerMotions(PartnerRepository partners, TermsCatalog terms, EngineTime time) {
    this.partners = partners;
    this.terms = terms;
    this.time = time;
  }

  /** The placed motion first, then the added ones in their enum order. */
  @Transactional(readOnly = true)
  public List<Motion> contracted(String partnerId) {
    return contracted(partners.get(partnerId));
  }

  /** The same for a partner already read. */
  @Transactional(readOnly = true)
  public List<Motion> contracted(Partner partner) {
    List<Motion> motions = new ArrayList<>();
    if (partner.motion() != null) {
      motions.add(partner.motion());
    }
    for (Motion added : partners.addedMotions(partner.id())) {
      if (!motions.contains(added)) {
        motions.add(added);
      }
    }
    return motions;
  }

  /**
   * {@code PUT /api/partners/{id}/motions}: the contracted motions are the placed one and {@code motions}. Each must
   * be allowed by the partner's tier (FOUNDATION allows REFERRAL only); the placed motion stays whether listed or not.
   */
  @Audited(action = "partner.motionsContracted", subject = AuditLog.Subject.PARTNER)
  public List<Motion> contract(String partnerId, List<Motion> motions, String decidedBy) {
    partners.lock(partnerId);
    Partner partner = partners.get(partnerId);
    if (partner.status() != PartnerStatus.ACTIVE || partner.tier() == null) {
      throw new ConflictException("Partner " + partnerId + " is " + partner.status()
          + ": motions are contracted with ACTIVE partners");
    }
    var current = terms.effectiveOn(time.today());
    List<FieldProblem> problems = new ArrayList<>();
    Set<Motion> added = EnumSet.noneOf(Motion.class);
    for (int i = 0; i < motions.size(); i++) {
      Motion motion = motions.get(i);
      var allowed = EligibilityRules.motionAllowed(current, partner.tier(), motion);
      if (!allowed.value()) {
        problems.add(new FieldProblem("motions[" + i + "]", "is not allowed: " + allowed.explanation().text()));
      } else if (motion != partner.motion()) {
        added.add(motion);
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException("Motions not allowed for the partner's tier", problems);
    }
    partners.replaceAddedMotions(partnerId, added, decidedBy, time.now());
    return contracted(partnerId);
  }
}
