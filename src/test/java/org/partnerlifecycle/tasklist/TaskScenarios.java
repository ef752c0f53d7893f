package org.partnerlifecycle.tasklist;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.partnerlifecycle.partner.Partner;

/**
 * One scenario per user task id of {@code processes/*.bpmn}: how to bring a case to the task (through the API and
 * the services, as the business would), who works it in Tasklist, and how that user fills in its form. A task added
 * to a process needs one more entry here ({@link BrowserScenarioCoverageTest} fails until it has one); a task
 * used by two processes (AssignPartnerManager) needs one, since its form is the same.
 */
final class TaskScenarios {

  /** Brings a case to the task; returns the business key of the process instance that has it open. */
  interface Setup {
    String businessKey(TasklistBrowserTest t) throws Exception;
  }

  /** Fills in the form as its user would. */
  interface Fill {
    void fill(TasklistBrowserTest t) throws Exception;
  }

  record Scenario(String taskKey, String user, Setup setup, Fill fill) {
    @Override
    public String toString() {
      return taskKey + " as " + user;
    }
  }

  static final List<Scenario> ALL = List.of(
      new Scenario("ReviewApplication", "mary",
          t -> t.apply("Browser Applicant", "ASSISTED_RESELLER", "200000").id(),
          t -> t.choose("decision", "Approve")),
      new Scenario("ApproveStrategicPlacement", "lena", t -> {
        Partner oem = t.apply("Browser Strategic", "OEM", "3500000");
        t.completeAs(oem.id(), "ReviewApplication", "mary", Map.of("decision", "APPROVE", "tier", "STRATEGIC"));
        return oem.id();
      }, t -> t.choose("placementDecision", "Approve Strategic")),
      new Scenario("AssignPartnerManager", "mary", t -> t.approvedGrowthApplicant("Browser Managed").id(),
          t -> t.choose("partnerManager", "Paul Manager")),
      new Scenario("RunOnboardingSession", "mary", t -> {
        Partner partner = t.approvedGrowthApplicant("Browser Onboarding");
        t.completeAs(partner.id(), "AssignPartnerManager", "mary", Map.of("partnerManager", "mary"));
        return partner.id();
      }, t -> {
        t.date("sessionHeldOn", t.engineToday());
        t.type("sessionNotes", "Walked through deal registration and the partner portal.");
      }),
      new Scenario("ActivationCheck", "mary", t -> {
        Partner partner = t.activePartner("Browser Quiet", t.domain("quiet"), "REFERRAL", "150000");
        t.passTimer(partner.id(), "partner-onboarding", Duration.ofDays(91));
        return partner.id();
      }, t -> {
        t.choose("activationDecision", "Keep active");
        t.type("activationNote", "First deal expected next month; plan agreed with the partner.");
      }),
      new Scenario("ReviewDealRegistration", "mary", t -> t.deal("Browser Dealer", "12"),
          t -> t.choose("decision", "Approve: partner-sourced")),
      new Scenario("ApproveNegotiatedRate", "lena", t -> {
        String dealId = t.deal("Browser Negotiator", "12");
        t.completeAs(dealId, "ReviewDealRegistration", "mary", Map.of("decision", "APPROVE"));
        return dealId;
      }, t -> t.choose("rateDecision", "Approve the proposed rate")),
      new Scenario("ReviewExtensionRequest", "mary", t -> {
        String dealId = t.deal("Browser Extender", null);
        t.completeAs(dealId, "ReviewDealRegistration", "mary", Map.of("decision", "APPROVE"));
        t.requestExtension(dealId);
        return dealId;
      }, t -> t.choose("extensionDecision", "Extend by 30 days")),
      new Scenario("IssuePrivateWarning", "mary", t -> t.breach("Browser Warned"), t -> {
        t.choose("warningDecision", "Send the private warning");
        t.type("warningNote", "Please send the missing quarterly report within 30 days.");
      }),
      new Scenario("ApprovePublicRemoval", "lena", t -> {
        String partnerId = t.breach("Browser Removed");
        t.completeAs(partnerId, "IssuePrivateWarning", "mary", Map.of("warningDecision", "SEND",
            "warningNote", "Please send the missing quarterly report."));
        t.passTimer(partnerId, "warning-escalation", Duration.ofDays(31));
        t.passTimer(partnerId, "warning-escalation", Duration.ofDays(31));
        return partnerId;
      }, t -> {
        t.choose("removalDecision", "Extend the cure period");
        t.type("removalReason", "The partner sent a plan for its reports; one more period.");
      }),
      new Scenario("RecordCommitments", "mary", t -> {
        Partner partner = t.activePartner("Browser Commitments", t.domain("commitments"), "REFERRAL", "150000");
        t.review(partner.id());
        return partner.id();
      }, t -> {
        LocalDate today = t.engineToday();
        t.date("periodStart", today.minusMonths(12).plusDays(1));
        t.date("periodEnd", today.minusDays(1));
        for (String[] count : new String[][] {{"managementMeetingsHeld", "24"}, {"ceoMeetingsHeld", "1"},
            {"cSuiteMeetingsHeld", "2"}, {"enablementSessionsHeld", "2"}, {"certifiedFieldPercent", "75"}}) {
          t.type(count[0], count[1]);
        }
        t.tick("businessPlanAgreed");
      }),
      new Scenario("ConfirmTierChange", "mary", t -> t.promotable("Browser Promoted"),
          t -> t.choose("tierDecision", "Accept the recommendation")),
      new Scenario("ApproveTierChange", "lena", t -> {
        Partner partner = t.activePartner("Browser Upward", t.domain("upward"), "REFERRAL", "150000");
        t.proposeTier(partner.id(), "STRATEGIC", "Signed a global reseller agreement");
        return partner.id();
      }, t -> {
        t.choose("leadershipDecision", "Approve");
        t.type("leadershipReason", "A global agreement with a committed pipeline.");
      }),
      new Scenario("ApprovePayoutRun", "lena", t -> t.payoutRun(TasklistBrowserTest.LARGE_RUN_MONTH, 600000),
          t -> t.choose("payoutDecision", "Approve: issue the statements")),
      new Scenario("ChaseOverdueStatement", "fiona", TasklistBrowserTest::overdueStatement, t -> {
        // Paid on the day after its due date: the engine's day then (the browser's payout months are in 2041).
        t.at(TasklistBrowserTest.OVERDUE_CHASED_ON);
        t.choose("chaseDecision", "Paid: record the payment");
        t.date("paidOn", TasklistBrowserTest.OVERDUE_CHASED_ON);
        t.type("paymentReference", "WIRE-2041-0309");
      }),
      new Scenario("HoldBusinessReview", "mary", t -> {
        Partner partner = t.activePartner("Browser Reviewed", t.domain("reviewed"), "REFERRAL", "400000");
        t.passTimer(partner.id(), "business-review", Duration.ofDays(80));
        return partner.id();
      }, t -> {
        t.date("heldOn", t.engineToday());
        t.type("cLevelAttendees", "Casey Finance");
        t.type("managementAttendees", "Morgan Sales, Riley Alliances");
        for (String agenda : new String[] {"agendaRelationship", "agendaPerformance", "agendaPipeline"}) {
          t.tick(agenda);
        }
        t.type("notes", "Pipeline up by a third; two stuck deals discussed.");
        t.type("actionItems", "[Us] demo environment by the 15th; [Partner] next quarter's marketing plan.");
      }),
      new Scenario("ReviewAtRiskPartner", "mary", t -> t.atRisk("Browser Drifting"), t -> {
        t.choose("atRiskDecision", "Agree an action plan");
        t.type("actionPlan", "A pipeline call every two weeks and two enablement sessions this quarter.");
      }),
      new Scenario("ReviewMdfRequest", "mary",
          t -> t.mdfRequest(t.activePartner("Browser Webinar", t.domain("webinar"), "REFERRAL", "150000"), "1500"),
          t -> t.choose("mdfDecision", "Approve")),
      new Scenario("ApproveMdfRequest", "lena", t -> {
        String requestId = t.mdfRequest(t.activePartner("Browser Summit", t.domain("summit"), "REFERRAL", "400000"),
            "6000");
        t.completeAs(requestId, "ReviewMdfRequest", "mary", Map.of("mdfDecision", "APPROVE",
            "mdfReason", "A joint summit with a committed attendee list."));
        return requestId;
      }, t -> t.choose("approvalDecision", "Approve")),
      new Scenario("ReviewMdfClaim", "mary", t -> t.claimedMdfRequest("Browser Claimant"),
          t -> t.choose("claimDecision", "Approve the claim")),
      new Scenario("ChaseMdfReimbursement", "fiona", t -> {
        String requestId = t.claimedMdfRequest("Browser Reimbursed");
        t.completeAs(requestId, "ReviewMdfClaim", "mary", Map.of("claimDecision", "APPROVE"));
        t.passTimer(requestId, "mdf-request", Duration.ofDays(16));
        return requestId;
      }, t -> t.type("chaseNote", "The payment run moved to Friday; the partner was told by mail.")));

  private TaskScenarios() {
  }

}
