package dev.improview.identity.internal;

import dev.improview.identity.AuthMode;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code improview.auth.*} (README, "Accounts and sign-in"; docs/security.md).
 *
 * @param mode {@code local} (nobody signs in; the default) or {@code accounts}; the {@code prod}
 *     profile sets {@code accounts}
 * @param publicUrl the origin users reach the server at ({@code https://improview.example}), used
 *     in magic links and as the passkey origin; empty: {@code http://localhost:<port>}. Never taken
 *     from a request's Host header, which a client chooses
 * @param adminEmails accounts with these emails get the admin role when they sign in; the first
 *     account created gets it too
 * @param allowlist who may sign up: emails ({@code ada@example.com}) and domains ({@code
 *     @example.com}); empty lets anyone. An existing account can always sign in
 * @param devMailbox list outgoing mail at {@code /api/dev/mailbox} in accounts mode; always on in
 *     local mode without SMTP, never under the {@code prod} profile
 * @param magicLinkValidity how long a sign-in link works (at most 10 minutes)
 */
@ConfigurationProperties("improview.auth")
record AuthProperties(
    @DefaultValue("local") String mode,
    @DefaultValue("") String publicUrl,
    @DefaultValue List<String> adminEmails,
    @DefaultValue List<String> allowlist,
    @DefaultValue("false") boolean devMailbox,
    @DefaultValue("10m") Duration magicLinkValidity) {

  static final Duration MAX_MAGIC_LINK_VALIDITY = Duration.ofMinutes(10);

  AuthProperties {
    authMode(mode);
    if (!publicUrl.isBlank()) {
      var uri = URI.create(publicUrl.strip());
      if (uri.getScheme() == null
          || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
          || uri.getHost() == null
          || (uri.getPath() != null && !uri.getPath().isEmpty() && !uri.getPath().equals("/"))) {
        throw new IllegalArgumentException(
            "improview.auth.public-url must be an http(s) origin such as https://improview.example,"
                + " without a path: "
                + publicUrl);
      }
    }
    if (magicLinkValidity.isNegative()
        || magicLinkValidity.isZero()
        || magicLinkValidity.compareTo(MAX_MAGIC_LINK_VALIDITY) > 0) {
      throw new IllegalArgumentException(
          "improview.auth.magic-link-validity must be positive and at most 10m: "
              + magicLinkValidity);
    }
    adminEmails = adminEmails.stream().map(AuthProperties::normalise).toList();
    allowlist = allowlist.stream().map(AuthProperties::normalise).toList();
    for (var entry : allowlist) {
      if (!entry.contains("@")) {
        throw new IllegalArgumentException(
            "improview.auth.allowlist entries are emails (ada@example.com) or domains"
                + " (@example.com): "
                + entry);
      }
    }
  }

  AuthMode authMode() {
    return authMode(mode);
  }

  private static AuthMode authMode(String mode) {
    for (var candidate : AuthMode.values()) {
      if (candidate.id().equals(mode.strip().toLowerCase(Locale.ROOT))) {
        return candidate;
      }
    }
    throw new IllegalArgumentException("improview.auth.mode must be local or accounts: " + mode);
  }

  /** Whether {@code email} (normalised) may create an account. */
  boolean maySignUp(String email) {
    if (allowlist.isEmpty()) {
      return true;
    }
    var domain = email.substring(email.lastIndexOf('@'));
    return allowlist.contains(email) || allowlist.contains(domain);
  }

  boolean isAdminEmail(String email) {
    return adminEmails.contains(email);
  }

  private static String normalise(String entry) {
    return entry.strip().toLowerCase(Locale.ROOT);
  }
}
