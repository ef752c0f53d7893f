package org.partnerlifecycle.engine;

import org.camunda.bpm.engine.TaskService;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/** Additions to Camunda's {@code /engine-rest} (a Jersey application). */
@Configuration
public class EngineRestConfiguration {

  @Bean
  ResourceConfigCustomizer taskVariableWrites(@Lazy TaskService tasks, TaskForms forms) {
    return config -> config.register(new TaskVariableWrites(tasks, forms));
  }

  @Bean
  ResourceConfigCustomizer engineRestErrors() {
    return config -> config.register(EngineRestErrors.ForRestExceptions.class)
        .register(EngineRestErrors.ForEngineExceptions.class).register(EngineRestErrors.ForOtherExceptions.class);
  }
}
