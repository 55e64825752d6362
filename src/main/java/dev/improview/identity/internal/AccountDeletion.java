package dev.improview.identity.internal;

import dev.improview.platform.AccountData;
import dev.improview.platform.CurrentAccount;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deletes an account and everything kept for it, in one transaction: its sessions, every module's
 * part ({@link AccountData}), then the account row, last, so tables that cascade from it (passkeys,
 * drafts) go with it and a table that references it without cascading makes the deletion fail
 * rather than leave rows behind. Blobs are removed after the commit. What stays is the audit trail,
 * anonymised, with one {@code account_deleted} event.
 *
 * <p>The local account's row (V5) is put back empty: local mode signs every request in as it, and
 * the next first sign-up in accounts mode takes it over again.
 */
@Service
class AccountDeletion {

  private final JdbcClient jdbc;
  private final List<AccountData> contributors;
  private final AuditLog audit;

  AccountDeletion(JdbcClient jdbc, List<AccountData> contributors, AuditLog audit) {
    this.jdbc = jdbc;
    this.contributors = contributors;
    this.audit = audit;
  }

  /**
   * Deletes {@code account}: its sessions, its data, its row.
   *
   * @param detail the {@code account_deleted} event's sentence
   */
  @Transactional
  void delete(UUID account, String detail) {
    // Generations lock the account row while they count the quota: nothing new is started for the
    // account while it is being deleted.
    jdbc.sql("select id from account where id = :id for update")
        .param("id", account)
        .query(UUID.class)
        .optional();
    // Every session of the account, on every instance: the rows, in this transaction (the session
    // repository writes in transactions of its own).
    jdbc.sql("delete from spring_session where principal_name = :name")
        .param("name", account.toString())
        .update();
    for (var contributor : contributors) {
      contributor.erase(account);
    }
    audit.record(AuditLog.Kind.ACCOUNT_DELETED, account, null, null, detail);
    jdbc.sql("delete from account where id = :id").param("id", account).update();
    if (account.equals(CurrentAccount.LOCAL)) {
      jdbc.sql("insert into account (id, display_name) values (:id, 'Local user')")
          .param("id", account)
          .update();
    }
  }
}
