package dev.improview.identity.internal;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;

/**
 * {@code improview.auth.jwt.*}: the external OIDC issuer whose bearer JWTs the server accepts
 * (docs/security.md, "Bearer tokens and an external OIDC issuer"). Without an issuer the server
 * accepts no bearer token at all.
 *
 * @param issuerUri the issuer ({@code IMPROVIEW_JWT_ISSUER_URI}), exactly as its tokens' {@code
 *     iss} claim and its {@code /.well-known/openid-configuration} name it; https, or http on
 *     loopback only
 * @param audiences the {@code aud} values a token may carry, one of which it must (for Cognito: the
 *     app client id); required with an issuer
 * @param emailClaim the claim that holds the account's email
 * @param clockSkew how far the issuer's clock may be from ours when checking {@code exp} and {@code
 *     nbf} (at most 5 minutes)
 * @param algorithms the signature algorithms accepted; asymmetric only by construction ({@code
 *     SignatureAlgorithm} has no HMAC and no {@code none})
 */
@ConfigurationProperties("improview.auth.jwt")
record JwtProperties(
    @DefaultValue("") String issuerUri,
    @DefaultValue List<String> audiences,
    @DefaultValue("email") String emailClaim,
    @DefaultValue("60s") Duration clockSkew,
    @DefaultValue({"RS256", "ES256"}) List<SignatureAlgorithm> algorithms) {

  static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);

  JwtProperties {
    issuerUri = issuerUri.strip();
    audiences = audiences.stream().map(String::strip).filter(a -> !a.isEmpty()).toList();
    emailClaim = emailClaim.strip();
    algorithms = List.copyOf(algorithms);
    if (!issuerUri.isEmpty()) {
      checkIssuer(issuerUri);
      if (audiences.isEmpty()) {
        throw new IllegalArgumentException(
            "improview.auth.jwt.audiences (IMPROVIEW_JWT_AUDIENCES) is required with an issuer:"
                + " the aud value(s) its tokens carry for Improview, such as the app client id");
      }
    }
    if (emailClaim.isEmpty()) {
      throw new IllegalArgumentException(
          "improview.auth.jwt.email-claim must name a claim, such as email");
    }
    if (clockSkew.isNegative() || clockSkew.compareTo(MAX_CLOCK_SKEW) > 0) {
      throw new IllegalArgumentException(
          "improview.auth.jwt.clock-skew must be between 0s and 5m: " + clockSkew);
    }
    if (algorithms.isEmpty()) {
      throw new IllegalArgumentException(
          "improview.auth.jwt.algorithms needs at least one algorithm, such as RS256");
    }
  }

  /** Whether bearer tokens are accepted at all. */
  boolean enabled() {
    return !issuerUri.isEmpty();
  }

  private static void checkIssuer(String issuerUri) {
    URI uri;
    try {
      uri = URI.create(issuerUri);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "improview.auth.jwt.issuer-uri is not a URI: " + issuerUri, e);
    }
    var scheme = uri.getScheme();
    var host = uri.getHost();
    boolean loopback =
        host != null
            && (host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]"));
    if (host == null
        || uri.getQuery() != null
        || uri.getFragment() != null
        || !("https".equals(scheme) || ("http".equals(scheme) && loopback))) {
      throw new IllegalArgumentException(
          "improview.auth.jwt.issuer-uri must be an https URL such as"
              + " https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC (http on loopback"
              + " only), without query or fragment: "
              + issuerUri);
    }
  }
}
