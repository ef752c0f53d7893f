package org.partnerlifecycle.notification;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/**
 * The events a partner is told about (SPEC §4 Webhooks), by webhook and by email.
 */
public enum PartnerEvent {
  LEAD_OFFERED("lead.offered"),
  LEAD_EXPIRED("lead.expired"),
  DEAL_APPROVED("deal.approved"),
  DEAL_REJECTED("deal.rejected"),
  DEAL_EXPIRED("deal.expired"),
  DEAL_RATE_DECIDED("deal.rate_decided"),
  STATEMENT_ISSUED("statement.issued"),
  STATEMENT_PAID("statement.paid"),
  TIER_CHANGED("tier.changed"),
  TIER_ON_WATCH("tier.on_watch"),
  WARNING_ISSUED("warning.issued"),
  WARNING_RESET("warning.reset"),
  MDF_DECIDED("mdf.decided"),
  MDF_CLAIM_DECIDED("mdf.claim_decided"),
  PARTNER_ACTIVATED("partner.activated");

  private final String wireName;

  PartnerEvent(String wireName) {
    this.wireName = wireName;
  }

  /** The name on the wire, such as {@code lead.offered}. */
  @JsonValue
  public String wireName() {
    return wireName;
  }

  @JsonCreator
  public static PartnerEvent of(String wireName) {
    return Arrays.stream(values()).filter(e -> e.wireName.equals(wireName)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("must be one of " + Arrays.stream(values())
            .map(PartnerEvent::wireName).toList()));
  }
}
