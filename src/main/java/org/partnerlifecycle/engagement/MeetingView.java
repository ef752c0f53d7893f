package org.partnerlifecycle.engagement;

import java.util.List;
import org.partnerlifecycle.rules.Engagement.Credit;
import org.partnerlifecycle.rules.Engagement.MeetingKind;

/** A logged meeting and what it counts toward the participation standards ({@code counts}). */
public record MeetingView(String meetingId, String heldOn, MeetingKind kind, String kindLabel,
    List<EngagementService.Attendee> attendees, List<String> agenda, String notes, String actionItems, Credit counts,
    boolean notesLate, String businessReviewId, String recordedBy, String recordedAt) {
}
