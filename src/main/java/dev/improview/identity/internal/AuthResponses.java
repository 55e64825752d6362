package dev.improview.identity.internal;

import dev.improview.platform.ApiProblems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the security chain answers, as RFC 9457 problem details like the rest of the API: {@code
 * 401} without a user, {@code 403} for a missing or stale CSRF token or a missing role. Never a
 * redirect to a login page: the SPA decides where to send the user.
 */
@Component
class AuthResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

  private final JsonMapper json;

  AuthResponses(JsonMapper json) {
    this.json = json;
  }

  @Override
  public void commence(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException {
    write(request, response, ApiProblems.unauthenticated());
  }

  @Override
  public void handle(
      HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
      throws IOException {
    if (e instanceof CsrfException) {
      write(
          request,
          response,
          ApiProblems.of(
              HttpStatus.FORBIDDEN,
              "csrf",
              "Missing or stale CSRF token",
              "Send the XSRF-TOKEN cookie's value in the X-XSRF-TOKEN header; GET"
                  + " /api/auth/options renews the cookie."));
      return;
    }
    write(
        request,
        response,
        ApiProblems.of(
            HttpStatus.FORBIDDEN,
            "forbidden",
            "Forbidden",
            "This needs the admin role (improview.auth.admin-emails, or the first account)."));
  }

  void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
      throws IOException {
    if (response.isCommitted()) {
      return;
    }
    try {
      problem.setInstance(java.net.URI.create(request.getRequestURI()));
    } catch (IllegalArgumentException e) {
      // A path that is not a URI: the problem goes without its instance.
    }
    response.setStatus(problem.getStatus());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    json.writeValue(response.getOutputStream(), problem);
  }
}
