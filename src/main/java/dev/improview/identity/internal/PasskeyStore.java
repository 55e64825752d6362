package dev.improview.identity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * An account's passkeys as the account page manages them ({@code user_credentials} through its
 * {@code user_entities} row). Every query names the account, so another account's passkey is simply
 * not there. The ceremonies write through {@link PasskeyCredentials}.
 */
@Repository
class PasskeyStore {

  /**
   * One passkey as its owner sees it: no key material.
   *
   * @param id the credential id, base64url
   */
  record Passkey(String id, String label, Instant created, Instant lastUsed) {}

  private final JdbcClient jdbc;

  PasskeyStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The account's passkeys, oldest first. */
  List<Passkey> list(UUID account) {
    return jdbc.sql(
            "select c.credential_id, c.label, c.created, c.last_used from user_credentials c"
                + " join user_entities u on u.id = c.user_entity_user_id"
                + " where u.account_id = :account order by c.created, c.credential_id")
        .param("account", account)
        .query(PasskeyStore::map)
        .list();
  }

  /** The renamed passkey, or empty when the account has none with that id. */
  Optional<Passkey> rename(UUID account, String id, PasskeyLabel label) {
    int updated =
        jdbc.sql(
                "update user_credentials c set label = :label from user_entities u"
                    + " where u.id = c.user_entity_user_id and u.account_id = :account"
                    + " and c.credential_id = :id")
            .param("label", label.value())
            .param("account", account)
            .param("id", id)
            .update();
    return updated == 0 ? Optional.empty() : find(account, id);
  }

  /** The removed passkey's label, or empty when the account has none with that id. */
  Optional<String> remove(UUID account, String id) {
    return jdbc.sql(
            "delete from user_credentials c using user_entities u"
                + " where u.id = c.user_entity_user_id and u.account_id = :account"
                + " and c.credential_id = :id returning c.label")
        .param("account", account)
        .param("id", id)
        .query(String.class)
        .optional();
  }

  private Optional<Passkey> find(UUID account, String id) {
    return jdbc.sql(
            "select c.credential_id, c.label, c.created, c.last_used from user_credentials c"
                + " join user_entities u on u.id = c.user_entity_user_id"
                + " where u.account_id = :account and c.credential_id = :id")
        .param("account", account)
        .param("id", id)
        .query(PasskeyStore::map)
        .optional();
  }

  private static Passkey map(ResultSet rs, int row) throws SQLException {
    return new Passkey(
        rs.getString("credential_id"),
        rs.getString("label"),
        instant(rs.getObject("created", OffsetDateTime.class)),
        instant(rs.getObject("last_used", OffsetDateTime.class)));
  }

  private static Instant instant(OffsetDateTime at) {
    return at == null ? null : at.toInstant();
  }
}
