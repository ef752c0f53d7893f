package org.partnerlifecycle.tier;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.partnerlifecycle.audit.AuditLog;
import org.partnerlifecycle.audit.Audited;
import org.partnerlifecycle.engine.EngineTime;
import org.partnerlifecycle.partner.PartnerNotFoundException;
import org.partnerlifecycle.partner.PartnerRepository;
import org.partnerlifecycle.rules.Tier;
import org.partnerlifecycle.security.Caller;
import org.partnerlifecycle.security.StaffGroups;
import org.partnerlifecycle.tier.TierReviewRepository.CommitmentRecord;
import org.partnerlifecycle.web.Idempotency;
import org.partnerlifecycle.web.Idempotency.Answer;
import org.partnerlifecycle.web.InvalidRequestException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Tier reviews on demand, recorded commitments and the tier history (SPEC §4). */
@RestController
@RequestMapping(path = "/api", produces = "application/json")
class TierReviewController {

  public record ReviewRequest(@Size(max = 40) @Pattern(regexp = "^P-[A-Z0-9]{1,30}$",
      message = "must be a partner id such as P-1A2B3C") String partnerId) {
  }

  public record CommitmentsRequest(@NotNull LocalDate periodStart, @NotNull LocalDate periodEnd,
      @NotNull @Min(0) @Max(1000) Integer managementMeetingsHeld, @NotNull @Min(0) @Max(100) Integer ceoMeetingsHeld,
      @NotNull @Min(0) @Max(100) Integer cSuiteMeetingsHeld, @NotNull @Min(0) @Max(100) Integer enablementSessionsHeld,
      @NotNull @Min(0) @Max(100) Integer certifiedFieldPercent, @NotNull Boolean businessPlanAgreed,
      @Min(-100) @Max(100) Integer nps,
      @Pattern(regexp = "STRONG|MODERATE|WEAK", message = "must be one of STRONG, MODERATE, WEAK") String strategicFit,
      Boolean commissionQuotaRelief, Boolean salesEventPresence) {
  }

  /** A manager's placement change (SPEC §3 amendments). */
  public record TierChangeRequest(@NotNull org.partnerlifecycle.rules.Tier tier,
      @NotNull @Size(min = 1, max = 1000) @Pattern(regexp = "^(?!\\s*$).+", flags = Pattern.Flag.DOTALL,
          message = "must not be blank") String reason) {
  }

  private final TierReviewScheduler scheduler;
  private final TierReviewRepository reviews;
  private final PartnerRepository partners;
  private final Caller caller;
  private final Idempotency idempotency;
  private final EngineTime time;

  TierReviewController(TierReviewScheduler scheduler, TierReviewRepository reviews,
      PartnerRepository partners, Caller caller, EngineTime time, Idempotency idempotency) {
    this.idempotency = idempotency;
    this.scheduler = scheduler;
    this.reviews = reviews;
    this.partners = partners;
    this.caller = caller;
    this.time = time;
  }

  /** A manual placement change waiting for its review (and leadership where the change needs it). */
  record TierChangeProposed(String reviewId, String partnerId, Tier tier,
      @io.swagger.v3.oas.annotations.media.Schema(allowableValues = "PROPOSED") String status) {
  }

  /** How many tier-review instances a request started. */
  record ReviewsStarted(int started) {
  }

  /** One partner's review, or every review due today (the nightly scheduler does the same). */
  @PostMapping(path = "/tier-reviews", consumes = "application/json")
  ResponseEntity<ReviewsStarted> startReviews(@Valid @RequestBody ReviewRequest request) {
    caller.requireGroup(StaffGroups.PARTNER_MANAGERS, StaffGroups.ADMIN);
    if (request.partnerId() != null) {
      partners.get(request.partnerId());
      scheduler.startReview(request.partnerId());
      return ResponseEntity.status(HttpStatus.ACCEPTED).body(new ReviewsStarted(1));
    }
    int started = 0;
    int batch;
    do {
      batch = scheduler.startDueReviews(TierReviewScheduler.BATCH_SIZE);
      started += batch;
    } while (batch == TierReviewScheduler.BATCH_SIZE);
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(new ReviewsStarted(started));
  }

  @PutMapping(path = "/partners/{id}/commitments", consumes = "application/json")
  @Transactional
  @Audited(action = "partner.commitmentsRecorded", subject = AuditLog.Subject.PARTNER)
  public ResponseEntity<Void> commitments(@PathVariable String id, @Valid @RequestBody CommitmentsRequest request) {
    caller.requireGroup(StaffGroups.PARTNER_MANAGERS, StaffGroups.ADMIN);
    partners.get(id);
    if (request.periodEnd().isBefore(request.periodStart())) {
      throw new InvalidRequestException("periodEnd", "must not be before periodStart");
    }
    if (request.periodEnd().isAfter(request.periodStart().plusMonths(24))) {
      throw new InvalidRequestException("periodEnd", "a period is at most 24 months");
    }
    reviews.saveCommitments(id, new CommitmentRecord(request.periodStart(), request.periodEnd(),
        request.managementMeetingsHeld(), request.ceoMeetingsHeld(), request.cSuiteMeetingsHeld(),
        request.enablementSessionsHeld(), request.certifiedFieldPercent(), request.businessPlanAgreed(),
        request.nps(), request.strategicFit(), Boolean.TRUE.equals(request.commissionQuotaRelief()),
        Boolean.TRUE.equals(request.salesEventPresence())), caller.name(), time.now());
    return ResponseEntity.noContent().build();
  }

  /**
   * A manager proposes a placement change at any time: a tier review in manual mode. An upward change and any change
   * into or out of STRATEGIC wait for leadership's ApproveTierChange (never the proposer).
   */
  @PostMapping(path = "/partners/{id}/tier-changes", consumes = "application/json")
  @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "202", description = "The manual review started",
      content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/json",
          schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = TierChangeProposed.class)))
  @Transactional
  @Audited(action = "partner.tierChangeProposed", subject = AuditLog.Subject.PARTNER)
  public ResponseEntity<Object> tierChange(@PathVariable String id, @Valid @RequestBody TierChangeRequest request,
      @RequestHeader(name = Idempotency.HEADER, required = false) String idempotencyKey) {
    caller.requireGroup(StaffGroups.PARTNER_MANAGERS);
    partners.get(id);
    return idempotency.create(caller.name(), idempotencyKey, "tier-change", Map.of("partnerId", id, "body", request),
        () -> {
          String reviewId = scheduler.startManualReview(id, request.tier(), request.reason().strip(), caller.name());
          return Answer.of(HttpStatus.ACCEPTED, reviewId, null,
              new TierChangeProposed(reviewId, id, request.tier(), "PROPOSED"));
        });
  }

  @GetMapping("/partners/{id}/tier-history")
  List<TierReviewRepository.TierChange> tierHistory(@PathVariable String id) {
    if (!caller.maySee(id)) {
      throw new PartnerNotFoundException(id);
    }
    partners.get(id);
    return reviews.tierHistory(id);
  }
}
