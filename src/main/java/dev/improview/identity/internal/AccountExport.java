package dev.improview.identity.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.improview.platform.AccountData;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Export all my data": one JSON document with the account and one section per module that keeps
 * data for it ({@link AccountData}), read in one snapshot. docs/api.md describes the format.
 */
@Service
class AccountExport {

  /**
   * Raised when the format changes incompatibly (a field renamed, moved or given a new meaning).
   */
  static final int FORMAT_VERSION = 1;

  @JsonInclude(JsonInclude.Include.ALWAYS)
  record Document(
      String format,
      int formatVersion,
      Instant exportedAt,
      Account account,
      Map<String, Object> sections) {}

  @JsonInclude(JsonInclude.Include.ALWAYS)
  record Account(java.util.UUID id, String email, List<String> roles, Instant createdAt) {}

  private final AccountStore accounts;
  private final List<AccountData> contributors;
  private final Clock clock;

  AccountExport(AccountStore accounts, List<AccountData> contributors, Clock clock) {
    this.accounts = accounts;
    this.contributors = contributors;
    this.clock = clock;
  }

  /** Everything kept for the signed-in {@code user}, as of one moment. */
  @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
  Document export(AccountUser user) {
    var id = user.id();
    var account =
        accounts
            .byId(id)
            .orElseThrow(() -> new dev.improview.platform.CurrentAccount.NotSignedInException());
    var sections = new TreeMap<String, Object>();
    for (var contributor : contributors) {
      if (sections.put(contributor.section(), contributor.export(id)) != null) {
        throw new IllegalStateException("two contributors name section " + contributor.section());
      }
    }
    return new Document(
        "improview-export",
        FORMAT_VERSION,
        clock.instant(),
        new Account(account.id(), account.email(), user.roleIds(), account.createdAt()),
        sections);
  }
}
