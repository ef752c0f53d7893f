package org.partnerlifecycle.program;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.partnerlifecycle.engine.EngineTime;
import org.partnerlifecycle.mdf.MdfService;
import org.partnerlifecycle.program.KpiRepository.Aggregate;
import org.partnerlifecycle.program.KpiRepository.KpiRecord;
import org.partnerlifecycle.rules.Money;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The program KPIs over a period: each figure with its definition and the link to its records. */
@Service
@Transactional(readOnly = true)
class ProgramKpis {

  /** Playbook "MDF Best Practices" (seed 001 lines 1901-1916): ROI evidence on every claim. */
  static final String MDF_ROI_DEFINITION = "MDF ROI: the MDF claims approved from `from` to `to`, what they spent "
      + "(approved receipts) and what was paid, against the leads and pipeline the partners reported on their claims "
      + "(cost per lead, pipeline per dollar), in total and by tier.";

  private final KpiRepository repository;
  private final MdfService mdf;
  private final EngineTime time;

  ProgramKpis(KpiRepository repository, MdfService mdf, EngineTime time) {
    this.repository = repository;
    this.mdf = mdf;
    this.time = time;
  }

  ProgramKpiReport kpis(LocalDate from, LocalDate to) {
    LocalDate today = time.today();
    return new ProgramKpiReport(from.toString(), to.toString(), "USD",
        revenue(Kpi.SOURCED_REVENUE, from, to, today), revenue(Kpi.INFLUENCED_REVENUE, from, to, today),
        rate(Kpi.ACTIVATION_RATE, from, to, today), days(from, to, today), rate(Kpi.LEAD_ACCEPTANCE, from, to, today),
        rate(Kpi.LEAD_CONVERSION, from, to, today), rate(Kpi.BUSINESS_REVIEW_COMPLETION, from, to, today),
        rate(Kpi.PARTNER_RETENTION, from, to, today),
        new ProgramKpiReport.MdfRoi(mdf.roi(from, to), MDF_ROI_DEFINITION,
            "/api/program/mdf-roi?from=" + from + "&to=" + to),
        time.now().toString());
  }

  List<KpiRecord> records(Kpi kpi, LocalDate from, LocalDate to, int offset, int limit) {
    return repository.page(kpi, from, to, time.today(), offset, limit);
  }

  long count(Kpi kpi, LocalDate from, LocalDate to) {
    return repository.aggregate(kpi, from, to, time.today()).records();
  }

  private ProgramKpiReport.Revenue revenue(Kpi kpi, LocalDate from, LocalDate to, LocalDate today) {
    Aggregate a = repository.aggregate(kpi, from, to, today);
    return new ProgramKpiReport.Revenue(a.countedAmount().setScale(2, RoundingMode.HALF_EVEN),
        a.amount().setScale(2, RoundingMode.HALF_EVEN), percent(a.countedAmount(), a.amount()), a.counted(),
        kpi.definition(), recordsLink(kpi, from, to));
  }

  private ProgramKpiReport.Rate rate(Kpi kpi, LocalDate from, LocalDate to, LocalDate today) {
    Aggregate a = repository.aggregate(kpi, from, to, today);
    return new ProgramKpiReport.Rate(percent(BigDecimal.valueOf(a.counted()), BigDecimal.valueOf(a.records())),
        a.counted(), a.records(), kpi.definition(), recordsLink(kpi, from, to));
  }

  private ProgramKpiReport.Days days(LocalDate from, LocalDate to, LocalDate today) {
    Kpi kpi = Kpi.DAYS_TO_FIRST_DEAL;
    List<Long> days = repository.all(kpi, from, to, today).stream().map(ProgramKpis::daysToFirstDeal).sorted()
        .toList();
    return new ProgramKpiReport.Days(median(days), days.size(), kpi.definition(), recordsLink(kpi, from, to));
  }

  private static String recordsLink(Kpi kpi, LocalDate from, LocalDate to) {
    return "/api/program/kpis/" + kpi.path() + "/records?from=" + from + "&to=" + to;
  }

  private static long daysToFirstDeal(KpiRecord r) {
    LocalDate signup = LocalDate.ofInstant(Instant.parse(r.since()), ZoneOffset.UTC);
    LocalDate closed = LocalDate.ofInstant(Instant.parse(r.at()), ZoneOffset.UTC);
    return ChronoUnit.DAYS.between(signup, closed);
  }

  /** The median of sorted values (the mean of the middle two for an even count); null when there are none. */
  static BigDecimal median(List<Long> sorted) {
    if (sorted.isEmpty()) {
      return null;
    }
    int n = sorted.size();
    return n % 2 == 1 ? BigDecimal.valueOf(sorted.get(n / 2))
        : BigDecimal.valueOf(sorted.get(n / 2 - 1) + sorted.get(n / 2)).divide(BigDecimal.valueOf(2), 1,
            RoundingMode.HALF_EVEN);
  }

  /** part / whole as a percent with one decimal; null when there is nothing to divide by. */
  private static BigDecimal percent(BigDecimal part, BigDecimal whole) {
    return whole.signum() == 0 ? null : part.multiply(Money.HUNDRED).divide(whole, 1, RoundingMode.HALF_EVEN);
  }
}
