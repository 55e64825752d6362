package dev.improview.platform;

import java.util.UUID;

/**
 * A module's part of one account's data, for "export all my data" and "delete my account": each
 * module that keeps rows per account implements this in its {@code internal} package, through its
 * own stores. The identity module gathers every implementation, so a module adding per-account data
 * adds a contributor and both features cover it.
 */
public interface AccountData {

  /** The key of this contributor's section in the export, e.g. {@code attempts}: stable, unique. */
  String section();

  /** Everything this module keeps for {@code account}, as a value Jackson can write as JSON. */
  Object export(UUID account);

  /**
   * Deletes everything this module keeps for {@code account}. Runs inside the deletion's
   * transaction; files outside the database (blobs) are removed only after it commits.
   */
  void erase(UUID account);
}
