package org.partnerlifecycle.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.partnerlifecycle.rules.Engagement.AttendeeLevel;
import org.partnerlifecycle.rules.Engagement.Credit;
import org.partnerlifecycle.rules.Engagement.MeetingKind;
import org.partnerlifecycle.rules.Engagement.ReviewPlan;

/** The engagement cadence as terms data and what a meeting counts toward the participation standards (issue 28). */
class EngagementRulesTest {

  /**
   * Guide "Engagement Standards" (seed 000 line 136): GROWTH "Bi-weekly recurring meetings with SPM", "Bi-annual
   * business reviews"; STRATEGIC "Weekly recurring meetings with SPM", "Quarterly business reviews"; FOUNDATION
   * "Email-based, reactive partner support" (none). Playbook "AFTER THE QBR (within 48 hours)" (seed 001 line 1612).
   */
  @Test
  void theCadenceIsTheGuidesInBothTermsVersions() {
    for (ProgramTerms terms : List.of(Terms.V2026, Terms.V2026_12)) {
      var e = terms.engagement();
      assertThat(e.spmMeetingEveryDays()).containsEntry(Tier.GROWTH, 14).containsEntry(Tier.STRATEGIC, 7)
          .containsEntry(Tier.FOUNDATION, 0);
      assertThat(e.businessReviewEveryMonths()).containsEntry(Tier.GROWTH, 6).containsEntry(Tier.STRATEGIC, 3)
          .containsEntry(Tier.FOUNDATION, 0);
      assertThat(e.notesDueHours()).isEqualTo(48);
      assertThat(e.reviewDueDays()).isEqualTo(14);
      // "Roadmap alignment meeting every 12 months" (GROWTH) / "every 6 months" (STRATEGIC): seed 000 line 186.
      assertThat(terms.integrationSupport().get(Tier.GROWTH).roadmapAlignmentMonths()).isEqualTo(12);
      assertThat(terms.integrationSupport().get(Tier.STRATEGIC).roadmapAlignmentMonths()).isEqualTo(6);
      assertThat(Engagement.hasBusinessReviews(terms, Tier.FOUNDATION)).isFalse();
      assertThat(Engagement.hasBusinessReviews(terms, Tier.GROWTH)).isTrue();
    }
  }

  /** A STRATEGIC partner activated on 4 January: its first quarterly review is due 4 April, opened 14 days before. */
  @Test
  void aStrategicPartnersFirstReviewFallsInItsFirstQuarter() {
    LocalDate activated = LocalDate.parse("2027-01-04");
    RuleResult<ReviewPlan> first = Engagement.nextBusinessReview(Terms.V2026_12, Tier.STRATEGIC, activated, activated,
        activated);
    assertThat(first.value()).isEqualTo(new ReviewPlan(LocalDate.parse("2027-04-04"), LocalDate.parse("2027-03-21"),
        false));
    assertThat(first.explanation().cell()).isEqualTo("engagement.businessReviewEveryMonths.STRATEGIC");
    assertThat(first.explanation().text()).contains("every 3 months").contains("2027-04-04");
    // The second (6 months after activation) carries the roadmap alignment meeting (every 6 months).
    ReviewPlan second = Engagement.nextBusinessReview(Terms.V2026_12, Tier.STRATEGIC, first.value().dueOn(),
        activated, first.value().dueOn()).value();
    assertThat(second.dueOn()).isEqualTo(LocalDate.parse("2027-07-04"));
    assertThat(second.roadmapDue()).isTrue();
    // GROWTH: bi-annual; the roadmap alignment comes with the second (12 months).
    ReviewPlan growth = Engagement.nextBusinessReview(Terms.V2026_12, Tier.GROWTH, activated, activated, activated)
        .value();
    assertThat(growth.dueOn()).isEqualTo(LocalDate.parse("2027-07-04"));
    assertThat(growth.roadmapDue()).isFalse();
    // A review overdue for its cadence (say after a tier change) falls due today, not in the past.
    assertThat(Engagement.nextBusinessReview(Terms.V2026_12, Tier.STRATEGIC, activated, activated,
        LocalDate.parse("2027-05-01")).value()).isEqualTo(new ReviewPlan(LocalDate.parse("2027-05-01"),
        LocalDate.parse("2027-05-01"), false));
    assertThatThrownBy(() -> Engagement.nextBusinessReview(Terms.V2026_12, Tier.FOUNDATION, activated, activated,
        activated)).isInstanceOf(IllegalArgumentException.class);
  }

