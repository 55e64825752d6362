package dev.improview.identity.internal;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code improview.auth.passkeys.*} (README, "Accounts and sign-in"; docs/security.md, "Passkeys").
 *
 * @param rpId the WebAuthn relying party id, a host name such as {@code improview.example}; empty:
 *     the host of the public URL. Passkeys are bound to it: changing it orphans every passkey
 * @param allowedOrigins the origins a ceremony may come from ({@code https://improview.example});
 *     empty: the public URL's origin
 */
@ConfigurationProperties("improview.auth.passkeys")
record PasskeyProperties(@DefaultValue("") String rpId, @DefaultValue List<String> allowedOrigins) {

  PasskeyProperties {
    rpId = rpId.strip().toLowerCase(Locale.ROOT);
    if (!rpId.isEmpty() && !rpId.matches("[a-z0-9]([a-z0-9.-]*[a-z0-9])?")) {
      throw new IllegalArgumentException(
          "improview.auth.passkeys.rp-id must be a host name such as improview.example, without a"
              + " scheme or port: "
              + rpId);
    }
    allowedOrigins =
        allowedOrigins.stream()
            .map(String::strip)
            .filter(origin -> !origin.isEmpty())
            .map(PasskeyProperties::origin)
            .toList();
    if (!rpId.isEmpty()) {
      for (var origin : allowedOrigins) {
        if (!PasskeyProperties.covers(rpId, URI.create(origin).getHost())) {
          throw new IllegalArgumentException(
              "improview.auth.passkeys.allowed-origins: "
                  + origin
                  + " is not on the rp id "
                  + rpId
                  + " or a subdomain of it, so no browser would use a passkey there");
        }
      }
    }
  }

  /** Whether a page on {@code host} may use passkeys of {@code rpId} (WebAuthn's suffix rule). */
  static boolean covers(String rpId, String host) {
    var lower = host.toLowerCase(Locale.ROOT);
    return lower.equals(rpId) || lower.endsWith("." + rpId);
  }

  private static String origin(String raw) {
    URI uri;
    try {
      uri = URI.create(raw);
    } catch (IllegalArgumentException e) {
      uri = null;
    }
    if (uri == null
        || uri.getScheme() == null
        || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
        || uri.getHost() == null
        || (uri.getPath() != null && !uri.getPath().isEmpty())
        || uri.getQuery() != null
        || uri.getFragment() != null) {
      throw new IllegalArgumentException(
          "improview.auth.passkeys.allowed-origins entries are origins such as"
              + " https://improview.example, without a path or trailing slash: "
              + raw);
    }
    return raw;
  }
}
