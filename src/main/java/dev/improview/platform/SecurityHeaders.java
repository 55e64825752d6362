package dev.improview.platform;

import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The security headers every response carries, whoever writes it: our filter, the error page or
 * Tomcat's own error report for a request it could not parse. The CSP allows only our own origin:
 * fonts and scripts are self-hosted, and Swagger UI needs inline styles.
 */
final class SecurityHeaders {

  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
          + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; "
          + "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

  /** Sent only on responses to HTTPS requests: a year, subdomains included. */
  static final String STRICT_TRANSPORT_SECURITY = "max-age=31536000; includeSubDomains";

  static final Map<String, String> HEADERS =
      Map.of(
          "Content-Security-Policy", CONTENT_SECURITY_POLICY,
          "X-Content-Type-Options", "nosniff",
          "Referrer-Policy", "strict-origin-when-cross-origin",
          "X-Frame-Options", "DENY",
          "Cross-Origin-Opener-Policy", "same-origin",
          "Permissions-Policy", "camera=(), microphone=(), geolocation=()");

  private SecurityHeaders() {}

  /** Sets each header through {@code setHeader} (replacing any earlier value). */
  static void apply(BiConsumer<String, String> setHeader) {
    HEADERS.forEach(setHeader);
  }
}
