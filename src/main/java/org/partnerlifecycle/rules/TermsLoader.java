package org.partnerlifecycle.rules;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.partnerlifecycle.rules.ProgramTerms.ClawbackBand;
import org.partnerlifecycle.rules.ProgramTerms.DealRegistrationTerms;
import org.partnerlifecycle.rules.ProgramTerms.HealthBand;
import org.partnerlifecycle.rules.ProgramTerms.HealthTerms;
import org.partnerlifecycle.rules.ProgramTerms.IncentiveCell;
import org.partnerlifecycle.rules.ProgramTerms.IntegrationSupport;
import org.partnerlifecycle.rules.ProgramTerms.ParticipationStandard;

/**
 * Reads and validates one terms file. Every cell the rules read must be present and sane; the first problem stops
 * loading with the file, the cell (a dotted path such as {@code revenueThresholds.OEM.STRATEGIC}) and the reason.
 */
final class TermsLoader {

  /** Decimals are read as BigDecimal, never through a double: 7.5 % stays exactly 7.5. */
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
  private static final BigDecimal HUNDRED = new BigDecimal("100");

  private final String file;

  private TermsLoader(String file) {
    this.file = file;
  }

  static ProgramTerms parse(String file, String json) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (IOException e) {
      throw new TermsValidationException(file, "(file)", "not valid JSON: " + e.getMessage());
    }
    if (root == null || !root.isObject()) {
      throw new TermsValidationException(file, "(file)", "must be a JSON object");
    }
    return new TermsLoader(file).read(root);
  }

  private ProgramTerms read(JsonNode root) {
    String version = text(root, "version");
    LocalDate effectiveFrom;
    try {
      effectiveFrom = LocalDate.parse(text(root, "effectiveFrom"));
    } catch (DateTimeParseException e) {
      throw fail("effectiveFrom", "not an ISO date (yyyy-mm-dd)");
    }

    knownKeys(root, "revenueThresholds", Motion.class);
    Map<Motion, Map<Tier, BigDecimal>> thresholds = byMotion(motion -> {
      String cell = "revenueThresholds." + motion;
      onlyKeys(root, cell, List.of("GROWTH", "STRATEGIC"), "FOUNDATION has no threshold");
      BigDecimal growth = amount(root, cell + ".GROWTH");
      BigDecimal strategic = amount(root, cell + ".STRATEGIC");
      if (strategic.compareTo(growth) <= 0) {
        throw fail(cell + ".STRATEGIC", "threshold " + strategic.toPlainString()
            + " is not above the GROWTH threshold " + growth.toPlainString());
      }
      Map<Tier, BigDecimal> row = new EnumMap<>(Tier.class);
      row.put(Tier.GROWTH, growth);
      row.put(Tier.STRATEGIC, strategic);
      return row;
    });

    knownKeys(root, "motionsByTier", Tier.class);
    Map<Tier, Set<Motion>> motionsByTier = byTier(tier ->
        Collections.unmodifiableSet(new LinkedHashSet<>(enumList(root, "motionsByTier." + tier, Motion.class))));

    Map<String, Map<Motion, Map<Tier, IncentiveCell>>> incentives = new LinkedHashMap<>();
    onlyKeys(root, "incentives", List.of(ProgramTerms.NEW, ProgramTerms.RENEWAL), "the tables are NEW and RENEWAL");
    for (String table : List.of(ProgramTerms.NEW, ProgramTerms.RENEWAL)) {
      knownKeys(root, "incentives." + table, Motion.class);
      for (Motion motion : Motion.values()) {
        knownKeys(root, "incentives." + table + "." + motion, Tier.class);
      }
      incentives.put(table, byMotion(motion -> byTier(tier ->
          incentive(root, "incentives." + table + "." + motion + "." + tier, motionsByTier.get(tier).contains(motion)))));
    }

    tierTable(root, "products");
    Map<Motion, Map<Tier, Set<Product>>> products = byMotion(motion -> byTier(tier ->
        Collections.unmodifiableSet(new LinkedHashSet<>(enumList(root, "products." + motion + "." + tier,
            Product.class)))));
    Map<Product, String> productNotes = new EnumMap<>(Product.class);
    JsonNode notes = root.path("productNotes");
    notes.fieldNames().forEachRemaining(name -> productNotes.put(enumValue(Product.class, name,
        "productNotes." + name), notes.get(name).asText()));

    knownKeys(root, "launchMethods", Tier.class);
    Map<Tier, List<LaunchMethod>> launchMethods = byTier(tier ->
        enumList(root, "launchMethods." + tier, LaunchMethod.class));
    tierTable(root, "integrationTypes");
    Map<Motion, Map<Tier, List<IntegrationType>>> integrationTypes = byMotion(motion -> byTier(tier ->
        enumList(root, "integrationTypes." + motion + "." + tier, IntegrationType.class)));
    Map<Motion, String> integrationTypeNotes = new EnumMap<>(Motion.class);
    JsonNode typeNotes = root.path("integrationTypeNotes");
    typeNotes.fieldNames().forEachRemaining(name -> integrationTypeNotes.put(enumValue(Motion.class, name,
        "integrationTypeNotes." + name), typeNotes.get(name).asText()));

    knownKeys(root, "integrationSupport", Tier.class);
    Map<Tier, IntegrationSupport> support = byTier(tier -> {
      String cell = "integrationSupport." + tier;
      return new IntegrationSupport(textList(root, cell + ".support"), text(root, cell + ".projectManagement"),
          count(root, cell + ".roadmapAlignmentMonths"));
    });
    knownKeys(root, "benefits", Tier.class);
    Map<Tier, List<String>> benefits = byTier(tier -> textList(root, "benefits." + tier));

    onlyKeys(root, "participationStandards", List.of("GROWTH", "STRATEGIC"), "FOUNDATION has no standards");
    Map<Tier, ParticipationStandard> standards = new EnumMap<>(Tier.class);
    for (Tier tier : List.of(Tier.GROWTH, Tier.STRATEGIC)) {
      String cell = "participationStandards." + tier;
      int certified = count(root, cell + ".certifiedFieldPercent");
      if (certified > 100) {
        throw fail(cell + ".certifiedFieldPercent", "must be at most 100");
      }
      standards.put(tier, new ParticipationStandard(count(root, cell + ".managementMeetingsPerYear"),
          count(root, cell + ".ceoMeetingsPerYear"), count(root, cell + ".cSuiteMeetingsPerYear"),
          count(root, cell + ".enablementSessionsPerYear"), certified, bool(root, cell + ".businessPlanRequired"),
          optionalBool(root, cell + ".commissionQuotaReliefRequired"),
          optionalBool(root, cell + ".salesEventPresenceRequired"),
          text(root, cell + ".label")));
    }

    knownKeys(root, "attributionPercent", Attribution.class);
    Map<Attribution, BigDecimal> attribution = new EnumMap<>(Attribution.class);
    for (Attribution a : Attribution.values()) {
      attribution.put(a, percent(root, "attributionPercent." + a));
    }

    DealRegistrationTerms deals = new DealRegistrationTerms(count(root, "dealRegistration.reviewSlaHours"),
        count(root, "dealRegistration.protectionDays"), count(root, "dealRegistration.extensionDays"),
        count(root, "dealRegistration.maxExtensions"));

    List<ClawbackBand> bands = clawbackBands(root);
    int proRataDays = count(root, "clawback.proRataDays");

    // Grace is counted in quarters (playbook "Tier Maintenance Requirements", seed 001 lines 1448-1451). Terms
    // 2026-01-01 named the same figures (GROWTH 1, STRATEGIC 2) graceReviews; from 2026-12-01 they are graceQuarters.
    String graceCell = root.path("tierMaintenance").has("graceQuarters") ? "tierMaintenance.graceQuarters"
        : "tierMaintenance.graceReviews";
    knownKeys(root, graceCell, Tier.class);
    knownKeys(root, "tierMaintenance.reviewCadenceMonths", Tier.class);
    Map<Tier, Integer> grace = byTier(tier -> count(root, graceCell + "." + tier));
    Map<Tier, Integer> cadence = byTier(tier -> {
      int months = count(root, "tierMaintenance.reviewCadenceMonths." + tier);
      if (months == 0) {
        throw fail("tierMaintenance.reviewCadenceMonths." + tier, "must be at least 1 month");
      }
      return months;
    });

    return new ProgramTerms(version, effectiveFrom, thresholds, motionsByTier, incentives, products, productNotes,
        launchMethods, integrationTypes, integrationTypeNotes, support, benefits, standards, attribution, deals,
        bands, proRataDays, grace, cadence, count(root, "warning.curePeriodDays"), health(root),
        count(root, "licences.volumeMonths"), leadRouting(root), qualificationCredit(root, attribution),
        payouts(root), engagement(root), mdf(root));
  }

  /** MDF (seed 001 lines 1901-1916): a tier with an annual budget has a quarterly cap within it. */
  private ProgramTerms.MdfTerms mdf(JsonNode root) {
    knownKeys(root, "mdf.annualBudget", Tier.class);
    knownKeys(root, "mdf.quarterlyCap", Tier.class);
    Map<Tier, BigDecimal> annual = byTier(tier -> amount(root, "mdf.annualBudget." + tier));
    Map<Tier, BigDecimal> quarterly = byTier(tier -> {
      BigDecimal cap = amount(root, "mdf.quarterlyCap." + tier);
      if (cap.compareTo(annual.get(tier)) > 0) {
        throw fail("mdf.quarterlyCap." + tier, "cap " + cap.toPlainString() + " is above the annual budget "
            + annual.get(tier).toPlainString());
      }
      if (annual.get(tier).signum() > 0 && cap.signum() == 0) {
        throw fail("mdf.quarterlyCap." + tier, "an eligible tier (annual budget above 0) needs a quarterly cap");
      }
      return cap;
    });
    BigDecimal leadershipFrom = amount(root, "mdf.leadershipApprovalFrom");
    Set<MdfUse> uses = Collections.unmodifiableSet(new LinkedHashSet<>(enumList(root, "mdf.allowedUses",
        MdfUse.class)));
    if (uses.isEmpty()) {
      throw fail("mdf.allowedUses", "must name at least one use");
    }
    java.time.MonthDay yearEnd;
    try {
      yearEnd = java.time.MonthDay.parse("--" + text(root, "mdf.fiscalYearEnd"));
    } catch (DateTimeParseException e) {
      throw fail("mdf.fiscalYearEnd", "not a month and day (mm-dd)");
    }
    return new ProgramTerms.MdfTerms(annual, quarterly, leadershipFrom, uses, count(root, "mdf.reimbursementNetDays"),
        yearEnd);
  }

  /**
   * Credit toward the tier thresholds per attribution (playbook, seed 001 line 77: "full credit to partner-sourced,
   * 25% credit to partner-influenced"), apart from the commission's attributionPercent. Terms without it (2026-01-01)
   * credited what the commission paid.
   */
  private Map<Attribution, BigDecimal> qualificationCredit(JsonNode root, Map<Attribution, BigDecimal> commission) {
    if (!root.has("qualificationCreditPercent")) {
      return commission;
    }
    knownKeys(root, "qualificationCreditPercent", Attribution.class);
    Map<Attribution, BigDecimal> credit = new EnumMap<>(Attribution.class);
    for (Attribution a : Attribution.values()) {
      credit.put(a, percent(root, "qualificationCreditPercent." + a));
    }
    return credit;
  }

  /** The engagement cadence (seed 000 line 136) and the QBR notes deadline (seed 001 line 1612). */
  private ProgramTerms.EngagementTerms engagement(JsonNode root) {
    knownKeys(root, "engagement.spmMeetingEveryDays", Tier.class);
    knownKeys(root, "engagement.businessReviewEveryMonths", Tier.class);
    Map<Tier, Integer> meetings = byTier(tier -> count(root, "engagement.spmMeetingEveryDays." + tier));
    Map<Tier, Integer> reviews = byTier(tier -> count(root, "engagement.businessReviewEveryMonths." + tier));
    int dueDays = count(root, "engagement.businessReviewDueDays");
    int notesHours = count(root, "engagement.notesDueHours");
    if (notesHours < 1) {
      throw fail("engagement.notesDueHours", "must be at least 1");
    }
    for (Tier tier : Tier.values()) {
      if (reviews.get(tier) > 0 && dueDays >= reviews.get(tier) * 28) {
        throw fail("engagement.businessReviewDueDays", "a review must open within its cadence of "
            + reviews.get(tier) + " months");
      }
    }
    return new ProgramTerms.EngagementTerms(meetings, reviews, dueDays, notesHours);
  }

  private boolean optionalBool(JsonNode root, String cell) {
    String parent = cell.substring(0, cell.lastIndexOf('.'));
    String key = cell.substring(cell.lastIndexOf('.') + 1);
    return node(root, parent).has(key) && bool(root, cell);
  }

  private ProgramTerms.LeadRoutingTerms leadRouting(JsonNode root) {
    Map<Tier, Integer> weights = byTier(tier -> {
      int weight = count(root, "leadRouting.tierWeights." + tier);
      if (weight < 1) {
        throw fail("leadRouting.tierWeights." + tier, "must be at least 1");
      }
      return weight;
    });
    int acceptanceHours = count(root, "leadRouting.acceptanceHours");
    if (acceptanceHours < 1) {
      throw fail("leadRouting.acceptanceHours", "must be at least 1");
    }
    return new ProgramTerms.LeadRoutingTerms(text(root, "leadRouting.rule"), weights,
        count(root, "leadRouting.lookbackDays"), acceptanceHours);
  }

  private IncentiveCell incentive(JsonNode root, String cell, boolean motionAllowed) {
    String kind = text(root, cell + ".kind");
    if (!List.of("REVENUE_SHARE", "DISCOUNT", "NONE", IncentiveCell.NOT_ELIGIBLE).contains(kind)) {
      throw fail(cell + ".kind", "unknown kind '" + kind + "'");
    }
    if (!motionAllowed && !IncentiveCell.NOT_ELIGIBLE.equals(kind)) {
      throw fail(cell, "the tier does not allow this motion (motionsByTier), so the cell must be NOT_ELIGIBLE");
    }
    boolean negotiated = node(root, cell).has("negotiated") && bool(root, cell + ".negotiated");
    if (cell.contains(".OEM.") && motionAllowed && !negotiated) {
      throw fail(cell + ".negotiated", "OEM incentives are always negotiated (SPEC §2)");
    }
    BigDecimal percent = null;
    if (kind.equals("REVENUE_SHARE") || kind.equals("DISCOUNT")) {
      if (!negotiated || node(root, cell).has("percent")) {
        percent = percent(root, cell + ".percent");
      }
    }
    String term = null;
    if (node(root, cell).has("term")) {
      term = text(root, cell + ".term");
      if (!TERMS.contains(term)) {
        throw fail(cell + ".term", "unknown term '" + term + "' (one of " + TERMS + ")");
      }
    }
    return new IncentiveCell(kind, percent, negotiated, term, text(root, cell + ".label"));
  }

  /** Which part of a contract a rate applies to: "Year 1", "Initial Term", "Renewal Term" in the guide. */
  private static final List<String> TERMS = List.of("FIRST_12_MONTHS", "INITIAL_TERM", "RENEWAL_TERM");

  private List<ClawbackBand> clawbackBands(JsonNode root) {
    JsonNode array = node(root, "clawback.bands");
    if (!array.isArray() || array.isEmpty()) {
      throw fail("clawback.bands", "must be a non-empty list");
    }
    List<ClawbackBand> bands = new ArrayList<>();
    int previous = -1;
    for (int i = 0; i < array.size(); i++) {
      String cell = "clawback.bands[" + i + "]";
      int from = count(root, cell + ".fromDay");
      if (i == 0 && from != 0) {
        throw fail(cell + ".fromDay", "the first band must start at day 0");
      }
      if (from <= previous) {
        throw fail(cell + ".fromDay", "bands out of order: " + from + " is not after " + previous);
      }
      previous = from;
      boolean proRated = array.get(i).path("proRated").asBoolean(false);
      bands.add(new ClawbackBand(from, proRated ? null : percent(root, cell + ".percent"), proRated,
          text(root, cell + ".label")));
    }
    return List.copyOf(bands);
  }

  private ProgramTerms.PayoutTerms payouts(JsonNode root) {
    onlyKeys(root, "payouts", List.of("refundHoldbackDays", "minimumPayout", "statementNetDays",
        "leadershipApprovalFrom", "contractYearMonths"), "unknown payout term");
    int yearMonths = count(root, "payouts.contractYearMonths");
    if (yearMonths == 0) {
      throw fail("payouts.contractYearMonths", "must be at least 1 month");
    }
    return new ProgramTerms.PayoutTerms(count(root, "payouts.refundHoldbackDays"), amount(root, "payouts.minimumPayout"),
        count(root, "payouts.statementNetDays"), amount(root, "payouts.leadershipApprovalFrom"), yearMonths);
  }

  private HealthTerms health(JsonNode root) {
    knownKeys(root, "health.weights", HealthFactor.class);
    knownKeys(root, "health.indicatorPoints", HealthFactor.class);
    Map<HealthFactor, Integer> weights = new EnumMap<>(HealthFactor.class);
    Map<HealthFactor, Map<String, Integer>> indicatorPoints = new EnumMap<>(HealthFactor.class);
    for (HealthFactor factor : HealthFactor.values()) {
      int weight = count(root, "health.weights." + factor);
      weights.put(factor, weight);
      indicatorPoints.put(factor, points(root, "health.indicatorPoints." + factor, INDICATORS.get(factor), weight));
    }
    int total = weights.values().stream().mapToInt(Integer::intValue).sum();
    if (total != 100) {
      throw fail("health.weights", "the weights add up to " + total + ", not 100");
    }
    JsonNode array = node(root, "health.bands");
    if (!array.isArray()) {
      throw fail("health.bands", "must be a list");
    }
    List<HealthBand> bands = new ArrayList<>();
    int previous = 101;
    for (int i = 0; i < array.size(); i++) {
      String cell = "health.bands[" + i + "]";
      int min = count(root, cell + ".min");
      if (min >= previous) {
        throw fail(cell + ".min", "bands out of order: " + min + " is not below " + previous);
      }
      String name = text(root, cell + ".name");
      if (bands.stream().anyMatch(b -> b.name().equals(name))) {
        throw fail(cell + ".name", "band " + name + " appears twice");
      }
      previous = min;
      bands.add(new HealthBand(name, min));
    }
    if (bands.isEmpty() || previous != 0) {
      throw fail("health.bands", "the last band must start at 0");
    }
    if (bands.get(0).min() > 100) {
      throw fail("health.bands[0].min", "above the highest possible score 100");
    }
    return new HealthTerms(Collections.unmodifiableMap(weights), Collections.unmodifiableMap(indicatorPoints),
        List.copyOf(bands));
  }

  /** The playbook's indicators per factor, in the order the health score reads them. */
  private static final Map<HealthFactor, List<String>> INDICATORS = Map.of(
      HealthFactor.REVENUE, List.of("growing20PlusPercent", "growing", "flat", "declining"),
      HealthFactor.ACTIVITY, List.of("fivePlusDeals", "threeToFourDeals", "oneToTwoDeals", "noDeals"),
      HealthFactor.ENGAGEMENT, List.of("WEEKLY", "MONTHLY", "QUARTERLY", "INACTIVE"),
      HealthFactor.SATISFACTION, List.of("nps50Plus", "nps25To49", "nps0To24", "npsNegative"),
      HealthFactor.FIT, List.of("STRONG", "MODERATE", "WEAK"));

  private Map<String, Integer> points(JsonNode root, String cell, List<String> keys, int weight) {
    onlyKeys(root, cell, keys, "the playbook's indicators are " + keys);
    Map<String, Integer> points = new LinkedHashMap<>();
    for (String key : keys) {
      int value = count(root, cell + "." + key);
      if (value > weight) {
        throw fail(cell + "." + key, value + " points exceed the factor's weight " + weight);
      }
      points.put(key, value);
    }
    return Collections.unmodifiableMap(points);
  }

  /** A motion × tier table: only known motions, and only known tiers in each row. */
  private void tierTable(JsonNode root, String cell) {
    knownKeys(root, cell, Motion.class);
    for (Motion motion : Motion.values()) {
      knownKeys(root, cell + "." + motion, Tier.class);
    }
  }

  /** Every key of an enum-keyed table must name a constant: a typo is refused, not silently ignored. */
  private <E extends Enum<E>> void knownKeys(JsonNode root, String cell, Class<E> type) {
    node(root, cell).fieldNames().forEachRemaining(name -> enumValue(type, name, cell + "." + name));
  }

  private void onlyKeys(JsonNode root, String cell, List<String> allowed, String why) {
    node(root, cell).fieldNames().forEachRemaining(name -> {
      if (!allowed.contains(name)) {
        throw fail(cell + "." + name, "unknown key '" + name + "' (" + why + ")");
      }
    });
  }

  // --- cells -------------------------------------------------------------------------------------------------

  private JsonNode node(JsonNode root, String cell) {
    JsonNode node = root;
    for (String part : cell.replaceAll("\\[(\\d+)]", ".$1").split("\\.")) {
      node = part.matches("\\d+") && node.isArray() ? node.path(Integer.parseInt(part)) : node.path(part);
      if (node.isMissingNode() || node.isNull()) {
        throw fail(cell, "missing");
      }
    }
    return node;
  }

  private String text(JsonNode root, String cell) {
    JsonNode node = node(root, cell);
    if (!node.isTextual() || node.asText().isBlank()) {
      throw fail(cell, "must be a non-empty text");
    }
    return node.asText();
  }

  private boolean bool(JsonNode root, String cell) {
    JsonNode node = node(root, cell);
    if (!node.isBoolean()) {
      throw fail(cell, "must be true or false");
    }
    return node.asBoolean();
  }

  private BigDecimal amount(JsonNode root, String cell) {
    JsonNode node = node(root, cell);
    if (!node.isNumber()) {
      throw fail(cell, "must be a number");
    }
    BigDecimal value = node.decimalValue();
    if (value.signum() < 0) {
      throw fail(cell, "must not be negative: " + value.toPlainString());
    }
    return value;
  }

  private BigDecimal percent(JsonNode root, String cell) {
    BigDecimal value = amount(root, cell);
    if (value.compareTo(HUNDRED) > 0) {
      throw fail(cell, "a rate of " + value.toPlainString() + " % is above 100 %");
    }
    return value;
  }

  private int count(JsonNode root, String cell) {
    JsonNode node = node(root, cell);
    if (!node.isIntegralNumber() || node.asInt() < 0) {
      throw fail(cell, "must be a whole number, not negative");
    }
    return node.asInt();
  }

  private List<String> textList(JsonNode root, String cell) {
    JsonNode node = node(root, cell);
    if (!node.isArray()) {
      throw fail(cell, "must be a list");
    }
    List<String> values = new ArrayList<>();
    node.forEach(item -> values.add(item.asText()));
    return List.copyOf(values);
  }

  private <E extends Enum<E>> List<E> enumList(JsonNode root, String cell, Class<E> type) {
    List<E> values = new ArrayList<>();
    for (String name : textList(root, cell)) {
      values.add(enumValue(type, name, cell));
    }
    return List.copyOf(values);
  }

  private <E extends Enum<E>> E enumValue(Class<E> type, String name, String cell) {
    try {
      return Enum.valueOf(type, name);
    } catch (IllegalArgumentException e) {
      throw fail(cell, "unknown " + type.getSimpleName() + " '" + name + "'");
    }
  }

  private static <V> Map<Motion, V> byMotion(Function<Motion, V> cell) {
    Map<Motion, V> map = new EnumMap<>(Motion.class);
    for (Motion motion : Motion.values()) {
      map.put(motion, cell.apply(motion));
    }
    return Collections.unmodifiableMap(map);
  }

  private static <V> Map<Tier, V> byTier(Function<Tier, V> cell) {
    Map<Tier, V> map = new EnumMap<>(Tier.class);
    for (Tier tier : Tier.values()) {
      map.put(tier, cell.apply(tier));
    }
    return Collections.unmodifiableMap(map);
  }

  private TermsValidationException fail(String cell, String reason) {
    return new TermsValidationException(file, cell, reason);
  }
}
