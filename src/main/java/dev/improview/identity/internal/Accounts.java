package dev.improview.identity.internal;

import dev.improview.identity.Role;
import dev.improview.platform.CurrentAccount;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Locale;
import java.util.UUID;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/**
 * Accounts as Spring Security sees them. A magic link names an email: its first use creates the
 * account (sign-up), subject to the allowlist; passkeys and bearer tokens name an account id. Admin
 * emails are granted the admin role as they sign in.
 */
@Service
class Accounts implements UserDetailsService {

  private final AccountStore store;
  private final AuthProperties properties;
  private final AuditLog audit;
  private final Clock clock;

  Accounts(AccountStore store, AuthProperties properties, AuditLog audit, Clock clock) {
    this.store = store;
    this.properties = properties;
    this.audit = audit;
    this.clock = clock;
  }

  /** The local account as local mode signs every request in: it may do everything. */
  static AccountUser localUser() {
    return new AccountUser(CurrentAccount.LOCAL, null, EnumSet.allOf(Role.class));
  }

  /**
   * {@code username} is an account id (passkeys, tokens) or an email whose magic link was just
   * consumed.
   */
  @Override
  public AccountUser loadUserByUsername(String username) {
    var id = parseId(username);
    if (id != null) {
      return store
          .byId(id)
          .filter(account -> account.email() != null)
          .map(account -> new AccountUser(account.id(), account.email(), account.roles()))
          .orElseThrow(() -> new UsernameNotFoundException("No such account"));
    }
    return forEmail(normalise(username), "a magic link");
  }

  /**
   * The account of an email someone just proved they hold, as a magic link does or an issuer's
   * verified claim in a bearer token: created on its first sign-in if the allowlist lets it sign
   * up, given the admin role if it is an admin email.
   *
   * @param email normalised ({@link #normalise})
   * @param method how the email was proved, for the audit trail ("a magic link")
   * @throws UsernameNotFoundException when there is no such account and the email may not sign up
   */
  AccountUser forEmail(String email, String method) {
    var existing = store.byEmail(email);
    if (existing.isEmpty() && !properties.maySignUp(email)) {
      throw new UsernameNotFoundException("Sign-up is not open to this email");
    }
    var created = store.createFor(email, properties.isAdminEmail(email), clock.instant());
    var account = created.account();
    if (existing.isEmpty()) {
      audit.record(
          AuditLog.Kind.ACCOUNT_CREATED,
          account.id(),
          email,
          null,
          created.tookOverLocalData()
              ? "The first account: it took over the local account's data and the admin role."
              : "Signed up with " + method + ".");
    }
    var roles = EnumSet.noneOf(Role.class);
    roles.addAll(account.roles());
    if (properties.isAdminEmail(email) && !roles.contains(Role.ADMIN)) {
      if (store.grant(account.id(), Role.ADMIN)) {
        audit.record(
            AuditLog.Kind.ROLE_GRANTED,
            account.id(),
            email,
            null,
            "admin: the email is in improview.auth.admin-emails.");
      }
      roles.add(Role.ADMIN);
    }
    return new AccountUser(account.id(), account.email(), roles);
  }

  /** An email as accounts store it: trimmed, lower case. */
  static String normalise(String email) {
    return email.strip().toLowerCase(Locale.ROOT);
  }

  private static UUID parseId(String username) {
    if (username.length() != 36 || username.indexOf('@') >= 0) {
      return null;
    }
    try {
      return UUID.fromString(username);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
