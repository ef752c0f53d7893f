package org.partnerlifecycle.notification;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/**
 * The events a partner is told about (SPEC §4 Webhooks), by webhook and by email. {@link #emitted()} is false for
 * those whose decisions come with later issues (statements): a webhook may subscribe to them already.
 */
public enum PartnerEvent {
  LEAD_OFFERED("lead.offered", true),
  LEAD_EXPIRED("lead.expired", true),
  DEAL_APPROVED("deal.approved", true),
  DEAL_REJECTED("deal.rejected", true),
  DEAL_EXPIRED("deal.expired", true),
  DEAL_RATE_DECIDED("deal.rate_decided", true),
  STATEMENT_ISSUED("statement.issued", false),
  STATEMENT_PAID("statement.paid", false),
  TIER_CHANGED("tier.changed", true),
  TIER_ON_WATCH("tier.on_watch", true),
  WARNING_ISSUED("warning.issued", true),
  WARNING_RESET("warning.reset", true),
  MDF_DECIDED("mdf.decided", true),
  MDF_CLAIM_DECIDED("mdf.claim_decided", true),
  PARTNER_ACTIVATED("partner.activated", true);

  private final String wireName;
  private final boolean emitted;

  PartnerEvent(String wireName, boolean emitted) {
    this.wireName = wireName;
    this.emitted = emitted;
  }

  /** The name on the wire, such as {@code lead.offered}. */
  @JsonValue
  public String wireName() {
    return wireName;
  }

  public boolean emitted() {
    return emitted;
  }

  @JsonCreator
  public static PartnerEvent of(String wireName) {
    return Arrays.stream(values()).filter(e -> e.wireName.equals(wireName)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("must be one of " + Arrays.stream(values())
            .map(PartnerEvent::wireName).toList()));
  }
}
