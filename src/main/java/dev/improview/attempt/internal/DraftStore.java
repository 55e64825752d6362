package dev.improview.attempt.internal;

import dev.improview.execution.Language;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Drafts (V13__drafts.sql), always within one account: no method reads or writes across accounts. A
 * write is compare-and-set on the revision in one statement, so of two browsers writing on the same
 * revision exactly one wins. A reset keeps the row without code, under a new revision.
 */
@Repository
public class DraftStore {

  /** What a write did. */
  sealed interface Saved {}

  /** Written: the draft is now at {@code revision}. */
  record Written(long revision, Instant updatedAt) implements Saved {}

  /**
   * Not written, since the draft is no longer at the base revision: {@code revision} is the current
   * one (0 when it never existed), {@code current} its code unless it was reset.
   */
  record Stale(long revision, Optional<Draft> current) implements Saved {}

  /** Not written: it would be a new draft beyond the account's {@code limit}. */
  record Full(int limit) implements Saved {}

  private final JdbcClient jdbc;

  DraftStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The account's drafts of one problem, by language; reset ones are not drafts. */
  List<Draft> of(UUID account, String problemId) {
    return jdbc.sql(
            "select * from draft where account_id = :account and problem_id = :problem"
                + " and code is not null order by language")
        .param("account", account)
        .param("problem", problemId)
        .query(DraftStore::draft)
        .list();
  }

  /** Every draft the account keeps, for a data export; the rows go with the account (cascade). */
  public List<Draft> forAccount(UUID account) {
    return jdbc.sql(
            "select * from draft where account_id = :account and code is not null"
                + " order by problem_id, language")
        .param("account", account)
        .query(DraftStore::draft)
        .list();
  }

  /**
   * Writes {@code code} if the draft is still at {@code baseRevision} (0: there is no draft, or it
   * was reset and the writer has not seen the reset's revision).
   */
  @Transactional
  Saved save(
      UUID account,
      String problemId,
      Language language,
      String code,
      long baseRevision,
      int maxPerAccount,
      Instant now) {
    if (baseRevision == 0 && count(account, problemId, language) >= maxPerAccount) {
      return new Full(maxPerAccount);
    }
    var sql =
        baseRevision == 0
            ? """
              insert into draft (account_id, problem_id, language, code, revision, updated_at)
              values (:account, :problem, :language, :code, 1, :now)
              on conflict (account_id, problem_id, language) do update
                set code = excluded.code, revision = draft.revision + 1,
                    updated_at = excluded.updated_at
                where draft.code is null
              returning revision
              """
            : """
              update draft set code = :code, revision = revision + 1, updated_at = :now
              where account_id = :account and problem_id = :problem and language = :language
                and revision = :base
              returning revision
              """;
    var revision =
        jdbc.sql(sql)
            .param("account", account)
            .param("problem", problemId)
            .param("language", language.id())
            .param("code", code)
            .param("base", baseRevision)
            .param("now", Timestamp.from(now))
            .query(Long.class)
            .optional();
    if (revision.isPresent()) {
      return new Written(revision.get(), now);
    }
    return new Stale(revision(account, problemId, language), find(account, problemId, language));
  }

  /** Resets the draft (keeps no code); the revision after it, 0 when there never was a draft. */
  @Transactional
  Written reset(UUID account, String problemId, Language language, Instant now) {
    var revision =
        jdbc.sql(
                """
                update draft set code = null, revision = revision + 1, updated_at = :now
                where account_id = :account and problem_id = :problem and language = :language
                  and code is not null
                returning revision
                """)
            .param("account", account)
            .param("problem", problemId)
            .param("language", language.id())
            .param("now", Timestamp.from(now))
            .query(Long.class)
            .optional();
    return new Written(revision.orElseGet(() -> revision(account, problemId, language)), now);
  }

  private Optional<Draft> find(UUID account, String problemId, Language language) {
    return jdbc.sql(
            "select * from draft where account_id = :account and problem_id = :problem"
                + " and language = :language and code is not null")
        .param("account", account)
        .param("problem", problemId)
        .param("language", language.id())
        .query(DraftStore::draft)
        .optional();
  }

  private long revision(UUID account, String problemId, Language language) {
    return jdbc.sql(
            "select revision from draft where account_id = :account and problem_id = :problem"
                + " and language = :language")
        .param("account", account)
        .param("problem", problemId)
        .param("language", language.id())
        .query(Long.class)
        .optional()
        .orElse(0L);
  }

  /** The account's drafts other than this one. */
  private int count(UUID account, String problemId, Language language) {
    return jdbc.sql(
            "select count(*) from draft where account_id = :account and code is not null"
                + " and not (problem_id = :problem and language = :language)")
        .param("account", account)
        .param("problem", problemId)
        .param("language", language.id())
        .query(Integer.class)
        .single();
  }

  private static Draft draft(ResultSet rs, int row) throws SQLException {
    return new Draft(
        rs.getString("problem_id"),
        Language.fromId(rs.getString("language")),
        rs.getString("code"),
        rs.getLong("revision"),
        rs.getTimestamp("updated_at").toInstant());
  }
}
