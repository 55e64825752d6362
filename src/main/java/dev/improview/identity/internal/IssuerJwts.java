package dev.improview.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderInitializationException;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.web.client.RestTemplate;

/**
 * The decoder for the configured issuer's JWTs: the signing keys come from the JWKS its discovery
 * document names, fetched on the first bearer request (so the server starts while the issuer is
 * down, and tries again on the next request until it answers); signature, algorithm, issuer,
 * audience, {@code exp} and {@code nbf} are checked, each refusal saying which.
 */
final class IssuerJwts {

  /** Discovery and JWKS requests: a hung issuer must not hold request threads for long. */
  static final Duration ISSUER_TIMEOUT = Duration.ofSeconds(5);

  private IssuerJwts() {}

  static JwtDecoder decoder(JwtProperties properties, Clock clock) {
    var issuer = properties.issuerUri();
    var http = new SimpleClientHttpRequestFactory();
    http.setConnectTimeout(ISSUER_TIMEOUT);
    http.setReadTimeout(ISSUER_TIMEOUT);
    var lazy =
        new SupplierJwtDecoder(
            () -> {
              // withIssuerLocation fetches the discovery document (and checks its issuer) in
              // build().
              var decoder =
                  NimbusJwtDecoder.withIssuerLocation(issuer)
                      .restOperations(new RestTemplate(http))
                      .jwsAlgorithms(algorithms -> algorithms.addAll(properties.algorithms()))
                      .build();
              decoder.setJwtValidator(validator(properties, clock));
              return decoder;
            });
    return token -> {
      try {
        return lazy.decode(token);
      } catch (JwtDecoderInitializationException e) {
        // Not a BadJwtException: the token may be good, the issuer did not answer (a 503).
        throw new JwtException(
            "The issuer's discovery document could not be fetched: "
                + (e.getCause() == null ? e.getMessage() : e.getCause().getMessage()),
            e);
      }
    };
  }

  static OAuth2TokenValidator<Jwt> validator(JwtProperties properties, Clock clock) {
    var times = new JwtTimestampValidator(properties.clockSkew());
    times.setClock(clock);
    // A token without exp would never expire.
    times.setAllowEmptyExpiryClaim(false);
    var audiences = properties.audiences();
    List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
    validators.add(
        saying(
            times,
            jwt ->
                jwt.getExpiresAt() == null
                    ? "The token has no expiry (exp)."
                    : jwt.getNotBefore() != null
                            && jwt.getNotBefore()
                                .isAfter(clock.instant().plus(properties.clockSkew()))
                        ? "The token is not valid before " + jwt.getNotBefore() + "."
                        : "The token expired at " + jwt.getExpiresAt() + "; get a new one."));
    validators.add(
        saying(
            new JwtIssuerValidator(properties.issuerUri()),
            jwt -> "The token's issuer (iss) is not " + properties.issuerUri() + "."));
    validators.add(
        saying(
            new JwtClaimValidator<Collection<String>>(
                JwtClaimNames.AUD,
                aud -> aud != null && aud.stream().anyMatch(audiences::contains)),
            jwt -> "The token's audience (aud) is not one this server accepts."));
    return JwtValidators.createDefaultWithValidators(validators);
  }

  /** {@code validator}, its refusal described by {@code reason}: the client reads the sentence. */
  private static OAuth2TokenValidator<Jwt> saying(
      OAuth2TokenValidator<Jwt> validator, Function<Jwt, String> reason) {
    return jwt ->
        validator.validate(jwt).hasErrors()
            ? OAuth2TokenValidatorResult.failure(
                new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, reason.apply(jwt), null))
            : OAuth2TokenValidatorResult.success();
  }
}
