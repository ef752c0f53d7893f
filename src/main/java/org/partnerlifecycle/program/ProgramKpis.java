package org.partnerlifecycle.program;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.partnerlifecycle.engine.EngineTime;
import org.partnerlifecycle.program.KpiRepository.Aggregate;
import org.partnerlifecycle.program.KpiRepository.KpiRecord;
import org.partnerlifecycle.rules.Money;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The program KPIs over a period: each figure with its definition and the link to its records. */
@Service
@Transactional(readOnly = true)
class ProgramKpis {

  private final KpiRepository repository;
  private final EngineTime time;

  ProgramKpis(KpiRepository repository, EngineTime time) {
    this.repository = repository;
    this.time = time;
  }

  Map<String, Object> kpis(LocalDate from, LocalDate to) {
    LocalDate today = time.today();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("from", from.toString());
    body.put("to", to.toString());
    body.put("currency", "USD");
    for (Kpi kpi : Kpi.values()) {
      body.put(kpi.field(), figure(kpi, from, to, today));
    }
    body.put("computedAt", time.now().toString());
    return body;
  }

  List<KpiRecord> records(Kpi kpi, LocalDate from, LocalDate to, int offset, int limit) {
    return repository.page(kpi, from, to, time.today(), offset, limit);
  }

  long count(Kpi kpi, LocalDate from, LocalDate to) {
    return repository.aggregate(kpi, from, to, time.today()).records();
  }

  private Map<String, Object> figure(Kpi kpi, LocalDate from, LocalDate to, LocalDate today) {
    Map<String, Object> figure = new LinkedHashMap<>();
    Aggregate a = repository.aggregate(kpi, from, to, today);
    switch (kpi) {
      case SOURCED_REVENUE, INFLUENCED_REVENUE -> {
        figure.put("amount", a.countedAmount().setScale(2, RoundingMode.HALF_EVEN));
        figure.put("totalAmount", a.amount().setScale(2, RoundingMode.HALF_EVEN));
        figure.put("sharePercent", percent(a.countedAmount(), a.amount()));
        figure.put("deals", a.counted());
      }
      case DAYS_TO_FIRST_DEAL -> {
        List<Long> days = repository.all(kpi, from, to, today).stream().map(ProgramKpis::daysToFirstDeal).sorted()
            .toList();
        figure.put("days", median(days));
        figure.put("partners", days.size());
      }
      default -> {
        figure.put("percent", percent(BigDecimal.valueOf(a.counted()), BigDecimal.valueOf(a.records())));
        figure.put("counted", a.counted());
        figure.put("of", a.records());
      }
    }
    figure.put("definition", kpi.definition());
    figure.put("records", "/api/program/kpis/" + kpi.path() + "/records?from=" + from + "&to=" + to);
    return figure;
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
