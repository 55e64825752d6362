package dev.improview.identity.internal;

import java.io.Serial;
import java.util.Collection;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthentication;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationProvider;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;

/**
 * A passkey sign-in, ending where a magic link does: the principal is the {@link AccountUser}, so
 * {@code /api/me}, roles and "sign out everywhere" work alike. (Spring Security's own result holds
 * the WebAuthn user entity instead.) Serializable: it lives in the session.
 */
final class PasskeyAuthentication extends AbstractAuthenticationToken {

  @Serial private static final long serialVersionUID = 1L;

  private final AccountUser user;

  PasskeyAuthentication(AccountUser user, Collection<? extends GrantedAuthority> authorities) {
    super(authorities);
    this.user = user;
    setAuthenticated(true);
  }

  @Override
  public Object getCredentials() {
    return null;
  }

  @Override
  public AccountUser getPrincipal() {
    return user;
  }

  /**
   * Verifies an assertion with Spring Security's provider (signature, challenge, origin, rp id,
   * counter), then looks the account up by the user entity's name, its account id.
   */
  static final class Provider
      implements org.springframework.security.authentication.AuthenticationProvider {

    private final WebAuthnAuthenticationProvider webAuthn;
    private final Accounts accounts;

    Provider(WebAuthnRelyingPartyOperations relyingParty, Accounts accounts) {
      this.webAuthn = new WebAuthnAuthenticationProvider(relyingParty, accounts);
      this.accounts = accounts;
    }

    @Override
    public org.springframework.security.core.Authentication authenticate(
        org.springframework.security.core.Authentication authentication)
        throws AuthenticationException {
      var verified = (WebAuthnAuthentication) webAuthn.authenticate(authentication);
      var user = accounts.loadUserByUsername(verified.getPrincipal().getName());
      var result = new PasskeyAuthentication(user, verified.getAuthorities());
      result.setDetails(authentication.getDetails());
      return result;
    }

    @Override
    public boolean supports(Class<?> type) {
      return webAuthn.supports(type);
    }
  }
}
