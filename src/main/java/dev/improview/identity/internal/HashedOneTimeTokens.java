package dev.improview.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.ott.DefaultOneTimeToken;
import org.springframework.security.authentication.ott.GenerateOneTimeTokenRequest;
import org.springframework.security.authentication.ott.OneTimeToken;
import org.springframework.security.authentication.ott.OneTimeTokenAuthenticationToken;
import org.springframework.security.authentication.ott.OneTimeTokenService;
import org.springframework.stereotype.Component;

/**
 * Magic-link tokens in PostgreSQL ({@code one_time_token}): 256 random bits from a CSPRNG, sent to
 * the user and never stored; the table keeps their SHA-256. Consuming deletes the row in the same
 * statement that reads it, so of two uses of one link at most one signs in, on any instance.
 */
@Component
class HashedOneTimeTokens implements OneTimeTokenService {

  private static final int TOKEN_BYTES = 32;

  private final JdbcClient jdbc;
  private final Clock clock;
  private final Duration validity;
  private final SecureRandom random = new SecureRandom();

  HashedOneTimeTokens(JdbcClient jdbc, Clock clock, AuthProperties properties) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.validity = properties.magicLinkValidity();
  }

  @Override
  public OneTimeToken generate(GenerateOneTimeTokenRequest request) {
    var bytes = new byte[TOKEN_BYTES];
    random.nextBytes(bytes);
    var token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    var now = clock.instant();
    var asked = request.getExpiresIn();
    var expires = now.plus(asked != null && asked.compareTo(validity) < 0 ? asked : validity);
    // Expired rows are of no use to anyone; each new token sweeps them.
    jdbc.sql("delete from one_time_token where expires_at < :now").param("now", utc(now)).update();
    jdbc.sql(
            "insert into one_time_token (token_hash, email, created_at, expires_at)"
                + " values (:hash, :email, :now, :expires)")
        .param("hash", hash(token))
        .param("email", request.getUsername())
        .param("now", utc(now))
        .param("expires", utc(expires))
        .update();
    return new DefaultOneTimeToken(token, request.getUsername(), expires);
  }

  @Override
  public OneTimeToken consume(OneTimeTokenAuthenticationToken authenticationToken) {
    var token = authenticationToken.getTokenValue();
    if (token == null || token.isEmpty() || token.length() > 100) {
      return null;
    }
    var now = clock.instant();
    return jdbc.sql(
            "delete from one_time_token where token_hash = :hash" + " returning email, expires_at")
        .param("hash", hash(token))
        .query(
            (rs, row) ->
                new DefaultOneTimeToken(
                    token,
                    rs.getString("email"),
                    rs.getObject("expires_at", OffsetDateTime.class).toInstant()))
        .optional()
        .filter(consumed -> now.isBefore(consumed.getExpiresAt()))
        .orElse(null);
  }

  static byte[] hash(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }

  private static OffsetDateTime utc(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
