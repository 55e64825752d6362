package dev.improview.identity.internal;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.function.Consumer;

/**
 * A loopback OIDC issuer: its discovery document and the JWKS of an RSA key made for the test, and
 * tokens signed with that key (or forged in the ways an attacker would). It can be made to fail
 * ({@link #down}) to stand for an issuer that does not answer.
 */
final class TestIssuer implements AutoCloseable {

  static final String KEY_ID = "test-key";
  static final String AUDIENCE = "improview-api";

  private final HttpServer server;
  private final RSAKey key;
  final String uri;
  volatile boolean down;

  TestIssuer() throws Exception {
    key = new RSAKeyGenerator(2048).keyID(KEY_ID).generate();
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    uri = "http://127.0.0.1:" + server.getAddress().getPort();
    server.createContext(
        "/.well-known/openid-configuration",
        exchange ->
            answer(
                exchange,
                "{\"issuer\":\""
                    + uri
                    + "\",\"jwks_uri\":\""
                    + uri
                    + "/jwks\",\"id_token_signing_alg_values_supported\":[\"RS256\"],"
                    + "\"subject_types_supported\":[\"public\"],"
                    + "\"response_types_supported\":[\"code\"]}"));
    server.createContext(
        "/jwks", exchange -> answer(exchange, new JWKSet(key.toPublicJWK()).toString()));
    server.start();
  }

  private void answer(HttpExchange exchange, String json) throws IOException {
    try (exchange) {
      if (down) {
        exchange.sendResponseHeaders(503, -1);
        return;
      }
      var body = json.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
    }
  }

  /**
   * Claims of a good ID token for {@code email}, valid for five minutes; {@code edit} changes them.
   */
  JWTClaimsSet claims(String email, Consumer<JWTClaimsSet.Builder> edit) {
    var now = Instant.now();
    var claims =
        new JWTClaimsSet.Builder()
            .issuer(uri)
            .subject("sub-" + email)
            .audience(AUDIENCE)
            .issueTime(Date.from(now))
            .notBeforeTime(Date.from(now.minusSeconds(5)))
            .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
            .claim("email", email)
            .claim("email_verified", true);
    edit.accept(claims);
    return claims.build();
  }

  /** A token signed with the issuer's key (RS256). */
  String sign(JWTClaimsSet claims) throws Exception {
    var jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID(KEY_ID)
                .type(JOSEObjectType.JWT)
                .build(),
            claims);
    jwt.sign(new RSASSASigner(key));
    return jwt.serialize();
  }

  String token(String email) throws Exception {
    return sign(claims(email, claims -> {}));
  }

  /** An unsigned token ({@code alg: none}). */
  String unsigned(JWTClaimsSet claims) {
    return new PlainJWT(claims).serialize();
  }

  /**
   * HS256 with the issuer's public key as the secret: the algorithm confusion a verifier that
   * trusts the header's {@code alg} falls for.
   */
  String hmacWithPublicKey(JWTClaimsSet claims) throws Exception {
    var jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.HS256)
                .keyID(KEY_ID)
                .type(JOSEObjectType.JWT)
                .build(),
            claims);
    jwt.sign(new MACSigner(key.toRSAPublicKey().getEncoded()));
    return jwt.serialize();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
