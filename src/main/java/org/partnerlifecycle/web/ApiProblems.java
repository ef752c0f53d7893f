package org.partnerlifecycle.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every API error as {@code application/problem+json}; bad input names each wrong field under {@code errors}.
 * Nothing is stored when a request is refused: validation happens before any write, and a refusal inside a write
 * rolls the transaction back.
 */
@RestControllerAdvice(basePackages = "org.partnerlifecycle")
public class ApiProblems extends ResponseEntityExceptionHandler {

  /** Problem types of the answers that say when to try again (the OpenAPI document names them too). */
  static final String RATE_LIMITED = "urn:problem:rate-limited";
  static final String BUSY = "urn:problem:busy";

  public record FieldProblem(String field, String message) {
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(invalidBody(e));
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(unreadableBody(e));
  }

  private ProblemDetail invalidBody(MethodArgumentNotValidException e) {
    List<FieldProblem> errors = e.getBindingResult().getFieldErrors().stream()
        .map(f -> new FieldProblem(f.getField(), message(f)))
        .sorted(Comparator.comparing(FieldProblem::field))
        .toList();
    return badRequest("Invalid fields: " + errors.stream().map(FieldProblem::field).distinct()
        .collect(Collectors.joining(", ")), errors);
  }

  @ExceptionHandler(InvalidRequestException.class)
  ProblemDetail invalidRequest(InvalidRequestException e) {
    return badRequest(e.getMessage(), e.errors());
  }

  private ProblemDetail unreadableBody(HttpMessageNotReadableException e) {
    if (e.getCause() instanceof UnrecognizedPropertyException unknown) {
      return badRequest("Unknown field " + unknown.getPropertyName(),
          List.of(new FieldProblem(unknown.getPropertyName(), "is not a field of this request")));
    }
    if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      String field = mapping.getPath().stream()
          .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
          .collect(Collectors.joining("."));
      return badRequest("Field " + field + " has the wrong type", List.of(new FieldProblem(field, "has the wrong type")));
    }
    return badRequest("The body is not valid JSON for this request", List.of());
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ProblemDetail badParameter(MethodArgumentTypeMismatchException e) {
    return badRequest("Parameter " + e.getName() + " is not valid",
        List.of(new FieldProblem(e.getName(), "is not valid")));
  }

  @ExceptionHandler(NotFoundException.class)
  ProblemDetail notFound(NotFoundException e) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
  }

  @ExceptionHandler(ConflictException.class)
  ProblemDetail conflict(ConflictException e) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
  }

  @ExceptionHandler(TooManyRequestsException.class)
  ResponseEntity<ProblemDetail> tooManyRequests(TooManyRequestsException e) {
    return retryLater(HttpStatus.TOO_MANY_REQUESTS, RATE_LIMITED, e);
  }

  @ExceptionHandler(ServiceBusyException.class)
  ResponseEntity<ProblemDetail> busy(ServiceBusyException e) {
    return retryLater(HttpStatus.SERVICE_UNAVAILABLE, BUSY, e);
  }

  private static ResponseEntity<ProblemDetail> retryLater(HttpStatus status, String type, RetryLaterException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
    problem.setType(URI.create(type));
    return ResponseEntity.status(status).header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()))
        .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }

  @ExceptionHandler(org.springframework.security.access.AccessDeniedException.class)
  ProblemDetail forbidden(org.springframework.security.access.AccessDeniedException e) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
  }

  private static ProblemDetail badRequest(String detail, List<FieldProblem> errors) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
    problem.setType(URI.create("urn:problem:invalid-request"));
    problem.setProperties(Map.of("errors", errors));
    return problem;
  }

  private static String message(FieldError error) {
    return error.getDefaultMessage() == null ? "is not valid" : error.getDefaultMessage();
  }
}