  /**
   * The participation standards count management, CEO-level and C-suite meetings and enablement sessions (seed 000
   * lines 221-222): a business review is a management meeting; with a C-level attendee also a C-suite meeting; with
   * the CEO also a CEO-level one.
   */
  @Test
  void aBusinessReviewWithACLevelAttendeeIsAManagementAndACSuiteMeeting() {
    RuleResult<Credit> qbr = Engagement.credit(Terms.V2026_12, MeetingKind.QBR,
        List.of(AttendeeLevel.C_LEVEL, AttendeeLevel.MANAGEMENT));
    assertThat(qbr.value()).isEqualTo(new Credit(1, 0, 1, 0));
    assertThat(qbr.explanation().text()).startsWith("Business review with [C-level (CxO), Management] counts as a "
        + "management meeting and a C-suite meeting toward the participation standards");
    assertThat(Engagement.credit(Terms.V2026_12, MeetingKind.QBR, List.of(AttendeeLevel.CEO)).value())
        .isEqualTo(new Credit(1, 1, 1, 0));
    assertThat(Engagement.credit(Terms.V2026_12, MeetingKind.MANAGEMENT, List.of(AttendeeLevel.STAFF)).value())
        .isEqualTo(new Credit(1, 0, 0, 0));
    assertThat(Engagement.credit(Terms.V2026_12, MeetingKind.CSUITE, List.of(AttendeeLevel.VP)).value())
        .isEqualTo(new Credit(0, 0, 1, 0));
    assertThat(Engagement.credit(Terms.V2026_12, MeetingKind.ENABLEMENT, List.of(AttendeeLevel.STAFF)).value())
        .isEqualTo(new Credit(0, 0, 0, 1));
    assertThat(new Credit(1, 0, 1, 0).plus(new Credit(1, 1, 1, 0))).isEqualTo(new Credit(2, 1, 2, 0));
  }

  /** "AFTER THE QBR (within 48 hours) ... Send meeting notes" (seed 001 lines 1612-1615). */
  @Test
  void notesAreLateAfter48HoursFromTheEndOfTheMeetingDay() {
    LocalDate heldOn = LocalDate.parse("2027-04-01");
    assertThat(Engagement.notesLate(Terms.V2026_12, heldOn, Instant.parse("2027-04-04T00:00:00Z"))).isFalse();
    assertThat(Engagement.notesLate(Terms.V2026_12, heldOn, Instant.parse("2027-04-04T00:00:01Z"))).isTrue();
  }

  /**
   * The at-risk playbook (seed 001 line 1698 "At-risk  Declining, disengaged  Intervention plan"; bands lines
   * 1559-1563): entering At-risk, Critical or Churning — from a better band or with no score before — calls for a
   * review; staying in a risk band does not, worsening within them does.
   */
  @Test
  void enteringARiskBandIsFromABetterBand() {
    assertThat(HealthScore.entersRisk(Terms.V2026_12, null, "AT_RISK")).isTrue();
    assertThat(HealthScore.entersRisk(Terms.V2026_12, "HEALTHY", "AT_RISK")).isTrue();
    assertThat(HealthScore.entersRisk(Terms.V2026_12, "AT_RISK", "AT_RISK")).isFalse();
    assertThat(HealthScore.entersRisk(Terms.V2026_12, "AT_RISK", "CRITICAL")).isTrue();
    assertThat(HealthScore.entersRisk(Terms.V2026_12, "CHURNING", "CRITICAL")).isFalse();
    assertThat(HealthScore.entersRisk(Terms.V2026_12, null, "HEALTHY")).isFalse();
    assertThat(HealthScore.bandLabel("AT_RISK")).isEqualTo("At-risk");
    assertThat(HealthScore.bandLabel("CHURNING")).isEqualTo("Churning");
  }
}
