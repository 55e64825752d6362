package dev.improview.platform;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every error into RFC 9457 problem details: Spring MVC's own exceptions keep their status
 * with a stable type, malformed parameters name the parameter, and anything unexpected becomes a
 * 500 whose detail never leaks internals (the log has the stack trace).
 */
@RestControllerAdvice
@Order(0)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
    var expected = e.getRequiredType() == null ? "a valid value" : describe(e.getRequiredType());
    return ApiProblems.of(
        HttpStatus.BAD_REQUEST,
        "bad-request",
        "Bad request",
        "Parameter '" + e.getName() + "' has value '" + e.getValue() + "'; expected " + expected);
  }

  @ExceptionHandler(Exception.class)
  ProblemDetail unexpected(Exception e, HttpServletRequest request) {
    log.error("Unhandled error on {} {}", request.getMethod(), request.getRequestURI(), e);
    return ApiProblems.of(
        HttpStatus.INTERNAL_SERVER_ERROR,
        "internal",
        "Internal error",
        "Something went wrong on our side; it has been logged. Please try again.");
  }

  @Override
  protected ResponseEntity<Object> handleExceptionInternal(
      Exception ex, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    if (body instanceof ProblemDetail problem
        && problem.getType().toString().equals("about:blank")) {
      problem.setType(ApiProblems.type(typeFor(status)));
    }
    return super.handleExceptionInternal(ex, body, headers, status, request);
  }

  private static String typeFor(HttpStatusCode status) {
    return switch (status.value()) {
      case 400 -> "bad-request";
      case 404 -> "not-found";
      case 405 -> "method-not-allowed";
      case 406 -> "not-acceptable";
      case 413 -> "payload-too-large";
      case 415 -> "unsupported-media-type";
      default -> "http-" + status.value();
    };
  }

  private static String describe(Class<?> type) {
    if (type.isEnum()) {
      var names = new StringBuilder();
      for (Object constant : type.getEnumConstants()) {
        names.append(names.isEmpty() ? "" : ", ").append(constant.toString());
      }
      return "one of: " + names;
    }
    return "a value of type " + type.getSimpleName();
  }
}
