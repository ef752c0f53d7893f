package org.partnerlifecycle.rules;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.partnerlifecycle.rules.ProgramTerms.EngagementTerms;

/**
 * The engagement cadence (guide seed 000 line 136 "Engagement Standards", line 186 "Product Alignment"; SPEC §3
 * business-review) and what a logged meeting counts toward the participation standards (seed 000 lines 221-222).
 */
public final class Engagement {

  /** What a meeting was (SPEC §4 meetings). */
  public enum MeetingKind {
    MANAGEMENT("Partner management meeting"), QBR("Business review"), ROADMAP("Roadmap alignment meeting"),
    CSUITE("C-suite meeting"), CEO("CEO-level meeting"), ENABLEMENT("Sales/CS/AM enablement session");

    private final String label;

    MeetingKind(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** The most senior role an attendee holds on the partner's side. */
  public enum AttendeeLevel {
    CEO("CEO"), C_LEVEL("C-level (CxO)"), VP("Vice president"), MANAGEMENT("Management"), STAFF("Staff");

    private final String label;

    AttendeeLevel(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /**
   * The sections of a business review (playbook "QBR Framework", seed 001 lines 1565-1572), and the roadmap
   * alignment the guide asks for (seed 000 line 186).
   */
  public enum AgendaItem {
    RELATIONSHIP("Relationship check"), PERFORMANCE("Performance review"), PIPELINE("Pipeline review"),
    PLANNING("Joint planning"), RESOURCES("Resources/Support"), ROADMAP("Roadmap alignment");

    private final String label;

    AgendaItem(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** What one meeting adds to the participation record: at most one of each count. */
  public record Credit(int managementMeetings, int ceoMeetings, int cSuiteMeetings, int enablementSessions) {

    public static final Credit NONE = new Credit(0, 0, 0, 0);

    public Credit plus(Credit other) {
      return new Credit(managementMeetings + other.managementMeetings, ceoMeetings + other.ceoMeetings,
          cSuiteMeetings + other.cSuiteMeetings, enablementSessions + other.enablementSessions);
    }
  }

  /**
   * The next business review: due on {@code dueOn}, opened for the manager {@code reviewDueDays} earlier (never
   * before today); {@code roadmapDue}: the roadmap alignment meeting falls due at this review.
   */
  public record ReviewPlan(LocalDate dueOn, LocalDate opensOn, boolean roadmapDue) {
  }

  private static final Set<MeetingKind> MANAGEMENT_KINDS = EnumSet.of(MeetingKind.MANAGEMENT, MeetingKind.QBR,
      MeetingKind.ROADMAP);

  private Engagement() {
  }

  /** Whether the tier has business reviews at all (FOUNDATION: none, seed 000 line 136). */
  public static boolean hasBusinessReviews(ProgramTerms terms, Tier tier) {
    return tier != null && terms.engagement().businessReviewEveryMonths().get(tier) > 0;
  }

  /**
   * A meeting's credit: a partner management meeting, business review or roadmap alignment meeting is a management
   * meeting; a C-suite meeting, or any meeting a C-level attendee joins, is a C-suite meeting; a CEO-level meeting,
   * or any meeting the CEO joins, is a CEO-level meeting and (the CEO being C-suite) a C-suite meeting; an
   * enablement session counts as one.
   */
  public static RuleResult<Credit> credit(ProgramTerms terms, MeetingKind kind, Collection<AttendeeLevel> levels) {
    Args.required("terms", terms);
    Args.required("kind", kind);
    Args.required("levels", levels);
    boolean ceo = kind == MeetingKind.CEO || levels.contains(AttendeeLevel.CEO);
    boolean cSuite = ceo || kind == MeetingKind.CSUITE || levels.contains(AttendeeLevel.C_LEVEL);
    Credit credit = new Credit(MANAGEMENT_KINDS.contains(kind) ? 1 : 0, ceo ? 1 : 0, cSuite ? 1 : 0,
        kind == MeetingKind.ENABLEMENT ? 1 : 0);
    List<String> counted = new java.util.ArrayList<>();
    if (credit.managementMeetings() > 0) {
      counted.add("a management meeting");
    }
    if (credit.ceoMeetings() > 0) {
      counted.add("a CEO-level meeting");
    }
    if (credit.cSuiteMeetings() > 0) {
      counted.add("a C-suite meeting");
    }
    if (credit.enablementSessions() > 0) {
      counted.add("an enablement session");
    }
    String text = kind.label() + (levels.isEmpty() ? "" : " with " + levels.stream().distinct()
        .map(AttendeeLevel::label).toList()) + " counts as " + (counted.isEmpty() ? "nothing" : String.join(
        " and ", counted)) + " toward the participation standards";
    return Explanation.of("engagement.meetingCredit", terms).input("kind", kind).input("attendeeLevels",
        levels.stream().distinct().map(Enum::name).sorted().toList()).result(credit, "participationStandards",
        credit.toString(), text);
  }

  /**
   * The next business review after {@code since} (the last review's due date, or the activation date): its tier's
   * cadence later (STRATEGIC 3 months, GROWTH 6), opened {@code reviewDueDays} before. The roadmap alignment meeting
   * is due at it when {@code roadmapAlignmentMonths} will have passed since {@code roadmapSince} (the last one held,
   * or the activation when none was).
   */
  public static RuleResult<ReviewPlan> nextBusinessReview(ProgramTerms terms, Tier tier, LocalDate since,
      LocalDate roadmapSince, LocalDate today) {
    Args.required("terms", terms);
    Args.required("tier", tier);
    Args.required("since", since);
    Args.required("roadmapSince", roadmapSince);
    Args.required("today", today);
    EngagementTerms e = terms.engagement();
    int months = e.businessReviewEveryMonths().get(tier);
    if (months == 0) {
      throw new IllegalArgumentException(tier + " has no business reviews");
    }
    LocalDate due = since.plusMonths(months);
    if (due.isBefore(today)) {
      due = today;
    }
    LocalDate opens = due.minusDays(e.reviewDueDays());
    if (opens.isBefore(today)) {
      opens = today;
    }
    int roadmapMonths = terms.integrationSupport().get(tier).roadmapAlignmentMonths();
    boolean roadmap = roadmapMonths > 0 && !due.isBefore(roadmapSince.plusMonths(roadmapMonths));
    String text = tier + " business reviews every " + months + " months: the next is due on " + due
        + ", opened on " + opens + (roadmap ? "; roadmap alignment (every " + roadmapMonths + " months) is due at it"
            : "");
    return Explanation.of("engagement.businessReview", terms).input("tier", tier).input("since", since)
        .input("roadmapSince", roadmapSince).input("today", today)
        .result(new ReviewPlan(due, opens, roadmap), "engagement.businessReviewEveryMonths." + tier, due.toString(),
            text);
  }

  /** Notes are late when recorded more than {@code notesDueHours} after the end of the meeting's day (UTC). */
  public static boolean notesLate(ProgramTerms terms, LocalDate heldOn, Instant recordedAt) {
    Instant endOfMeetingDay = heldOn.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    return recordedAt.isAfter(endOfMeetingDay.plusSeconds(3600L * terms.engagement().notesDueHours()));
  }
}
