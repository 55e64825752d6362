package dev.improview.identity.internal;

import dev.improview.identity.Role;
import dev.improview.platform.CurrentAccount;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Accounts ({@code account}): who they are, their email and roles. */
@Repository
class AccountStore {

  /** One account row. */
  record Account(UUID id, String email, Set<Role> roles, Instant createdAt) {}

  private static final String COLUMNS = "id, email, roles, created_at";

  private final JdbcClient jdbc;

  AccountStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Account> byId(UUID id) {
    return jdbc.sql("select " + COLUMNS + " from account where id = :id")
        .param("id", id)
        .query(AccountStore::map)
        .optional();
  }

  Optional<Account> byEmail(String email) {
    return jdbc.sql("select " + COLUMNS + " from account where email = :email")
        .param("email", email)
        .query(AccountStore::map)
        .optional();
  }

  /** What creating an account did. */
  record Created(Account account, boolean tookOverLocalData) {}

  /**
   * The account for {@code email}, created if there is none. The first account ever created takes
   * over the local account's row (V5), and with it everything recorded in local mode; it and every
   * admin email get the admin role. Concurrent calls for one email meet at the unique index on
   * {@code account.email}.
   */
  @Transactional
  Created createFor(String email, boolean admin, Instant now) {
    var existing = byEmail(email);
    if (existing.isPresent()) {
      return new Created(existing.get(), false);
    }
    // The first account: nobody has an email yet. The update of the local row is atomic, so of
    // two first sign-ups exactly one takes it over.
    boolean first =
        jdbc.sql("select not exists (select 1 from account where email is not null)")
            .query(Boolean.class)
            .single();
    if (first) {
      int took =
          jdbc.sql(
                  "update account set email = :email, roles = :roles::text[], display_name = :email"
                      + " where id = :id and email is null"
                      + " and not exists (select 1 from account where email is not null)")
              .param("email", email)
              .param("roles", "{admin}")
              .param("id", CurrentAccount.LOCAL)
              .update();
      if (took == 1) {
        return new Created(byId(CurrentAccount.LOCAL).orElseThrow(), true);
      }
    }
    var id = UUID.randomUUID();
    int inserted =
        jdbc.sql(
                "insert into account (id, display_name, email, roles, created_at)"
                    + " values (:id, :email, :email, :roles::text[], :now)"
                    + " on conflict (email) do nothing")
            .param("id", id)
            .param("email", email)
            .param("roles", admin ? "{admin}" : "{}")
            .param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
            .update();
    if (inserted == 0) {
      return new Created(byEmail(email).orElseThrow(), false);
    }
    return new Created(byId(id).orElseThrow(), false);
  }

  /** Adds {@code role}; whether the account lacked it. */
  boolean grant(UUID id, Role role) {
    return jdbc.sql(
                "update account set roles = array_append(roles, :role) where id = :id"
                    + " and not (:role = any(roles))")
            .param("role", role.id())
            .param("id", id)
            .update()
        == 1;
  }

  void signedIn(UUID id, Instant now) {
    jdbc.sql("update account set last_signed_in = :now where id = :id")
        .param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
        .param("id", id)
        .update();
  }

  private static Account map(ResultSet rs, int row) throws SQLException {
    return new Account(
        rs.getObject("id", UUID.class),
        rs.getString("email"),
        roles(rs.getArray("roles")),
        rs.getObject("created_at", OffsetDateTime.class).toInstant());
  }

  private static Set<Role> roles(Array array) throws SQLException {
    var roles = EnumSet.noneOf(Role.class);
    for (var id : (String[]) array.getArray()) {
      Arrays.stream(Role.values()).filter(r -> r.id().equals(id)).forEach(roles::add);
    }
    return roles;
  }
}
