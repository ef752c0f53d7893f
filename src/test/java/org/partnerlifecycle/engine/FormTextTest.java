package org.partnerlifecycle.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How the forms word the process's values (issue 27: labels, money, times with their zone, names). */
class FormTextTest {

  static final Map<String, String> STAFF = Map.of("mary", "Mary Manager");

  static String of(Object value) {
    return FormText.of(value, STAFF::get);
  }

  @Test
  void codesAreShownAsLabels() {
    assertThat(of("ASSISTED_RESELLER")).isEqualTo("Assisted reseller");
    assertThat(of("GROWTH")).isEqualTo("Growth");
    assertThat(of("NA")).isEqualTo("North America");
    assertThat(of("OEM")).isEqualTo("OEM");
    assertThat(of(null)).isEqualTo("—");
    assertThat(of("")).isEqualTo("—");
  }

  @Test
  void moneyRatesDatesAndTimesReadLikeTheBusiness() {
    assertThat(FormText.money(new BigDecimal("200000"))).isEqualTo("$200,000.00");
    assertThat(FormText.percent(new BigDecimal("15.00"))).isEqualTo("15%");
    assertThat(FormText.count(1, "statement")).isEqualTo("1 statement");
    assertThat(FormText.count(0, "partner")).isEqualTo("0 partners");
    assertThat(of(Date.from(Instant.parse("2026-12-02T21:23:29Z")))).isEqualTo("2 Dec 2026, 21:23 UTC");
    assertThat(of("2026-12-02T21:23:29")).as("the engine's times are UTC").isEqualTo("2 Dec 2026, 21:23 UTC");
    assertThat(of("2026-12-02")).isEqualTo("2 Dec 2026");
  }

  @Test
  void staffIdsAreShownByName() {
    assertThat(of("mary")).isEqualTo("Mary Manager");
    assertThat(of("Acme Learning")).isEqualTo("Acme Learning");
  }

  @Test
  void sentencesGetTheirCodesTimesAndActorsInWords() {
    assertThat(of("$200,000.00 reaches the ASSISTED_RESELLER GROWTH threshold: proposed GROWTH ASSISTED_RESELLER"
        + " (terms 2026-12-01)")).isEqualTo("$200,000.00 reaches the Assisted reseller Growth threshold: proposed "
        + "Growth Assisted reseller (terms 2026-12-01)");
    assertThat(of("2026-12-02T01:15:23.628Z REPORTING (API, mary): No report\n"
        + "2027-01-02T01:15:37.115Z level 2 REFERRALS_PAUSED by system: Cure period ended"))
        .isEqualTo("2 Dec 2026, 01:15 UTC — Reporting (API, Mary Manager): No report\n"
            + "2 Jan 2027, 01:15 UTC — level 2 Referrals paused by system: Cure period ended");
  }
}
