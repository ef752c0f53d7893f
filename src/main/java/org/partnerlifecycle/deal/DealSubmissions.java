package org.partnerlifecycle.deal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.partnerlifecycle.audit.AuditLog;
import org.partnerlifecycle.audit.Audited;
import org.partnerlifecycle.deal.DealRegistrationService.Submitted;
import org.partnerlifecycle.deal.DealRepository.ClaimKind;
import org.partnerlifecycle.deal.DealRepository.ConflictingClaim;
import org.partnerlifecycle.deal.DealRepository.IdempotentRequest;
import org.partnerlifecycle.engine.EngineTime;
import org.partnerlifecycle.partner.DomainNames;
import org.partnerlifecycle.partner.Partner;
import org.partnerlifecycle.partner.PartnerMotions;
import org.partnerlifecycle.partner.PartnerRepository;
import org.partnerlifecycle.partner.PartnerStatus;
import org.partnerlifecycle.rules.DealType;
import org.partnerlifecycle.rules.EligibilityRules;
import org.partnerlifecycle.rules.LicenseType;
import org.partnerlifecycle.rules.Motion;
import org.partnerlifecycle.rules.Product;
import org.partnerlifecycle.rules.ProgramTerms;
import org.partnerlifecycle.rules.RegistrationRules;
import org.partnerlifecycle.rules.TermsCatalog;
import org.partnerlifecycle.rules.Tier;
import org.partnerlifecycle.web.ApiProblems.FieldProblem;
import org.partnerlifecycle.web.ConflictException;
import org.partnerlifecycle.web.Ids;
import org.partnerlifecycle.web.InvalidRequestException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The submission's transaction (for {@link DealRegistrationService#submit}): the registration checked, conflict-
 * checked under the customer lock, stored with its idempotency key and audit record, and marked for
 * {@link ReviewStarts}. Its own bean so that the service can wait for the review's start after this commits.
 */
@Component
class DealSubmissions {

  private final DealRepository deals;
  private final PartnerRepository partners;
  private final PartnerMotions motions;
  private final TermsCatalog terms;
  private final EngineTime time;

  DealSubmissions(DealRepository deals, PartnerRepository partners, PartnerMotions motions, TermsCatalog terms,
      EngineTime time) {
    this.deals = deals;
    this.partners = partners;
    this.motions = motions;
    this.terms = terms;
    this.time = time;
  }

  /**
   * Stores a registration for {@code partnerId}, marked for its review to start, or returns the registration an
   * earlier request with the same {@code idempotencyKey} from the same caller created. A concurrent duplicate fails
   * on the key's primary key.
   */
  @Transactional
  @Audited(action = "deal.register", subject = AuditLog.Subject.DEAL, subjectId = "#result.deal().id()",
      unless = "#result.replayed()", omit = "requestBody")
  public Submitted store(String partnerId, DealRegistrationRequest request, String caller, String idempotencyKey,
      String requestBody) {
    String requestHash = DealRegistrationService.sha256(requestBody);
    Partner partner = partners.find(partnerId)
        .orElseThrow(() -> new InvalidRequestException("partnerId", "is not a known partner"));
    if (partner.status() != PartnerStatus.ACTIVE) {
      throw new ConflictException("Partner " + partnerId + " is " + partner.status()
          + ": only ACTIVE partners may register deals");
    }
    ProgramTerms current = terms.effectiveOn(time.today());
    Tier tier = partner.tier();
    Motion motion = Motion.valueOf(request.motion());
    DealType dealType = DealType.valueOf(request.dealType());
    // Every wrong field at once: the motion (contracted and allowed by the tier), the product, the add-on seats and
    // the volume licence's term.
    List<FieldProblem> problems = new ArrayList<>();
    var motionAllowed = EligibilityRules.motionAllowed(current, tier, motion);
    if (!motionAllowed.value()) {
      problems.add(new FieldProblem("motion", "is not allowed: " + motionAllowed.explanation().text()));
    } else {
      var productAllowed = EligibilityRules.productAllowed(current, tier, motion, Product.valueOf(request.product()));
      if (!productAllowed.value()) {
        problems.add(new FieldProblem("product", "is not allowed: " + productAllowed.explanation().text()));
      }
    }
    for (RegistrationRules.FieldIssue issue : RegistrationRules.check(current, motions.contracted(partner),
        motionAllowed.value() ? motion : null, dealType, LicenseType.valueOf(request.licenseType()),
        request.termMonths(), request.seats(), request.unitPrice(), request.remainingMonths())) {
      problems.add(new FieldProblem(issue.field(), issue.message()));
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException("Invalid fields: " + problems.stream().map(FieldProblem::field)
          .distinct().collect(java.util.stream.Collectors.joining(", ")), problems);
    }

    String customer = DomainNames.normalize(request.customerDomain());
    // One submission per customer at a time: two racing registrations cannot both miss each other.
    deals.lockCustomer(customer);
    // A retry is answered once the customer is locked: an earlier request with this key has committed by then.
    Optional<Submitted> earlier = replay(caller, idempotencyKey, requestHash);
    if (earlier.isPresent()) {
      return earlier.get();
    }

    String dealId = Ids.next("D-");
    List<String> evidence = new ArrayList<>();
    for (ConflictingClaim claim : deals.conflictingClaims(customer, dealId)) {
      evidence.add(claim.kind() == ClaimKind.REGISTRATION
          ? "registration " + claim.id() + " of partner " + claim.holder() + " (" + claim.status() + ", since "
              + claim.since() + ")"
          : "direct opportunity " + claim.id() + " owned by " + claim.holder() + " (since " + claim.since() + ")");
    }
    Instant now = time.now();
    DealRegistration deal = new DealRegistration(dealId, partnerId, caller, request.customerName().trim(),
        request.customerDomain().trim(), customer, motion, dealType,
        LicenseType.valueOf(request.licenseType()), Product.valueOf(request.product()), request.estimatedValue(),
        request.termMonths(), request.proposedRate(),
        DealStatus.SUBMITTED, !evidence.isEmpty(), evidence.isEmpty() ? null : String.join("; ", evidence),
        null, null, null, null, false, null, null, null, null, current.version(), null, false, null, null, null, null,
        null, null, now, dealType == DealType.ADD_ON ? new DealRegistration.AddOnSeats(request.seats(),
            request.unitPrice(), request.remainingMonths()) : null, null);
    deals.insert(deal);
    if (idempotencyKey != null) {
      deals.rememberIdempotent(caller, idempotencyKey, dealId, requestHash, now);
    }
    // Its review process starts in the next round of ReviewStarts, after this commit.
    return new Submitted(deal, false);
  }

  /** The registration an earlier request with this key created; the same key with another body is refused. */
  @Transactional(readOnly = true)
  public Optional<Submitted> replay(String caller, String idempotencyKey, String requestHash) {
    if (idempotencyKey == null) {
      return Optional.empty();
    }
    Optional<IdempotentRequest> earlier = deals.findIdempotent(caller, idempotencyKey);
    if (earlier.isPresent() && !earlier.get().requestHash().equals(requestHash)) {
      throw new InvalidRequestException("Idempotency-Key", "was already used for a different request");
    }
    return earlier.map(e -> new Submitted(deals.get(e.dealId()), true));
  }
}
