package org.partnerlifecycle.health;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.partnerlifecycle.audit.RuleResultStore;
import org.partnerlifecycle.audit.RuleResultStore.Subject;
import org.partnerlifecycle.engagement.EngagementService;
import org.partnerlifecycle.engine.Decisions;
import org.partnerlifecycle.engine.EngineTime;
import org.partnerlifecycle.health.HealthRepository.StoredHealth;
import org.partnerlifecycle.health.HealthRepository.Survey;
import org.partnerlifecycle.partner.PartnerRepository;
import org.partnerlifecycle.rules.Attribution;
import org.partnerlifecycle.rules.HealthFactor;
import org.partnerlifecycle.rules.HealthScore;
import org.partnerlifecycle.rules.HealthScore.Health;
import org.partnerlifecycle.rules.HealthScore.Indicators;
import org.partnerlifecycle.rules.HealthScore.PortalActivity;
import org.partnerlifecycle.rules.HealthScore.StrategicFit;
import org.partnerlifecycle.rules.Money;
import org.partnerlifecycle.rules.ProgramTerms;
import org.partnerlifecycle.rules.RuleResult;
import org.partnerlifecycle.rules.TermsCatalog;
import org.partnerlifecycle.rules.TierRules;
import org.partnerlifecycle.warning.BreachCategory;
import org.partnerlifecycle.warning.WarningService;
import org.partnerlifecycle.web.Ids;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The partner health score (SPEC §2, §3 partner-health; playbook seed 001 lines 1515-1563) from recorded facts:
 * revenue growth year on year (WON deals at their annual value and qualification credit), deal registrations in the
 * last quarter, engagement (the latest deal registration or meeting), NPS and strategic fit (as last recorded with
 * the partner's commitments; unknown counts as the lowest, the cautious reading). Each score is stored with its
 * factors and explanation; entering At-risk, Critical or Churning calls for ReviewAtRiskPartner.
 */
@Service
@Transactional
public class HealthService {

  /** A computed and stored score; {@code entersRisk}: it opens ReviewAtRiskPartner. */
  public record Computed(String healthId, Health health, String explanation, String previousBand,
      boolean entersRisk, String factorsJson, Instant computedAt) {
  }

  /** The ReviewAtRiskPartner decisions. */
  /** ReviewAtRiskPartner's options. */
  public enum AtRiskDecision { PLAN, RAISE_BREACH }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HealthRepository repository;
  private final PartnerRepository partners;
  private final EngagementService engagement;
  private final TermsCatalog terms;
  private final RuleResultStore ruleResults;
  private final WarningService warnings;
  private final EngineTime time;

  HealthService(HealthRepository repository, PartnerRepository partners, EngagementService engagement,
      TermsCatalog terms, RuleResultStore ruleResults, WarningService warnings, EngineTime time) {
    this.repository = repository;
    this.partners = partners;
    this.engagement = engagement;
    this.terms = terms;
    this.ruleResults = ruleResults;
    this.warnings = warnings;
    this.time = time;
  }

  /** Computes the partner's health today and stores it with its factors; {@code runId}: the process or review. */
  public Computed compute(String partnerId, String runId) {
    LocalDate today = time.today();
    ProgramTerms current = terms.effectiveOn(today);
    Indicators indicators = indicators(partnerId, today, current);
    RuleResult<Health> result = HealthScore.scoreFromIndicators(current, indicators);
    Health health = result.value();
    String previous = repository.latest(partnerId).map(StoredHealth::band).orElse(null);
    boolean entersRisk = HealthScore.entersRisk(current, previous, health.band());
    String factors = factorsJson(current, health, indicators);
    String id = Ids.next("H-");
    Instant now = time.now();
    repository.insert(new StoredHealth(id, partnerId, health.score(), health.band(), factors,
        result.explanation().text(), now, current.version(), entersRisk, null, null, null), runId);
    ruleResults.record(Subject.PARTNER, partnerId, result.explanation(), runId);
    return new Computed(id, health, result.explanation().text(), previous, entersRisk, factors, now);
  }

  /** WON deals closed in (from, to] at their annual value, credited per attribution (qualification credit). */
  public RuleResult<BigDecimal> creditedRevenue(String partnerId, LocalDate from, LocalDate to, ProgramTerms terms) {
    Map<Attribution, BigDecimal> annual = new EnumMap<>(Attribution.class);
    for (Map.Entry<String, BigDecimal> sum : repository.wonAnnualRevenueByAttribution(partnerId, from, to)
        .entrySet()) {
      Attribution attribution = sum.getKey() == null ? Attribution.SOURCED : Attribution.valueOf(sum.getKey());
      annual.merge(attribution, sum.getValue(), BigDecimal::add);
    }
    return TierRules.creditedRevenue(terms, annual);
  }

  /**
   * ReviewAtRiskPartner: PLAN records the agreed action plan; RAISE_BREACH raises a compliance breach (category
   * OTHER, with the score and the manager's detail), which starts or joins the warning escalation.
   */
  public void reviewAtRisk(String partnerId, String healthId, String decision, String planOrDetail,
      String decidedBy, String decisionField, String planField) {
    AtRiskDecision chosen = Decisions.oneOf(decisionField, decision, AtRiskDecision.class);
    String text = Decisions.optionalText(planField, planOrDetail);
    Decisions.requireText(planField, text, chosen == AtRiskDecision.PLAN ? "is required: the action plan agreed"
        : "is required: what the breach is");
    StoredHealth health = repository.get(healthId);
    repository.decide(healthId, chosen.name(), text, decidedBy, time.now());
    if (chosen == AtRiskDecision.RAISE_BREACH) {
      warnings.raiseBreach(partnerId, BreachCategory.OTHER, "Health score " + health.score() + " ("
          + HealthScore.bandLabel(health.band()) + "): " + text, "PARTNER_HEALTH", decidedBy);
    }
  }

  /** The partner's latest health score as GET /api/partners/{id}/health answers it; empty before any. */
  public Optional<HealthView> latest(String partnerId) {
    return repository.latest(partnerId).map(h -> new HealthView(partnerId, h.score(), h.band(),
        HealthScore.bandLabel(h.band()), factorsOf(h.factorsJson()), h.explanation(), h.computedAt().toString(),
        h.termsVersion(), h.riskDecision() == null ? null
            : new HealthView.AtRiskReview(h.riskDecision(), h.actionPlan(), h.decidedBy())));
  }

  /** The factors of a stored score (its factors JSON). */
  public static List<HealthView.Factor> factorsOf(String factorsJson) {
    try {
      return JSON.readValue(factorsJson, new com.fasterxml.jackson.core.type.TypeReference<>() { });
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The quarterly run's next page: up to {@code limit} ACTIVE partners after {@code afterId}, by id. */
  public List<String> activePartnersAfter(String afterId, int limit) {
    return repository.activePartnersAfter(afterId, limit);
  }

  public String companyName(String partnerId) {
    return partners.get(partnerId).companyName();
  }

  public String partnerManager(String partnerId) {
    return partners.get(partnerId).partnerManager();
  }

  private Indicators indicators(String partnerId, LocalDate today, ProgramTerms terms) {
    BigDecimal revenue = creditedRevenue(partnerId, today.minusMonths(12), today, terms).value();
    BigDecimal previous = creditedRevenue(partnerId, today.minusMonths(24), today.minusMonths(12), terms).value();
    BigDecimal growth = previous.signum() == 0 ? (revenue.signum() > 0 ? new BigDecimal("100") : BigDecimal.ZERO)
        : revenue.subtract(previous).multiply(Money.HUNDRED).divide(previous, 2, RoundingMode.HALF_EVEN);
    Instant now = time.now();
    int dealsLastQuarter = repository.registrationsSince(partnerId, now.minus(Duration.ofDays(91)));
    Optional<Instant> lastRegistration = repository.lastRegistration(partnerId);
    Optional<Instant> lastMeeting = engagement.lastMeeting(partnerId)
        .map(d -> d.atStartOfDay().toInstant(ZoneOffset.UTC));
    Optional<Instant> lastActivity = lastRegistration.isEmpty() ? lastMeeting : lastMeeting.isEmpty()
        ? lastRegistration : Optional.of(lastRegistration.get().isAfter(lastMeeting.get()) ? lastRegistration.get()
        : lastMeeting.get());
    PortalActivity activity = lastActivity.map(last -> {
      long days = ChronoUnit.DAYS.between(last, now);
      return days <= 7 ? PortalActivity.WEEKLY : days <= 31 ? PortalActivity.MONTHLY
          : days <= 92 ? PortalActivity.QUARTERLY : PortalActivity.INACTIVE;
    }).orElse(PortalActivity.INACTIVE);
    Optional<Survey> survey = repository.latestSurvey(partnerId);
    Integer nps = survey.map(Survey::nps).orElse(null);
    StrategicFit fit = survey.map(Survey::strategicFit).map(StrategicFit::valueOf).orElse(StrategicFit.WEAK);
    return new Indicators(growth, dealsLastQuarter, activity, nps, fit);
  }

  /** The factors of a health score as JSON: factor, points, max (its weight) and the indicator it scored. */
  private static String factorsJson(ProgramTerms terms, Health health, Indicators in) {
    Map<HealthFactor, Object> inputs = new EnumMap<>(HealthFactor.class);
    inputs.put(HealthFactor.REVENUE, in.revenueGrowthPercent().toPlainString() + " % year on year");
    inputs.put(HealthFactor.ACTIVITY, in.dealsLastQuarter() + (in.dealsLastQuarter() == 1 ? " deal registration"
        : " deal registrations") + " in the last quarter");
    inputs.put(HealthFactor.ENGAGEMENT, "latest deal registration or meeting: " + in.portalActivity());
    inputs.put(HealthFactor.SATISFACTION, in.nps() == null ? "NPS unknown" : "NPS " + in.nps());
    inputs.put(HealthFactor.FIT, "strategic fit " + in.strategicFit());
    List<Map<String, Object>> factors = new ArrayList<>();
    for (HealthFactor factor : HealthFactor.values()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("factor", factor.name());
      row.put("points", health.points().getOrDefault(factor, BigDecimal.ZERO).stripTrailingZeros().toPlainString());
      row.put("max", terms.health().weights().get(factor));
      row.put("input", inputs.get(factor));
      factors.add(row);
    }
    try {
      return JSON.writeValueAsString(factors);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
