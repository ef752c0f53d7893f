package org.partnerlifecycle.config;

import org.partnerlifecycle.process.RefusedDecisionResponses;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Additions to Camunda's {@code /engine-rest} (a Jersey application). */
@Configuration
public class EngineRestConfiguration {

  @Bean
  ResourceConfigCustomizer refusedDecisionResponses() {
    return config -> config.register(RefusedDecisionResponses.class);
  }
}
