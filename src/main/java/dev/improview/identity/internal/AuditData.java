package dev.improview.identity.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.improview.platform.AccountData;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The identity module's part of an account's data beyond the account row (section {@code audit}):
 * the audit trail about it. Erasing anonymises that trail (it stays, without email or address) and
 * deletes what sign-in kept under the email: unused link tokens and the dev mailbox's copies of its
 * mail. The account row itself goes last, in {@link AccountDeletion}.
 */
@Repository
class AuditData implements AccountData {

  @JsonInclude(JsonInclude.Include.ALWAYS)
  record AuditRecord(Instant at, String kind, String ip, String detail) {}

  private final JdbcClient jdbc;
  private final AccountStore accounts;
  private final AuditLog audit;

  AuditData(JdbcClient jdbc, AccountStore accounts, AuditLog audit) {
    this.jdbc = jdbc;
    this.accounts = accounts;
    this.audit = audit;
  }

  @Override
  public String section() {
    return "audit";
  }

  @Override
  public List<AuditRecord> export(UUID account) {
    return jdbc.sql(
            "select at, kind, ip, detail from audit_event where account_id = :account"
                + " order by at, id")
        .param("account", account)
        .query(
            (rs, row) ->
                new AuditRecord(
                    rs.getObject("at", OffsetDateTime.class).toInstant(),
                    rs.getString("kind"),
                    rs.getString("ip"),
                    rs.getString("detail")))
        .list();
  }

  @Override
  public void erase(UUID account) {
    var email = accounts.byId(account).map(AccountStore.Account::email).orElse(null);
    audit.forget(account, email);
    if (email != null) {
      jdbc.sql("delete from one_time_token where email = :email").param("email", email).update();
      jdbc.sql("delete from dev_mail where to_address = :email").param("email", email).update();
    }
  }
}
