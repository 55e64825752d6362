package dev.improview.identity.internal;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.web.ErrorResponseException;

/**
 * A verified JWT to the Improview account of its email, found or created the way a magic link's is
 * (allowlist, admin emails): the issuer vouches for the email as the link would. A token whose
 * email is missing, unverified or not an address signs nobody in.
 */
final class BearerAccounts implements Converter<Jwt, BearerAuthentication> {

  static final String EMAIL_VERIFIED = "email_verified";

  private final Accounts accounts;
  private final String emailClaim;

  BearerAccounts(Accounts accounts, JwtProperties properties) {
    this.accounts = accounts;
    this.emailClaim = properties.emailClaim();
  }

  @Override
  public BearerAuthentication convert(Jwt jwt) {
    var email = email(jwt);
    try {
      return new BearerAuthentication(accounts.forEmail(email, "a bearer token"));
    } catch (UsernameNotFoundException e) {
      throw new InvalidBearerTokenException(
          "The token's email has no account here and may not sign up (improview.auth.allowlist).");
    }
  }

  private String email(Jwt jwt) {
    if (!(jwt.getClaims().get(emailClaim) instanceof String raw) || raw.isBlank()) {
      throw new InvalidBearerTokenException(
          "The token has no '"
              + emailClaim
              + "' claim naming the account's email (for Cognito, send the ID token).");
    }
    // Cognito has sent email_verified as the string "true"; OIDC says a boolean.
    var verified = jwt.getClaims().get(EMAIL_VERIFIED);
    if (verified != null && !Boolean.TRUE.equals(verified) && !"true".equals(verified)) {
      throw new InvalidBearerTokenException(
          "The token's email is not verified (email_verified is not true).");
    }
    try {
      return EmailAddress.parse(raw);
    } catch (ErrorResponseException e) {
      throw new InvalidBearerTokenException(
          "The token's '" + emailClaim + "' claim is not one email address.");
    }
  }
}
