package dev.improview.identity.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The audit trail ({@code audit_event} and the log): sign-ins, refusals, magic-link requests,
 * passkey and role changes, deletions. Callers pass facts, never a token, key or credential.
 */
@Component
class AuditLog {

  private static final Logger log = LoggerFactory.getLogger("dev.improview.audit");

  /** The closed set of {@code audit_event.kind}. */
  enum Kind {
    SIGN_IN,
    SIGN_IN_FAILED,
    MAGIC_LINK_REQUESTED,
    MAGIC_LINK_REFUSED,
    PASSKEY_ADDED,
    PASSKEY_RENAMED,
    PASSKEY_REMOVED,
    ROLE_GRANTED,
    ROLE_REVOKED,
    ACCOUNT_CREATED,
    ACCOUNT_DELETED,
    SIGNED_OUT_EVERYWHERE;

    String id() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  private final JdbcClient jdbc;
  private final Clock clock;

  AuditLog(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * Records one event.
   *
   * @param account the account it concerns, if known
   * @param email the email it concerns, if any (kept until the account is deleted)
   * @param ip the client's address as the server saw it
   * @param detail a short sentence, no secrets
   */
  void record(Kind kind, UUID account, String email, String ip, String detail) {
    var text = detail == null ? "" : detail;
    log.info(
        "audit {} account={} email={} ip={} {}",
        kind.id(),
        account,
        email == null ? "-" : email,
        ip == null ? "-" : ip,
        text);
    jdbc.sql(
            "insert into audit_event (at, kind, account_id, email, ip, detail)"
                + " values (:at, :kind, :account, :email, :ip, :detail)")
        .param("at", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
        .param("kind", kind.id())
        .param("account", account)
        .param("email", email)
        .param("ip", ip)
        .param("detail", text)
        .update();
  }

  /**
   * Anonymises the account's past events when it is deleted: its email and the addresses it came
   * from are forgotten (in its events and in any event naming the email, such as link requests made
   * before it existed); the events themselves stay.
   */
  void forget(UUID account, String email) {
    jdbc.sql(
            "update audit_event set email = null, ip = null"
                + " where account_id = :account or (cast(:email as text) is not null"
                + " and email = :email)")
        .param("account", account)
        .param("email", email, java.sql.Types.VARCHAR)
        .update();
  }
}
