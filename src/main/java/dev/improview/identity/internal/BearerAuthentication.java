package dev.improview.identity.internal;

import java.io.Serial;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/**
 * A request signed in by a bearer JWT: its principal is the account, as for a session, so {@code
 * CurrentAccount} and {@code @AuthenticationPrincipal AccountUser} read it the same way. It keeps
 * no token. It declares no {@code toBuilder()}, so Spring Security never merges a session's
 * authorities (an admin's, say) into a bearer request that also carries that session's cookie.
 */
final class BearerAuthentication extends AbstractAuthenticationToken {

  @Serial private static final long serialVersionUID = 1L;

  private final AccountUser user;

  BearerAuthentication(AccountUser user) {
    super(user.getAuthorities());
    this.user = user;
    setAuthenticated(true);
  }

  @Override
  public AccountUser getPrincipal() {
    return user;
  }

  @Override
  public Object getCredentials() {
    return null;
  }
}
