package org.partnerlifecycle.lead;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.partnerlifecycle.audit.AuditLog;
import org.partnerlifecycle.audit.Audited;
import org.partnerlifecycle.audit.RuleResultStore;
import org.partnerlifecycle.engine.EngineTime;
import org.partnerlifecycle.lead.LeadRepository.Lead;
import org.partnerlifecycle.lead.process.LeadRoutingProcess;
import org.partnerlifecycle.notification.PartnerEvent;
import org.partnerlifecycle.notification.PartnerEvents;
import org.partnerlifecycle.partner.DomainNames;
import org.partnerlifecycle.partner.PartnerStatus;
import org.partnerlifecycle.rules.LeadAllocation;
import org.partnerlifecycle.rules.ProgramTerms;
import org.partnerlifecycle.rules.Region;
import org.partnerlifecycle.rules.RuleResult;
import org.partnerlifecycle.rules.TermsCatalog;
import org.partnerlifecycle.rules.Tier;
import org.partnerlifecycle.web.ConflictException;
import org.partnerlifecycle.web.Ids;
import org.partnerlifecycle.web.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Leads: routed by the published rule, offered with an acceptance window, reassigned on decline or timeout. */
@Service
@Transactional
public class LeadRoutingService {

  public record Offer(String leadId, String assignedPartnerId, LeadStatus status, String reason, Instant acceptBy) {
  }

  private final LeadRepository leads;
  private final TermsCatalog terms;
  private final RuleResultStore ruleResults;
  private final LeadRoutingProcess process;
  private final EngineTime time;
  private final PartnerEvents events;

  public LeadRoutingService(LeadRepository leads, TermsCatalog terms, RuleResultStore ruleResults,
      LeadRoutingProcess process, EngineTime time, PartnerEvents events) {
    this.events = events;
    this.leads = leads;
    this.terms = terms;
    this.ruleResults = ruleResults;
    this.process = process;
    this.time = time;
  }

  /** A new lead, routed at once (its lead-routing process makes the first offer before this returns). */
  @Audited(action = "lead.created", subject = AuditLog.Subject.LEAD, subjectId = "#result.leadId()")
  public Offer create(String companyName, String customerDomain, String region, LeadCategory category,
      String createdBy) {
    String leadId = Ids.next("L-");
    leads.insert(leadId, companyName, customerDomain, DomainNames.normalize(customerDomain), region, category.name(),
        terms.effectiveOn(time.today()).version(), createdBy, time.now());
    process.start(leadId);
    Lead lead = leads.get(leadId);
    return new Offer(leadId, lead.assignedPartnerId(), lead.status(), lead.reason(), null);
  }

  /**
   * OfferLead: the next eligible partner by the rule, or UNASSIGNED. A customer under a partner's live registration
   * is that partner's (playbook: 30-day protection, seed 001): the lead goes to it when it is eligible (ACTIVE,
   * referrals not paused, not offered this lead before), otherwise it is HELD for staff with that reason — never
   * offered to a competitor. @return the acceptance deadline, if offered
   */
  public Optional<Instant> offer(String leadId, String processInstanceId) {
    Lead lead = leads.get(leadId);
    ProgramTerms current = terms.effectiveOn(time.today());
    Instant now = time.now();
    Optional<LeadRepository.Protector> protector = leads.protector(leadId, lead.normalizedDomain());
    if (protector.isPresent()) {
      LeadRepository.Protector p = protector.get();
      String why = "Customer " + lead.normalizedDomain() + " is protected by partner " + p.partnerId()
          + "'s live registration " + p.dealId();
      String unfit = p.status() != PartnerStatus.ACTIVE ? "it is " + p.status()
          : p.referralsPaused() ? "its referrals are paused"
          : p.offeredBefore() ? "it was offered this lead before" : null;
      if (unfit == null) {
        return Optional.of(offerTo(lead, p.partnerId(), why + ": the lead goes to it (category " + lead.category()
            + ")", now, current));
      }
      leads.hold(leadId, "Held for staff: " + why + ", which cannot take it (" + unfit
          + "); a competitor is not offered a protected customer");
      return Optional.empty();
    }
    RuleResult<Optional<String>> allocation = LeadAllocation.allocate(current, lead.region(),
        leads.candidates(leadId, lead.region(), lead.normalizedDomain(),
            now.minus(Duration.ofDays(current.leadRouting().lookbackDays()))));
    ruleResults.record(RuleResultStore.Subject.LEAD, leadId, allocation.explanation(), processInstanceId);
    if (allocation.value().isEmpty()) {
      leads.unassigned(leadId, allocation.explanation().text());
      return Optional.empty();
    }
    return Optional.of(offerTo(lead, allocation.value().get(), allocation.explanation().text(), now, current));
  }

  /** Offers the lead to one partner, who hears of it once (webhook and email); @return the acceptance deadline. */
  private Instant offerTo(Lead lead, String partnerId, String reason, Instant now, ProgramTerms current) {
    String leadId = lead.id();
    Instant acceptBy = now.plus(Duration.ofHours(current.leadRouting().acceptanceHours()));
    leads.offer(leadId, partnerId, lead.region(), reason, now, acceptBy);
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("leadId", leadId);
    data.put("companyName", lead.companyName());
    data.put("customerDomain", lead.customerDomain());
    data.put("region", lead.region());
    data.put("category", lead.category().name());
    data.put("offerExpiresAt", acceptBy.toString());
    data.put("accept", "POST /api/leads/" + leadId + "/accept");
    data.put("decline", "POST /api/leads/" + leadId + "/decline");
    events.emit(partnerId, PartnerEvent.LEAD_OFFERED, "lead.offered:" + leadId + ":" + partnerId, data);
    return acceptBy;
  }

