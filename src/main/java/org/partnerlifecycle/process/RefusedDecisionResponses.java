package org.partnerlifecycle.process;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Map;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.partnerlifecycle.decision.InvalidDecisionException;

/**
 * On {@code /engine-rest}: a task completion our rules refused (the listener's {@link InvalidDecisionException}, which
 * the engine wraps) answers 400 with the field and the reason instead of Camunda's generic 500. Tasklist shows the
 * message. Every other error keeps Camunda's own answer. Registered ahead of Camunda's mapper for the same type.
 */
@Priority(1)
public class RefusedDecisionResponses implements ExceptionMapper<RestException> {

  @Override
  public Response toResponse(RestException exception) {
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (cause instanceof InvalidDecisionException refused) {
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
            .entity(Map.of("type", "InvalidDecisionException", "message", refused.getMessage(),
                "field", refused.field()))
            .build();
      }
    }
    return ExceptionHandlerHelper.getInstance().getResponse(exception);
  }
}
