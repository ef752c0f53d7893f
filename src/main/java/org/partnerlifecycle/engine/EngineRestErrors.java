package org.partnerlifecycle.engine;

import jakarta.annotation.Priority;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;

/**
 * Answers on {@code /engine-rest} for requests that are the caller's fault, where Camunda's own mappers answer 500
 * (found by the fuzz run, 2026-11-28): a completion our rules refused (400 with the field; Tasklist shows the
 * message), a task or other object that does not exist (404), a task someone else has claimed (409), a value too
 * long or out of range for its column (400), a body Camunda's REST layer could not read, such as {@code null} or
 * a variable of type {@code ""} (400), and a few refusals the engine reports without a type of their own (400).
 * Everything else keeps Camunda's answer. One mapper per type Camunda maps (Jersey picks the nearest type, then the
 * priority), all with the same rules.
 */
public final class EngineRestErrors {

  /** Camunda's REST resources and their request objects (not its authentication filter, also in the stack). */
  private static final List<String> REST_RESOURCES = List.of("org.camunda.bpm.engine.rest.impl.",
      "org.camunda.bpm.engine.rest.sub.", "org.camunda.bpm.engine.rest.dto.");
  /**
   * Refusals the engine reports as a plain ProcessEngineException, by their texts: deleting a task that belongs to a
   * process; evaluating conditions no conditional event waits for; a variable value it has no serializer for (an
   * Object without its serialization format; Json and Xml, which need Spin, not installed).
   */
  private static final List<String> ENGINE_REFUSALS = List.of("cannot be deleted because is part of a running process",
      "ENGINE-13043", "Cannot find serializer for value");
  /** Every engine command runs through its interceptors. */
  private static final String ENGINE_COMMAND = "org.camunda.bpm.engine.impl.interceptor.";

  private EngineRestErrors() {
  }

  static Response toResponse(Throwable thrown) {
    return clientError(thrown).orElseGet(() -> ExceptionHandlerHelper.getInstance().getResponse(thrown));
  }

  static Optional<Response> clientError(Throwable thrown) {
    TaskRefusal taskRefusal = TaskRefusal.in(thrown);
    if (taskRefusal != null) {
      return Optional.of(answer(Status.fromStatusCode(taskRefusal.status()), "TaskRefusal",
          ((Throwable) taskRefusal).getMessage(), taskRefusal.field()));
    }
    for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
      // Camunda's comment and attachment resources wrap every engine refusal in a 400 ("Not enough parameters
      // submitted"); a refusal for want of a permission is Camunda's own 403 answer wherever it is thrown.
      if (cause instanceof AuthorizationException denied) {
        return Optional.of(ExceptionHandlerHelper.getInstance().getResponse(denied));
      }
      if (cause instanceof InvalidDecisionException refused) {
        return Optional.of(answer(Status.BAD_REQUEST, "InvalidDecisionException", refused.getMessage(),
            refused.field()));
      }
      if (cause instanceof TaskAlreadyClaimedException claimed) {
        return Optional.of(answer(Status.CONFLICT, "TaskAlreadyClaimedException", claimed.getMessage(), null));
      }
      if (cause instanceof NullValueException missing) {
        // The engine's checks of required values, mostly its lookups of the ids in the path ("Cannot find task
        // with id …: task is null").
        String message = String.valueOf(missing.getMessage());
        boolean unknown = message.contains("Cannot find") || message.contains("doesn't exist");
        return Optional.of(answer(unknown ? Status.NOT_FOUND : Status.BAD_REQUEST, "NullValueException", message,
            null));
      }
      // SQL state class 22, data exception: a value too long or out of range for its column.
      if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("22")) {
        return Optional.of(answer(Status.BAD_REQUEST, "InvalidRequestException",
            "A value is too long or out of range", null));
      }
      // Camunda's REST resources wrap the engine's exceptions in a RestException (500) with the engine's as cause.
      if (cause instanceof ProcessEngineException refusal && refusal.getMessage() != null
          && ENGINE_REFUSALS.stream().anyMatch(refusal.getMessage()::contains)) {
        return Optional.of(answer(Status.BAD_REQUEST, "ProcessEngineException", refusal.getMessage(), null));
      }
    }
    // WebApplicationException (an unknown path, an unsupported media type) carries its own status.
    if (!(thrown instanceof ProcessEngineException) && !(thrown instanceof RestException)
        && !(thrown instanceof WebApplicationException) && thrownReadingTheRequest(thrown)) {
      return Optional.of(answer(Status.BAD_REQUEST, "InvalidRequestException",
          "The request body could not be read (" + thrown.getClass().getSimpleName() + ")", null));
    }
    return Optional.empty();
  }

  /**
   * Thrown in Camunda's REST layer outside any engine command: while it turned the request into the command's
   * arguments (a failure inside a command is the engine's, and keeps its 500).
   */
  private static boolean thrownReadingTheRequest(Throwable thrown) {
    boolean inRestLayer = false;
    for (StackTraceElement frame : thrown.getStackTrace()) {
      if (frame.getClassName().startsWith(ENGINE_COMMAND)) {
        return false;
      }
      inRestLayer |= REST_RESOURCES.stream().anyMatch(frame.getClassName()::startsWith);
    }
    return inRestLayer;
  }

  static Response answer(Status status, String type, String message, String field) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", type);
    body.put("message", message);
    if (field != null) {
      body.put("field", field);
    }
    return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
  }

  @Priority(1)
  public static final class ForRestExceptions implements ExceptionMapper<RestException> {
    @Override
    public Response toResponse(RestException exception) {
      return EngineRestErrors.toResponse(exception);
    }
  }

  @Priority(1)
  public static final class ForEngineExceptions implements ExceptionMapper<ProcessEngineException> {
    @Override
    public Response toResponse(ProcessEngineException exception) {
      return EngineRestErrors.toResponse(exception);
    }
  }

  @Priority(1)
  public static final class ForOtherExceptions implements ExceptionMapper<Throwable> {
    @Override
    public Response toResponse(Throwable exception) {
      return EngineRestErrors.toResponse(exception);
    }
  }
}