  /** The assigned partner's answer (API): only the partner the lead is offered to may give it. */
  @Audited(action = "lead.answered", subject = AuditLog.Subject.LEAD)
  public void answer(String leadId, String partnerId, boolean accept) {
    Lead lead = leads.get(leadId);
    if (lead.status() != LeadStatus.OFFERED || !partnerId.equals(lead.assignedPartnerId())) {
      throw new NotFoundException("No lead " + leadId + " offered to you");
    }
    if (!process.answered(leadId, accept)) {
      throw new ConflictException("Lead " + leadId + " is not waiting for an answer");
    }
  }

  /** Staff: every lead. */
  @Transactional(readOnly = true)
  public org.partnerlifecycle.web.Page<LeadView> list(LeadStatus status, org.partnerlifecycle.web.ListQuery query) {
    return query.page(leads.count(status), leads.list(status, query.offset(), query.size()));
  }

  /** A partner: the offers made to it, open ones with their deadline. */
  @Transactional(readOnly = true)
  public org.partnerlifecycle.web.Page<LeadView> offersTo(String partnerId, OfferOutcome outcome,
      org.partnerlifecycle.web.ListQuery query) {
    return query.page(leads.countOffersTo(partnerId, outcome),
        leads.offersTo(partnerId, outcome, query.offset(), query.size()));
  }

  /** RecordAnswer / RecordTimeout: the open offer's outcome. */
  public void recordOutcome(String leadId, String outcome) {
    Lead lead = leads.get(leadId);
    leads.decide(leadId, outcome, time.now());
    if ("TIMED_OUT".equals(outcome) && lead.assignedPartnerId() != null) {
      events.emit(lead.assignedPartnerId(), PartnerEvent.LEAD_EXPIRED,
          "lead.expired:" + leadId + ":" + lead.assignedPartnerId(), Map.of("leadId", leadId,
              "reason", "the acceptance window passed without an answer; the lead goes to the next partner"));
    }
  }

  /**
   * Offers per region and partner in [from, to), each partner's share of its region's offers against its
   * entitlement under the rule (its tier weight over the weights of the region's currently eligible partners).
   * Aggregates only: no lead's company or domain.
   */
  @Transactional(readOnly = true)
  public List<TransparencyLine> transparency(Instant from, Instant to) {
    ProgramTerms current = terms.effectiveOn(time.today());
    Map<String, List<Tier>> activeTiers = new LinkedHashMap<>();
    // One line per ACTIVE partner (also those offered nothing) and per partner that was offered leads.
    Map<String, Tally> tallies = new java.util.TreeMap<>();
    java.util.Set<String> active = new java.util.HashSet<>();
    for (Map<String, Object> row : leads.activeByRegion()) {
      String region = (String) row.get("region");
      activeTiers.computeIfAbsent(region, r -> new ArrayList<>()).add(Tier.valueOf((String) row.get("tier")));
      active.add(region + "/" + row.get("id"));
      tallies.put(region + "/" + row.get("id"), new Tally(region, row, 0, 0));
    }
    for (Map<String, Object> row : leads.offersByRegionAndPartner(from, to)) {
      String region = (String) row.get("region");
      tallies.put(region + "/" + row.get("partner_id"), new Tally(region, row,
          ((Number) row.get("offers")).longValue(), ((Number) row.get("accepted")).longValue()));
    }
    // Seed 002 line 6 ("Leads allocated by categories … (defined transparently)"): each line's offers by category.
    for (Map<String, Object> row : leads.offersByRegionPartnerAndCategory(from, to)) {
      Tally tally = tallies.get(row.get("region") + "/" + row.get("partner_id"));
      if (tally != null) {
        tally.byCategory.put(LeadCategory.valueOf((String) row.get("category")), ((Number) row.get("offers")).longValue());
      }
    }
    Map<String, Long> regionTotals = new LinkedHashMap<>();
    tallies.values().forEach(t -> regionTotals.merge(t.region, t.offers, Long::sum));
    List<TransparencyLine> report = new ArrayList<>();
    for (Map.Entry<String, Tally> entry : tallies.entrySet()) {
      Tally tally = entry.getValue();
      long total = regionTotals.get(tally.region);
      List<Tier> tiers = activeTiers.getOrDefault(tally.region, List.of());
      // A partner no longer ACTIVE in the region is entitled to nothing now; its past offers still count.
      double entitlement = active.contains(entry.getKey())
          ? round(LeadAllocation.entitlement(current, tally.tier, tiers)) : 0.0;
      report.add(new TransparencyLine(Region.valueOf(tally.region), tally.companyName, tally.tier, tally.offers,
          tally.accepted, tally.byCategory, total, total == 0 ? 0.0 : round((double) tally.offers / total),
          entitlement, current.leadRouting().rule(), current.version()));
    }
    return report;
  }

  /** One partner's offers in one region, counted before the shares are known. */
  private static final class Tally {
    final String region;
    final String companyName;
    final Tier tier;
    final long offers;
    final long accepted;
    final Map<LeadCategory, Long> byCategory = new java.util.EnumMap<>(LeadCategory.class);

    Tally(String region, Map<String, Object> row, long offers, long accepted) {
      this.region = region;
      this.companyName = (String) row.get("company_name");
      this.tier = Tier.valueOf((String) row.get("tier"));
      this.offers = offers;
      this.accepted = accepted;
      for (LeadCategory category : LeadCategory.values()) {
        byCategory.put(category, 0L);
      }
    }
  }

  private static double round(double share) {
    return Math.round(share * 10_000) / 10_000.0;
  }
}
