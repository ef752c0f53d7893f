package org.partnerlifecycle.engine;

import jakarta.servlet.ServletRegistration;
import java.util.List;
import org.camunda.bpm.webapp.impl.engine.EngineRestApplication;
import org.glassfish.jersey.server.ServerProperties;
import org.glassfish.jersey.servlet.ServletContainer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Additions to the engine's two REST roots: Camunda's {@code /engine-rest} (a Jersey application of the REST starter)
 * and the webapps' own {@code /camunda/api/engine} (Tasklist and Cockpit's way in, a Jersey servlet the webapp
 * starter registers as "Engine Api"). Both answer the caller's mistakes with 4xx ({@link EngineRestErrors}).
 */
@Configuration
public class EngineRestConfiguration {

  /** The servlet name Camunda's webapp starter gives the webapps' engine REST root. */
  static final String WEBAPP_ENGINE_API = "Engine Api";
  private static final List<Class<?>> ERROR_MAPPERS = List.of(EngineRestErrors.ForRestExceptions.class,
      EngineRestErrors.ForEngineExceptions.class, EngineRestErrors.ForOtherExceptions.class);

  @Bean
  ResourceConfigCustomizer engineRestErrors() {
    return config -> ERROR_MAPPERS.forEach(config::register);
  }

  /**
   * Adds the mappers to the webapps' root through Jersey's provider property, whichever of the two initializers
   * runs first: Camunda's leaves a servlet already registered under its name as it is, so when ours runs first it
   * registers the servlet as Camunda's would (Jersey, the webapps' engine application, {@code …/api/engine/*}).
   */
  @Bean
  ServletContextInitializer webappEngineRestErrors(
      @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
    return servletContext -> {
      ServletRegistration engineApi = servletContext.getServletRegistration(WEBAPP_ENGINE_API);
      if (engineApi == null) {
        engineApi = servletContext.addServlet(WEBAPP_ENGINE_API, ServletContainer.class);
        engineApi.addMapping(webappPath + "/api/engine/*");
        engineApi.setInitParameter("jakarta.ws.rs.Application", EngineRestApplication.class.getName());
      }
      engineApi.setInitParameter(ServerProperties.PROVIDER_CLASSNAMES,
          String.join(",", ERROR_MAPPERS.stream().map(Class::getName).toList()));
    };
  }
}
