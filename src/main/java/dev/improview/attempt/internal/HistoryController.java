package dev.improview.attempt.internal;

import dev.improview.attempt.internal.AttemptViews.TimerView;
import dev.improview.execution.Language;
import dev.improview.platform.ApiProblems;
import dev.improview.platform.CurrentAccount;
import dev.improview.problem.Category;
import dev.improview.problem.Difficulty;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The history: the caller's attempts, filtered and paged, newest first. */
@RestController
class HistoryController {

  record HistoryView(List<ItemView> items, int page, int size, long total) {}

  record ItemView(
      UUID id,
      String problemId,
      String title,
      Category category,
      Difficulty difficulty,
      Language language,
      AttemptState state,
      Instant startedAt,
      Instant endedAt,
      TimerView timer,
      int hintsUsed,
      boolean solutionViewed,
      int submissionCount,
      String lastVerdict,
      Long solvedMillis) {}

  private final HistoryStore store;
  private final CurrentAccount account;
  private final AttemptProperties properties;
  private final Clock clock;

  HistoryController(
      HistoryStore store, CurrentAccount account, AttemptProperties properties, Clock clock) {
    this.store = store;
    this.account = account;
    this.properties = properties;
    this.clock = clock;
  }

  // Parameters arrive as strings so that every bad value is our 400 naming it, never a 500.
  @GetMapping("/api/attempts")
  HistoryView list(
      @RequestParam(required = false) String category,
      @RequestParam(required = false) String difficulty,
      @RequestParam(required = false) String language,
      @RequestParam(required = false) String verdict,
      @RequestParam(required = false) String state,
      @RequestParam(required = false) String page,
      @RequestParam(required = false) String size) {
    var filter =
        new HistoryFilter(
            choice("category", category, Category.values(), Category::id),
            choice("difficulty", difficulty, Difficulty.values(), Difficulty::id),
            choice("language", language, Language.values(), Language::id),
            choice("verdict", verdict, HistoryFilter.VERDICTS.toArray(String[]::new), v -> v),
            choice("state", state, AttemptState.values(), AttemptState::id));
    var result =
        store.list(
            account.id(),
            filter,
            number("page", page, 0, 0, Integer.MAX_VALUE),
            number("size", size, 20, 1, HistoryStore.MAX_SIZE));
    var now = TimerViews.now(clock);
    return new HistoryView(
        result.items().stream().map(item -> view(item, now)).toList(),
        result.page(),
        result.size(),
        result.total());
  }

  private ItemView view(HistoryStore.Item item, Instant now) {
    return new ItemView(
        item.id(),
        item.problemId(),
        item.title(),
        item.category(),
        item.difficulty(),
        item.language(),
        item.state(),
        item.startedAt(),
        item.endedAt(),
        TimerViews.view(item.timer(), item.estimateMinutes(), now, properties.idleCutoff()),
        item.hintsUsed(),
        item.solutionViewed(),
        item.submissionCount(),
        item.lastVerdict(),
        item.solvedMillis());
  }

  /** The value whose id is {@code value}; absent or empty is no filter; else 400 listing them. */
  private static <T> T choice(String name, String value, T[] values, Function<T, String> id) {
    if (value == null || value.isEmpty()) {
      return null;
    }
    for (var candidate : values) {
      if (id.apply(candidate).equals(value)) {
        return candidate;
      }
    }
    throw ApiProblems.badRequest(
        "Parameter '"
            + name
            + "' must be one of "
            + Arrays.stream(values).map(id).collect(Collectors.joining(", "))
            + "; got '"
            + ApiProblems.shorten(value, 80)
            + "'");
  }

  /** A whole number in {@code min..max}; absent or empty is {@code otherwise}; else 400. */
  private static int number(String name, String value, int otherwise, int min, int max) {
    if (value == null || value.isEmpty()) {
      return otherwise;
    }
    try {
      int number = Integer.parseInt(value);
      if (number >= min && number <= max) {
        return number;
      }
    } catch (NumberFormatException e) {
      // Not a number, or beyond int: the same answer as a number out of range.
    }
    throw ApiProblems.badRequest(
        "Parameter '"
            + name
            + "' must be a whole number "
            + (max == Integer.MAX_VALUE ? min + " or more" : "from " + min + " to " + max)
            + "; got '"
            + ApiProblems.shorten(value, 80)
            + "'");
  }
}
