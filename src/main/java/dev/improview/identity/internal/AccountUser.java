package dev.improview.identity.internal;

import dev.improview.identity.Role;
import dev.improview.platform.AccountPrincipal;
import java.io.Serial;
import java.io.Serializable;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The principal of a signed-in request. Its name is the account id, never the email (which the user
 * may change), so Spring Session indexes sessions by account and "sign out everywhere" finds them
 * all. Serializable: sessions are stored in PostgreSQL.
 *
 * @param id the account
 * @param email its email; {@code null} for the local account in local mode
 * @param roles what it may do beyond its own data
 */
record AccountUser(UUID id, String email, Set<Role> roles)
    implements UserDetails, AccountPrincipal, Serializable {

  @Serial private static final long serialVersionUID = 1L;

  AccountUser {
    if (id == null) {
      throw new IllegalArgumentException("id is required");
    }
    roles = roles == null ? Set.of() : Set.copyOf(roles);
  }

  @Override
  public UUID accountId() {
    return id;
  }

  @Override
  public Collection<? extends GrantedAuthority> getAuthorities() {
    return roles.stream().map(role -> new SimpleGrantedAuthority(role.authority())).toList();
  }

  List<String> roleIds() {
    return roles.stream().map(Role::id).sorted().toList();
  }

  /** No password: accounts sign in with magic links and passkeys only. */
  @Override
  public String getPassword() {
    return null;
  }

  @Override
  public String getUsername() {
    return id.toString();
  }
}
