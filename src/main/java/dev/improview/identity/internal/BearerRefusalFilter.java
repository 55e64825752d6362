package dev.improview.identity.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Accounts mode without an issuer: a request that brings a bearer token is refused ({@code 401})
 * rather than served as anonymous, so a client learns at once that its token means nothing here.
 */
final class BearerRefusalFilter extends OncePerRequestFilter {

  private final BearerFailures failures;

  BearerRefusalFilter(BearerFailures failures) {
    this.failures = failures;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (SecurityConfiguration.bearer(request)) {
      failures.onAuthenticationFailure(
          request, response, new InvalidBearerTokenException(BearerFailures.NOT_ACCEPTED));
      return;
    }
    chain.doFilter(request, response);
  }
}
