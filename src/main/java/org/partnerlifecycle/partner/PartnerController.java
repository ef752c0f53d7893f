package org.partnerlifecycle.partner;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.partnerlifecycle.web.Idempotency;
import org.partnerlifecycle.web.Idempotency.Answer;
import org.partnerlifecycle.web.InvalidRequestException;
import org.partnerlifecycle.web.ListQuery;
import org.partnerlifecycle.web.Page;
import org.partnerlifecycle.rules.Region;
import org.partnerlifecycle.rules.Tier;
import org.partnerlifecycle.security.ApiKeys;
import org.partnerlifecycle.security.Caller;
import org.partnerlifecycle.security.StaffGroups;
import org.partnerlifecycle.web.InputPatterns;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Partner endpoints of SPEC §4. Who may call what is decided by {@link Caller}. */
@RestController
@RequestMapping(path = "/api", produces = "application/json")
class PartnerController {

  public record ApplicationAccepted(String partnerId, String status, String proposedTier) {
  }

  public record AgreementRequest(
      @NotBlank @Size(max = 200) @Pattern(regexp = InputPatterns.PLAIN_TEXT, message = InputPatterns.PLAIN_TEXT_MESSAGE)
      String signedBy) {
  }

  public record DirectoryEntry(String companyName, String tier, String region, String motion) {
  }

  private final PartnerApplicationService applications;
  private final PartnerRepository partners;
  private final ApiKeys apiKeys;
  private final Caller caller;
  private final Idempotency idempotency;

  PartnerController(PartnerApplicationService applications, PartnerRepository partners, ApiKeys apiKeys,
      Caller caller, Idempotency idempotency) {
    this.applications = applications;
    this.partners = partners;
    this.apiKeys = apiKeys;
    this.caller = caller;
    this.idempotency = idempotency;
  }

  /** Anonymous callers are rate-limited per client address before this runs (see security.ApplicationRateLimit). */
  @PostMapping(path = "/partner-applications", consumes = "application/json")
  ResponseEntity<Object> apply(@Valid @RequestBody PartnerApplicationRequest request,
      @RequestHeader(name = Idempotency.HEADER, required = false) String idempotencyKey) {
    return idempotency.create(caller.name(), idempotencyKey, "partner-application", request, () -> {
      Partner partner = applications.apply(request);
      return Answer.of(HttpStatus.CREATED, partner.id(), URI.create("/api/partners/" + partner.id()),
          new ApplicationAccepted(partner.id(), partner.status().name(),
              partner.proposedTier() == null ? null : partner.proposedTier().name()));
    });
  }

  @GetMapping("/partners/{id}")
  PartnerView partner(@PathVariable String id) {
    Partner partner = visible(id);
    return caller.isStaff() ? PartnerView.forStaff(partner) : PartnerView.forThePartner(partner);
  }

  /** Staff: partners by status, tier and region, newest first (SPEC §4 second release). */
  @GetMapping("/partners")
  Page<PartnerView> partners(@RequestParam(required = false) String status,
      @RequestParam(required = false) String tier, @RequestParam(required = false) String region,
      @RequestParam(required = false) String page, @RequestParam(required = false) String size) {
    caller.requireStaff();
    ListQuery query = ListQuery.of(page, size);
    PartnerStatus wantedStatus = query.filter("status", status, PartnerStatus.class);
    Tier wantedTier = query.filter("tier", tier, Tier.class);
    Region wantedRegion = query.filter("region", region, Region.class);
    query.check();
    return query.page(applications.count(wantedStatus, wantedTier, wantedRegion),
        applications.list(wantedStatus, wantedTier, wantedRegion, query.offset(), query.size()).stream()
            .map(PartnerView::forStaff).toList());
  }

  @PostMapping(path = "/partners/{id}/agreement", consumes = "application/json")
  @ResponseStatus(HttpStatus.ACCEPTED)
  void agreement(@PathVariable String id, @Valid @RequestBody AgreementRequest request) {
    caller.requireActingFor(id, PartnerNotFoundException::new);
    applications.signAgreement(id, request.signedBy().trim());
  }

  /**
   * A retry with the same {@code Idempotency-Key} answers the same {@code keyId} without the secret: the secret is
   * never stored, so it is shown once, in the first answer, and a replay cannot reveal a second key either.
   */
  @PostMapping("/partners/{id}/api-keys")
  ResponseEntity<Object> issueApiKey(@PathVariable String id,
      @RequestHeader(name = Idempotency.HEADER, required = false) String idempotencyKey) {
    caller.requireGroup(StaffGroups.PARTNER_MANAGERS, StaffGroups.ADMIN);
    partners.get(id);
    return idempotency.create(caller.name(), idempotencyKey, "api-key", Map.of("partnerId", id), () -> {
      ApiKeys.IssuedKey key = apiKeys.issue(id, caller.name());
      return new Answer(HttpStatus.CREATED, key.keyId(), null,
          Map.of("keyId", key.keyId(), "apiKey", key.apiKey(),
              "note", "Shown once: store it now. Only its hash is kept."),
          Map.of("keyId", key.keyId(),
              "note", "A replay of an earlier request: the key was shown once, in the first answer. "
                  + "If it was lost, revoke it and issue a new one with a new Idempotency-Key."));
    });
  }

  @GetMapping("/partners/{id}/api-keys")
  List<ApiKeys.KeyInfo> apiKeys(@PathVariable String id) {
    caller.requireGroup(StaffGroups.PARTNER_MANAGERS, StaffGroups.ADMIN);
    partners.get(id);
    return apiKeys.list(id);
  }

  @DeleteMapping("/partners/{id}/api-keys/{keyId}")
  ResponseEntity<Void> revokeApiKey(@PathVariable String id, @PathVariable String keyId) {
    caller.requireGroup(StaffGroups.PARTNER_MANAGERS, StaffGroups.ADMIN);
    apiKeys.revoke(id, keyId, caller.name());
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/directory")
  List<DirectoryEntry> directory() {
    return partners.listed().stream()
        .map(p -> new DirectoryEntry(p.companyName(), p.tier().name(), p.region(), p.motion().name())).toList();
  }

  /** The partner, if the caller may see it; otherwise it does not exist for them. */
  private Partner visible(String id) {
    if (!caller.maySee(id)) {
      throw new PartnerNotFoundException(id);
    }
    return partners.get(id);
  }
}
