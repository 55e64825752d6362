package dev.improview.identity.internal;

import dev.improview.platform.ApiProblems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The end of a sign-in ceremony: {@code 200} with the account (as {@code GET /api/me}) or {@code
 * 401} saying the link or passkey did not work, each written to the audit trail.
 */
@Component
class SignInHandlers implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

  private final AuditLog audit;
  private final AccountStore accounts;
  private final AuthResponses responses;
  private final JsonMapper json;
  private final Clock clock;

  SignInHandlers(
      AuditLog audit,
      AccountStore accounts,
      AuthResponses responses,
      JsonMapper json,
      Clock clock) {
    this.audit = audit;
    this.accounts = accounts;
    this.responses = responses;
    this.json = json;
    this.clock = clock;
  }

  @Override
  public void onAuthenticationSuccess(
      HttpServletRequest request, HttpServletResponse response, Authentication authentication)
      throws IOException {
    var user = (AccountUser) authentication.getPrincipal();
    accounts.signedIn(user.id(), clock.instant());
    audit.record(
        AuditLog.Kind.SIGN_IN, user.id(), user.email(), request.getRemoteAddr(), method(request));
    response.setStatus(HttpStatus.OK.value());
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    json.writeValue(
        response.getOutputStream(), new MeController.Me(user.id(), user.email(), user.roleIds()));
  }

  @Override
  public void onAuthenticationFailure(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException {
    audit.record(
        AuditLog.Kind.SIGN_IN_FAILED,
        null,
        null,
        request.getRemoteAddr(),
        method(request) + ": " + e.getClass().getSimpleName());
    responses.write(
        request,
        response,
        ApiProblems.of(
            HttpStatus.UNAUTHORIZED,
            "sign-in-failed",
            "Sign-in failed",
            request.getRequestURI().contains("magic-link")
                ? "This sign-in link is unknown, used or expired. Ask for a new one."
                : "That passkey did not sign you in. Try again, or ask for an email link."));
  }

  private static String method(HttpServletRequest request) {
    return request.getRequestURI().contains("magic-link") ? "magic link" : "passkey";
  }
}
