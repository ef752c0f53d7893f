package org.partnerlifecycle.health;

import org.partnerlifecycle.partner.PartnerNotFoundException;
import org.partnerlifecycle.partner.PartnerRepository;
import org.partnerlifecycle.security.Caller;
import org.partnerlifecycle.web.NotFoundException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** GET /api/partners/{id}/health (SPEC §4): staff and that partner. */
@RestController
@RequestMapping(path = "/api", produces = "application/json")
class HealthController {

  private final HealthService health;
  private final PartnerRepository partners;
  private final Caller caller;

  HealthController(HealthService health, PartnerRepository partners, Caller caller) {
    this.health = health;
    this.partners = partners;
    this.caller = caller;
  }

  /** The latest health score (quarterly run or tier review) with its factors; 404 before any. */
  @GetMapping("/partners/{id}/health")
  HealthView health(@PathVariable String id) {
    if (!caller.maySee(id)) {
      throw new PartnerNotFoundException(id);
    }
    partners.get(id);
    return health.latest(id).orElseThrow(() -> new NotFoundException("no health score has been computed for partner "
        + id + " yet"));
  }
}
