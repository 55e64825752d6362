package dev.improview.platform;

import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The security headers every response carries, whoever writes it: our filter, the error page or
 * Tomcat's own error report for a request it could not parse. The CSP allows only our own origin
 * (fonts and scripts are self-hosted) and no inline script anywhere. Inline styles are allowed only
 * where something needs them: Swagger UI writes them ({@link #SWAGGER_UI_CONTENT_SECURITY_POLICY}),
 * and the SPA's editor writes {@code <style>} elements that carry the document's nonce ({@link
 * #documentPolicy}).
 */
final class SecurityHeaders {

  /** Everything but Swagger UI and the SPA's document: no inline styles at all. */
  static final String CONTENT_SECURITY_POLICY = policy("'self'");

  /** Swagger UI sets style attributes and writes style elements of its own, with no nonce. */
  static final String SWAGGER_UI_CONTENT_SECURITY_POLICY = policy("'self' 'unsafe-inline'");

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

  /** The SPA's document: style elements that carry this response's nonce, and no others. */
  static String documentPolicy(String nonce) {
    return policy("'self' 'nonce-" + nonce + "'");
  }

  /** The paths Swagger UI's page and its own files are served from. */
  static boolean isSwaggerUi(String path) {
    return path.equals("/swagger-ui.html") || path.startsWith("/swagger-ui/");
  }

  /** Sets each header through {@code setHeader} (replacing any earlier value). */
  static void apply(BiConsumer<String, String> setHeader) {
    HEADERS.forEach(setHeader);
  }

  private static String policy(String styleSources) {
    return "default-src 'self'; script-src 'self'; style-src "
        + styleSources
        + "; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; "
        + "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
  }
}
