package dev.improview.platform;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every error into RFC 9457 problem details: Spring MVC's own exceptions keep their status
 * with a stable type, malformed parameters and bodies say what is wrong and where, and anything
 * unexpected becomes a 500 whose detail never leaks internals (the log has the stack trace). A
 * client's mistake is never logged above DEBUG.
 */
@RestControllerAdvice
@Order(0)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

  /** Longest detail sent: details may quote the request, which may be huge. */
  static final int MAX_DETAIL = 1000;

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
    var expected = e.getRequiredType() == null ? "a valid value" : describe(e.getRequiredType());
    return ApiProblems.of(
        HttpStatus.BAD_REQUEST,
        "bad-request",
        "Bad request",
        "Parameter '"
            + e.getName()
            + "' has value '"
            + ApiProblems.shorten(String.valueOf(e.getValue()), 80)
            + "'; expected "
            + expected);
  }

  @ExceptionHandler(CurrentAccount.NotSignedInException.class)
  ResponseEntity<ProblemDetail> notSignedIn(CurrentAccount.NotSignedInException e) {
    return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
        .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
        .body(ApiProblems.unauthenticated());
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
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    var tooLarge = JsonErrors.find(ex, RequestBodyLimitFilter.BodyTooLargeException.class);
    if (tooLarge != null) {
      var problem =
          ApiProblems.of(
              HttpStatus.CONTENT_TOO_LARGE,
              "payload-too-large",
              HttpStatus.CONTENT_TOO_LARGE.getReasonPhrase(),
              tooLarge.limit().detail());
      return handleExceptionInternal(ex, problem, headers, HttpStatus.CONTENT_TOO_LARGE, request);
    }
    var detail =
        ex.getCause() == null && String.valueOf(ex.getMessage()).startsWith("Required request body")
            ? "The request body is missing: send a JSON object."
            : JsonErrors.describe(ex);
    log.debug("Unreadable body: {}", detail);
    var problem = ApiProblems.of(HttpStatus.BAD_REQUEST, "bad-request", "Bad request", detail);
    return handleExceptionInternal(ex, problem, headers, status, request);
  }

  @Override
  protected ResponseEntity<Object> handleHttpRequestMethodNotSupported(
      HttpRequestMethodNotSupportedException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    // The base class logs a WARN for this client mistake; the body says it all.
    var allowed = ex.getSupportedHttpMethods();
    var detail =
        ex.getMethod()
            + " is not supported here"
            + (allowed == null || allowed.isEmpty() ? "" : "; use " + allowed);
    return handleExceptionInternal(ex, detailed(ex, detail), headers, status, request);
  }

  @Override
  protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(
      HttpMediaTypeNotSupportedException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    var detail =
        "Content-Type '"
            + (ex.getContentType() == null ? "none" : ex.getContentType())
            + "' is not supported here; send application/json";
    return handleExceptionInternal(ex, detailed(ex, detail), headers, status, request);
  }

  @Override
  protected ResponseEntity<Object> handleNoResourceFoundException(
      NoResourceFoundException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    var detail = "Nothing at " + ex.getHttpMethod() + " " + ApiProblems.shorten(path(ex), 200);
    return handleExceptionInternal(ex, detailed(ex, detail), headers, status, request);
  }

  @Override
  protected ResponseEntity<Object> handleExceptionInternal(
      Exception ex, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    if (body == null && ex instanceof ErrorResponse response) {
      body = response.updateAndGetBody(getMessageSource(), LocaleContextHolder.getLocale());
    }
    if (body == null && status.isError()) {
      body = ProblemDetail.forStatus(status);
    }
    if (body instanceof ProblemDetail problem) {
      // Spring leaves the type unset (about:blank); every error of ours names one.
      if (problem.getType() == null || "about:blank".equals(problem.getType().toString())) {
        problem.setType(ApiProblems.type(ApiProblems.typeName(status)));
      }
      if (problem.getDetail() == null || problem.getDetail().isBlank()) {
        var known = HttpStatus.resolve(status.value());
        problem.setDetail(known == null ? "HTTP " + status.value() : known.getReasonPhrase());
      }
      problem.setDetail(ApiProblems.shorten(problem.getDetail(), MAX_DETAIL));
    }
    return super.handleExceptionInternal(ex, body, headers, status, request);
  }

  private static ProblemDetail detailed(ErrorResponse ex, String detail) {
    var problem = ex.getBody();
    problem.setDetail(detail);
    return problem;
  }

  private static String path(NoResourceFoundException ex) {
    var path = ex.getResourcePath();
    return path.startsWith("/") ? path : "/" + path;
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
