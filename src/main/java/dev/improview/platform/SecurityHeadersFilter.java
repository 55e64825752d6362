package dev.improview.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Security headers ({@link SecurityHeaders}) on every response, error dispatches included, so any
 * CDN in front passes them through unchanged: the CSP chosen by path, and a {@link StyleNonce} for
 * the SPA's document to take.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class SecurityHeadersFilter extends OncePerRequestFilter {

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    SecurityHeaders.apply(response::setHeader);
    if (SecurityHeaders.isSwaggerUi(request.getRequestURI())) {
      response.setHeader(
          "Content-Security-Policy", SecurityHeaders.SWAGGER_UI_CONTENT_SECURITY_POLICY);
    }
    StyleNonce.attach(request, response);
    if (request.isSecure()) {
      // Over HTTPS (directly, or behind a proxy whose X-Forwarded-Proto says so): browsers keep
      // to HTTPS for this host from now on.
      response.setHeader("Strict-Transport-Security", SecurityHeaders.STRICT_TRANSPORT_SECURITY);
    }
    chain.doFilter(request, response);
  }

  @Override
  protected boolean shouldNotFilterErrorDispatch() {
    // A response reset before the error page would otherwise lose the headers set above.
    return false;
  }
}
