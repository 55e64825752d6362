package dev.improview.identity.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers {@code POST /webauthn/register/options} without a signed-in user with the API's 401
 * problem. Spring Security's options filter runs before the authorization rules and answers a bare
 * 400 itself.
 */
final class PasskeyRegistrationSignInFilter extends OncePerRequestFilter {

  static final String PATH = SecurityConfiguration.PASSKEY_REGISTRATION + "/options";

  private final AuthResponses responses;
  private final AuthenticationTrustResolverImpl trust = new AuthenticationTrustResolverImpl();

  PasskeyRegistrationSignInFilter(AuthResponses responses) {
    this.responses = responses;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !("POST".equals(request.getMethod()) && PATH.equals(request.getRequestURI()));
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!trust.isAuthenticated(SecurityContextHolder.getContext().getAuthentication())) {
      responses.commence(
          request, response, new InsufficientAuthenticationException("Sign in to add a passkey"));
      return;
    }
    chain.doFilter(request, response);
  }
}
