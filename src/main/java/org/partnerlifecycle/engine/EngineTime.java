package org.partnerlifecycle.engine;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * "Now" for business records: the engine's clock, so that tests which move time with {@link ClockUtil}
 * see timers and our timestamps agree. Business dates are UTC.
 */
@Component
public class EngineTime {

  public Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  public LocalDate today() {
    return LocalDate.ofInstant(now(), ZoneOffset.UTC);
  }
}
