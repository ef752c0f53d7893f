package org.partnerlifecycle.platform;

import org.partnerlifecycle.rules.TermsCatalog;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The program terms, loaded and validated once at startup: a broken terms file stops the application. */
@Configuration
class RulesConfiguration {

  @Bean
  TermsCatalog termsCatalog() {
    return TermsCatalog.loadFromClasspath();
  }
}
