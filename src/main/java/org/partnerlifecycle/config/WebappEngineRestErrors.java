package org.partnerlifecycle.config;

import jakarta.ws.rs.core.FeatureContext;
import org.camunda.bpm.engine.rest.impl.NamedProcessEngineRestServiceImpl;
import org.glassfish.jersey.internal.spi.ForcedAutoDiscoverable;

/**
 * {@link EngineRestErrors} also on the webapps' engine REST root ({@code /camunda/api/engine}, which Tasklist and
 * Cockpit call), a Jersey application the webapp starter builds without any hook of ours. Jersey offers every
 * application it starts to the {@code ForcedAutoDiscoverable}s listed in {@code META-INF/services}; this one adds the
 * mappers to the application that serves Camunda's named-engine resources, i.e. that root only ({@code /engine-rest}
 * gets them from {@link EngineRestConfiguration}).
 */
public class WebappEngineRestErrors implements ForcedAutoDiscoverable {

  @Override
  public void configure(FeatureContext context) {
    if (context.getConfiguration().getClasses().contains(NamedProcessEngineRestServiceImpl.class)) {
      context.register(EngineRestErrors.ForRestExceptions.class)
          .register(EngineRestErrors.ForEngineExceptions.class)
          .register(EngineRestErrors.ForOtherExceptions.class);
    }
  }
}
