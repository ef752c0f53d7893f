package org.partnerlifecycle.config;

import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Additions to Camunda's {@code /engine-rest} (a Jersey application). */
@Configuration
public class EngineRestConfiguration {

  @Bean
  ResourceConfigCustomizer engineRestErrors() {
    return config -> config.register(EngineRestErrors.ForRestExceptions.class)
        .register(EngineRestErrors.ForEngineExceptions.class).register(EngineRestErrors.ForOtherExceptions.class);
  }
}
