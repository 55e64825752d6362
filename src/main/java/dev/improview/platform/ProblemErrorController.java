package dev.improview.platform;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The error page ({@code /error}) as problem details, in place of Spring Boot's JSON or HTML: what
 * reaches it never went through Spring MVC's handlers (a filter's {@code sendError}, an exception
 * thrown in a filter), and it must look like every other error.
 */
@RestController
class ProblemErrorController implements ErrorController {

  private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

  @RequestMapping("${server.error.path:/error}")
  ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
    var code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    var uri = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    if (!(code instanceof Integer value) || uri == null) {
      // Asked for directly: there is no error to show.
      return respond(HttpStatus.NOT_FOUND, "Nothing at " + request.getRequestURI(), null);
    }
    var status = HttpStatus.resolve(value);
    if (status == null || !status.isError()) {
      status = HttpStatus.INTERNAL_SERVER_ERROR;
    }
    var exception = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
    if (status.is5xxServerError()) {
      if (exception != null) {
        log.error("Unhandled error on {} {}", request.getMethod(), uri, exception);
      }
      return respond(
          status, "Something went wrong on our side; it has been logged. Please try again.", uri);
    }
    var message = (String) request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
    var detail = message == null || message.isBlank() ? status.getReasonPhrase() : message;
    return respond(status, detail, uri);
  }

  private static ResponseEntity<ProblemDetail> respond(
      HttpStatus status, String detail, String uri) {
    var problem =
        ApiProblems.of(
            status,
            ApiProblems.typeName(status),
            status.getReasonPhrase(),
            ApiProblems.shorten(detail, ApiExceptionHandler.MAX_DETAIL));
    if (uri != null && uri.length() <= 200) {
      try {
        problem.setInstance(URI.create(uri));
      } catch (IllegalArgumentException e) {
        // Not a URI we can repeat; the detail is enough.
      }
    }
    // Set, not negotiated: a browser asking for HTML still gets the one error format.
    return ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }
}
