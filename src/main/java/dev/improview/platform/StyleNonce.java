package dev.improview.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A nonce for one response's style elements, made the first time it is asked for: only the SPA's
 * document asks, and asking puts the nonce into that response's CSP too. The filter leaves one on
 * every request ({@link #of}); a response that never asks keeps the CSP without inline styles.
 */
final class StyleNonce {

  private static final String ATTRIBUTE = StyleNonce.class.getName();
  private static final SecureRandom RANDOM = new SecureRandom();

  /** 144 bits: past guessing, and 24 base64 characters with no padding. */
  private static final int BYTES = 18;

  private final HttpServletResponse response;
  private String value;

  private StyleNonce(HttpServletResponse response) {
    this.response = response;
  }

  static void attach(HttpServletRequest request, HttpServletResponse response) {
    request.setAttribute(ATTRIBUTE, new StyleNonce(response));
  }

  /** This request's nonce holder; absent outside the filter (a test calling a handler alone). */
  static StyleNonce of(HttpServletRequest request) {
    return (StyleNonce) request.getAttribute(ATTRIBUTE);
  }

  /** The nonce, the same for every call in one response; the response's CSP now allows it. */
  synchronized String value() {
    if (value == null) {
      var bytes = new byte[BYTES];
      RANDOM.nextBytes(bytes);
      value = Base64.getEncoder().encodeToString(bytes);
      response.setHeader("Content-Security-Policy", SecurityHeaders.documentPolicy(value));
    }
    return value;
  }
}
