package org.partnerlifecycle.deal;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Optional;
import org.partnerlifecycle.audit.AuditLog;
import org.partnerlifecycle.audit.Audited;
import org.partnerlifecycle.deal.DealRepository.DirectOpportunity;
import org.partnerlifecycle.deal.process.DealRegistrationProcess;
import org.partnerlifecycle.engine.EngineTime;
import org.partnerlifecycle.partner.DomainNames;
import org.partnerlifecycle.web.ApiWriteAdmission;
import org.partnerlifecycle.web.ConflictException;
import org.partnerlifecycle.web.Ids;
import org.partnerlifecycle.web.InvalidRequestException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deal registrations arriving over the API: submission (idempotent, checked, conflict-locked), extension requests,
 * closes and cancellations. Each call writes the registration and moves its process in one transaction, but for the
 * submission: its review process starts right after its commit, in a round of {@link ReviewStarts}.
 */
@Service
public class DealRegistrationService {

  public record Submitted(DealRegistration deal, boolean replayed) {
  }

  private final DealSubmissions submissions;
  private final ReviewStarts reviewStarts;
  private final DealRepository deals;
  private final DealRegistrationProcess process;
  private final EngineTime time;

  DealRegistrationService(DealSubmissions submissions, ReviewStarts reviewStarts, DealRepository deals,
      DealRegistrationProcess process, EngineTime time) {
    this.submissions = submissions;
    this.reviewStarts = reviewStarts;
    this.deals = deals;
    this.process = process;
    this.time = time;
  }

  /**
   * Registers a deal for {@code partnerId} ({@link DealSubmissions#store}: checked, conflict-locked, audited, in one
   * transaction), or returns the registration an earlier request with the same {@code idempotencyKey} from the same
   * caller created. A new registration is returned once its review process has started ({@link ReviewStarts}), as
   * when the start was part of the submission's transaction. A concurrent duplicate fails on the key's primary key;
   * the caller then reads the winner with {@link #replay}.
   */
  public Submitted submit(String partnerId, DealRegistrationRequest request, String caller, String idempotencyKey,
      String requestBody) {
    Submitted stored = submissions.store(partnerId, request, caller, idempotencyKey, requestBody);
    if (stored.replayed()) {
      return stored;
    }
    // Waiting takes no CPU: the next write may run meanwhile, and its registration may join the same round.
    ApiWriteAdmission.endTurnEarly();
    return new Submitted(reviewStarts.awaitStarted(stored.deal().id()), false);
  }

  /** The registration an earlier request with this key created; the same key with another body is refused. */
  public Optional<Submitted> replay(String caller, String idempotencyKey, String requestHash) {
    return submissions.replay(caller, idempotencyKey, requestHash);
  }

  /** The owner asks for the one extension of its protection. */
  @Transactional
  @Audited(action = "deal.extensionRequested", subject = AuditLog.Subject.DEAL)
  public void requestExtension(String dealId) {
    DealRegistration deal = deals.get(dealId);
    if (deal.status() != DealStatus.APPROVED) {
      throw new ConflictException("Deal " + dealId + " is " + deal.status() + ": only an APPROVED registration "
          + "under protection can be extended");
    }
    if (deal.extensionUsed()) {
      throw new ConflictException("Deal " + dealId + " has had its one extension request");
    }
    if (!process.extensionRequested(dealId)) {
      throw new ConflictException("Deal " + dealId + " is not waiting in protection (an extension is under review)");
    }
  }

  @Transactional
  @Audited(action = "deal.closed", subject = AuditLog.Subject.DEAL)
  public void close(String dealId, String outcome, BigDecimal amount, LocalDate closedOn) {
    DealRegistration deal = deals.get(dealId);
    if (deal.status() != DealStatus.APPROVED) {
      throw new ConflictException("Deal " + dealId + " is " + deal.status() + ": only an APPROVED registration "
          + "can be closed");
    }
    if (closedOn.isAfter(time.today())) {
      throw new InvalidRequestException("closedOn", "must not be in the future");
    }
    if ("WON".equals(outcome) && amount == null) {
      throw new InvalidRequestException("amount", "is required for a WON deal");
    }
    deals.recordClosing(dealId, time.now(), amount, closedOn);
    if (!process.closed(dealId, outcome)) {
      throw new ConflictException("Deal " + dealId + " is not waiting in protection (an extension is under review)");
    }
  }

  @Transactional
  @Audited(action = "opportunity.created", subject = AuditLog.Subject.OPPORTUNITY, subjectId = "#result")
  public String createDirectOpportunity(String customerName, String customerDomain, String owner, String createdBy) {
    String customer = DomainNames.normalize(customerDomain);
    deals.lockCustomer(customer);
    String id = Ids.next("O-");
    deals.insertDirectOpportunity(new DirectOpportunity(id, customerName.trim(), customerDomain.trim(), owner.trim(),
        time.now()), customer, createdBy);
    return id;
  }

  static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest((text == null ? "" : text).getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
