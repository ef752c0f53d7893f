package org.partnerlifecycle.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.stream.Collectors;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Requests under {@code /api} that reach no controller: an unknown path (404), a known path with another method
 * (405, with {@code Allow}) or another content type (415, 406), all as {@code application/problem+json} instead of
 * Spring's default error page. {@link ApiProblems} cannot answer these: it is scoped to our controllers, and here no
 * controller was chosen. Outside {@code /api} (the Camunda webapps) the exception is rethrown to Spring's defaults.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ApiPathProblems {

  @ExceptionHandler({NoResourceFoundException.class, NoHandlerFoundException.class})
  ResponseEntity<ProblemDetail> unknownPath(Exception e, HttpServletRequest request) throws Exception {
    requireApi(e, request);
    return answer(HttpStatus.NOT_FOUND, "No API endpoint at " + request.getRequestURI(), new HttpHeaders());
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<ProblemDetail> wrongMethod(HttpRequestMethodNotSupportedException e, HttpServletRequest request)
      throws Exception {
    requireApi(e, request);
    HttpHeaders headers = new HttpHeaders();
    if (e.getSupportedHttpMethods() != null) {
      headers.setAllow(e.getSupportedHttpMethods());
    }
    return answer(HttpStatus.METHOD_NOT_ALLOWED, request.getMethod() + " is not supported at "
        + request.getRequestURI(), headers);
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<ProblemDetail> wrongContentType(HttpMediaTypeNotSupportedException e, HttpServletRequest request)
      throws Exception {
    requireApi(e, request);
    return answer(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "The body must be " + e.getSupportedMediaTypes().stream()
        .map(MediaType::toString).collect(Collectors.joining(" or ")), new HttpHeaders());
  }

  @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
  ResponseEntity<ProblemDetail> notAcceptable(HttpMediaTypeNotAcceptableException e, HttpServletRequest request)
      throws Exception {
    requireApi(e, request);
    return answer(HttpStatus.NOT_ACCEPTABLE, "This endpoint answers application/json", new HttpHeaders());
  }

  private static void requireApi(Exception e, HttpServletRequest request) throws Exception {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (!path.equals("/api") && !path.startsWith("/api/")) {
      throw e;
    }
  }

  private static ResponseEntity<ProblemDetail> answer(HttpStatus status, String detail, HttpHeaders headers) {
    return ResponseEntity.status(status).headers(headers).contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(ProblemDetail.forStatusAndDetail(status, detail));
  }
}
