package dev.improview.attempt.internal;

import dev.improview.platform.CurrentAccount;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/stats}: what the history's charts draw, over the caller's attempts. */
@RestController
class StatsController {

  private final StatsStore store;
  private final CurrentAccount account;

  StatsController(StatsStore store, CurrentAccount account) {
    this.store = store;
    this.account = account;
  }

  @GetMapping("/api/stats")
  Stats stats() {
    return store.stats(account.id());
  }
}
