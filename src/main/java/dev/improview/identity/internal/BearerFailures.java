package dev.improview.identity.internal;

import dev.improview.platform.ApiProblems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.stereotype.Component;

/**
 * What a refused bearer token gets: {@code 401} {@code invalid-token} with {@code WWW-Authenticate:
 * Bearer error="invalid_token"} and a {@code detail} saying which check failed, written to the
 * audit trail (the reason, never the token). An issuer that does not answer is {@code 503}: the
 * token may be good.
 */
@Component
class BearerFailures implements AuthenticationEntryPoint, AuthenticationFailureHandler {

  private static final Logger log = LoggerFactory.getLogger(BearerFailures.class);

  /** What NimbusJwtDecoder puts before its reason. */
  private static final String DECODER_PREFIX =
      "An error occurred while attempting to decode the Jwt: ";

  private final AuthResponses responses;
  private final AuditLog audit;
  private final String algorithms;

  BearerFailures(AuthResponses responses, AuditLog audit, JwtProperties properties) {
    this.responses = responses;
    this.audit = audit;
    this.algorithms =
        properties.algorithms().stream().map(Enum::name).collect(Collectors.joining(" or "));
  }

  /** Refuses every bearer token: no issuer is configured. */
  static final String NOT_ACCEPTED =
      "This server accepts no bearer tokens (no issuer is configured:"
          + " improview.auth.jwt.issuer-uri). Sign in with an email link instead.";

  @Override
  public void commence(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException {
    onAuthenticationFailure(request, response, e);
  }

  @Override
  public void onAuthenticationFailure(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException {
    if (e instanceof AuthenticationServiceException) {
      // Discovery or the JWKS did not answer; the message names the issuer's URL, not the token.
      log.warn("A bearer token could not be checked: {}", e.getMessage());
      responses.write(
          request,
          response,
          ApiProblems.of(
              HttpStatus.SERVICE_UNAVAILABLE,
              "token-issuer-unavailable",
              "Token issuer unavailable",
              "The bearer token could not be checked: the issuer's signing keys could not be"
                  + " fetched. Try again shortly."));
      return;
    }
    var detail = detail(e);
    audit.record(
        AuditLog.Kind.SIGN_IN_FAILED,
        null,
        null,
        request.getRemoteAddr(),
        "bearer token: " + detail);
    response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"" + code(e) + "\"");
    responses.write(
        request,
        response,
        ApiProblems.of(HttpStatus.UNAUTHORIZED, "invalid-token", "Bearer token refused", detail));
  }

  private String detail(AuthenticationException e) {
    var cause = e.getCause();
    if (cause instanceof JwtValidationException invalid) {
      return invalid.getErrors().stream()
          .map(OAuth2Error::getDescription)
          .distinct()
          .collect(Collectors.joining(" "));
    }
    if (cause instanceof BadJwtException bad) {
      var reason = bad.getMessage().replace(DECODER_PREFIX, "");
      return "The token is not a JWT signed with the issuer's keys ("
          + algorithms
          + "): "
          + ApiProblems.shorten(reason, 200)
          + ".";
    }
    var message = e.getMessage();
    return message == null || message.isBlank() ? "The bearer token was refused." : message;
  }

  private static String code(AuthenticationException e) {
    if (e instanceof OAuth2AuthenticationException oauth
        && OAuth2ErrorCodes.INVALID_REQUEST.equals(oauth.getError().getErrorCode())) {
      return OAuth2ErrorCodes.INVALID_REQUEST;
    }
    return OAuth2ErrorCodes.INVALID_TOKEN;
  }
}
