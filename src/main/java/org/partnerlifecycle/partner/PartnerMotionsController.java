package org.partnerlifecycle.partner;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.partnerlifecycle.rules.Motion;
import org.partnerlifecycle.security.Caller;
import org.partnerlifecycle.security.StaffGroups;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code PUT /api/partners/{id}/motions} (partner managers) and its read: the partner's contracted motions. */
@RestController
@RequestMapping(path = "/api", produces = "application/json")
class PartnerMotionsController {

  public record MotionsRequest(@NotNull @Size(max = 4, message = "must list at most 4 motions")
      List<@NotNull Motion> motions) {
  }

  public record ContractedMotions(String partnerId, String motion, List<Motion> motions) {
  }

  private final PartnerMotions motions;
  private final PartnerRepository partners;
  private final Caller caller;

  PartnerMotionsController(PartnerMotions motions, PartnerRepository partners, Caller caller) {
    this.motions = motions;
    this.partners = partners;
    this.caller = caller;
  }

  @PutMapping(path = "/partners/{id}/motions", consumes = "application/json")
  ContractedMotions contract(@PathVariable String id, @Valid @RequestBody MotionsRequest request) {
    caller.requireGroup(StaffGroups.PARTNER_MANAGERS, StaffGroups.ADMIN);
    partners.get(id);
    List<Motion> contracted = motions.contract(id, request.motions(), caller.name());
    return new ContractedMotions(id, partners.get(id).motion().name(), contracted);
  }

  @GetMapping("/partners/{id}/motions")
  ContractedMotions contracted(@PathVariable String id) {
    if (!caller.maySee(id)) {
      throw new PartnerNotFoundException(id);
    }
    Partner partner = partners.get(id);
    return new ContractedMotions(id, partner.motion() == null ? null : partner.motion().name(),
        motions.contracted(id));
  }
}
