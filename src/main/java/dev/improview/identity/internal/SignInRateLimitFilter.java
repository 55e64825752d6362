package dev.improview.identity.internal;

import dev.improview.platform.RateLimit;
import dev.improview.platform.RateLimitedException;
import dev.improview.platform.RateLimiter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Counts every sign-in attempt (a magic link's token, a passkey assertion) against the client
 * address's {@link RateLimit#SIGN_IN_IP} bucket before Spring Security looks at it, and answers
 * {@code 429} with {@code Retry-After} once it is empty: guessing is slow, whatever is guessed.
 */
final class SignInRateLimitFilter extends OncePerRequestFilter {

  private final Set<String> paths;
  private final RateLimiter limits;
  private final AuthResponses responses;

  SignInRateLimitFilter(Set<String> paths, RateLimiter limits, AuthResponses responses) {
    this.paths = Set.copyOf(paths);
    this.limits = limits;
    this.responses = responses;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !("POST".equals(request.getMethod()) && paths.contains(request.getRequestURI()));
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      limits.consume(RateLimit.SIGN_IN_IP, request.getRemoteAddr());
    } catch (RateLimitedException e) {
      response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()));
      responses.write(request, response, e.getBody());
      return;
    }
    chain.doFilter(request, response);
  }
}
