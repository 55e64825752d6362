package dev.improview.attempt.internal;

import dev.improview.execution.Language;
import dev.improview.platform.ApiProblems;
import dev.improview.problem.ProblemCatalog;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Attempts: open or resume one, read it with its events, drive its timer, send heartbeats, give up.
 * Time is the server's ({@link Clock}); the timer's arithmetic is {@link Timer}'s.
 */
@RestController
class AttemptController {

  record OpenRequest(String problemId, String language) {}

  record TimerRequest(String action) {}

  record TimerView(long elapsedMillis, boolean running, boolean started, int estimateMinutes) {}

  record AttemptView(
      UUID id,
      String problemId,
      int problemVersion,
      Language language,
      AttemptState state,
      Instant startedAt,
      Instant endedAt,
      TimerView timer,
      List<AttemptEvent> events) {}

  enum TimerAction {
    START,
    PAUSE,
    RESUME,
    RESET;

    String id() {
      return name().toLowerCase(Locale.ROOT);
    }

    static TimerAction fromId(String id) {
      for (var action : values()) {
        if (action.id().equals(id)) {
          return action;
        }
      }
      throw ApiProblems.badRequest(
          "'action' must be one of "
              + Arrays.stream(values()).map(TimerAction::id).collect(Collectors.joining(", "))
              + (id == null ? "; it is missing" : "; got '" + ApiProblems.shorten(id, 80) + "'"));
    }
  }

  private final ProblemCatalog catalog;
  private final AttemptStore store;
  private final CurrentAccount account;
  private final AttemptProperties properties;
  private final Clock clock;

  AttemptController(
      ProblemCatalog catalog,
      AttemptStore store,
      CurrentAccount account,
      AttemptProperties properties,
      Clock clock) {
    this.catalog = catalog;
    this.store = store;
    this.account = account;
    this.properties = properties;
    this.clock = clock;
  }

  @PostMapping("/api/attempts")
  ResponseEntity<AttemptView> open(@RequestBody OpenRequest body) {
    if (body.problemId() == null || body.problemId().isBlank()) {
      throw ApiProblems.badRequest("'problemId' is required");
    }
    var language = language(body.language());
    var problem =
        catalog
            .find(body.problemId())
            .orElseThrow(
                () ->
                    ApiProblems.notFound(
                        "No problem with id '" + ApiProblems.shorten(body.problemId(), 80) + "'"))
            .problem();
    var now = now();
    var opened = store.open(account.id(), problem, language, now);
    var view = view(opened.attempt(), now, null);
    return opened.created()
        ? ResponseEntity.created(URI.create("/api/attempts/" + view.id())).body(view)
        : ResponseEntity.ok(view);
  }

  @GetMapping("/api/attempts/{id}")
  AttemptView read(@PathVariable String id) {
    var attempt = owned(store.find(attemptId(id)).orElse(null), id);
    return view(attempt, now(), store.events(attempt.id()));
  }

  // One transaction holding the row lock, so concurrent actions apply one after another.
  @PostMapping("/api/attempts/{id}/timer")
  @Transactional
  TimerView timer(@PathVariable String id, @RequestBody TimerRequest body) {
    var action = TimerAction.fromId(body.action());
    var attempt = lockOpen(id);
    var now = now();
    var cutoff = properties.idleCutoff();
    var before = attempt.timer();
    Timer after;
    try {
      after =
          switch (action) {
            case START -> before.start(now);
            case PAUSE -> before.pause(now, cutoff);
            case RESUME -> before.resume(now);
            case RESET -> before.reset();
          };
    } catch (TimerStateException e) {
      throw timerState(e, view(attempt, before, now));
    }
    store.saveTimer(attempt.id(), after);
    var kind =
        switch (action) {
          case START -> EventKind.TIMER_STARTED;
          case PAUSE -> EventKind.TIMER_PAUSED;
          case RESUME -> EventKind.TIMER_RESUMED;
          case RESET -> EventKind.TIMER_RESET;
        };
    store.recordEvent(
        attempt.id(), kind, Map.of("elapsedMillis", before.elapsedAt(now, cutoff).toMillis()), now);
    return view(attempt, after, now);
  }

  @PostMapping("/api/attempts/{id}/heartbeat")
  @Transactional
  TimerView heartbeat(@PathVariable String id) {
    var attempt = lockOpen(id);
    var now = now();
    var after = attempt.timer().heartbeat(now, properties.idleCutoff());
    store.saveTimer(attempt.id(), after);
    return view(attempt, after, now);
  }

  @PostMapping("/api/attempts/{id}/give-up")
  @Transactional
  AttemptView giveUp(@PathVariable String id) {
    var attempt = lockOpen(id);
    var now = now();
    var timer = attempt.timer().stop(now, properties.idleCutoff());
    store.end(attempt.id(), AttemptState.GIVEN_UP, now, timer);
    store.recordEvent(
        attempt.id(),
        EventKind.GIVEN_UP,
        Map.of("elapsedMillis", timer.elapsedBefore().toMillis()),
        now);
    var ended = store.find(attempt.id()).orElseThrow();
    return view(ended, now, store.events(attempt.id()));
  }

  private Attempt lockOpen(String id) {
    var attempt = owned(store.lock(attemptId(id)).orElse(null), id);
    if (!attempt.open()) {
      throw ApiProblems.exception(
          HttpStatus.CONFLICT,
          "attempt-closed",
          "Attempt closed",
          "Attempt " + id + " has ended (" + attempt.state().id() + "); open a new one");
    }
    return attempt;
  }

  /** The attempt if it is the caller's: someone else's is as unknown as a missing one. */
  private Attempt owned(Attempt attempt, String id) {
    if (attempt == null || !attempt.accountId().equals(account.id())) {
      throw ApiProblems.notFound("No attempt with id '" + ApiProblems.shorten(id, 80) + "'");
    }
    return attempt;
  }

  private Instant now() {
    return TimerViews.now(clock);
  }

  private AttemptView view(Attempt attempt, Instant now, List<AttemptEvent> events) {
    return new AttemptView(
        attempt.id(),
        attempt.problemId(),
        attempt.problemVersion(),
        attempt.language(),
        attempt.state(),
        attempt.startedAt(),
        attempt.endedAt(),
        view(attempt, attempt.timer(), now),
        events);
  }

  private TimerView view(Attempt attempt, Timer timer, Instant now) {
    return TimerViews.view(timer, attempt.estimateMinutes(), now, properties.idleCutoff());
  }

  private static ErrorResponseException timerState(TimerStateException e, TimerView timer) {
    var error =
        ApiProblems.exception(
            HttpStatus.CONFLICT,
            "timer-state",
            "Not possible in the timer's state",
            e.getMessage());
    // The current timer comes along, so the page can show the truth without asking again.
    error.getBody().setProperty("timer", timer);
    return error;
  }

  /** A UUID, or 404: a malformed id names no attempt, like an unknown one. */
  private static UUID attemptId(String id) {
    try {
      // fromString accepts short forms ("1-1-1-1-1"); only the canonical form is an id.
      var uuid = UUID.fromString(id);
      if (uuid.toString().equalsIgnoreCase(id)) {
        return uuid;
      }
    } catch (IllegalArgumentException e) {
      // Falls through to 404.
    }
    throw ApiProblems.notFound("No attempt with id '" + ApiProblems.shorten(id, 80) + "'");
  }

  private static Language language(String id) {
    if (id == null) {
      throw ApiProblems.badRequest("'language' is required: javascript, python or java");
    }
    try {
      return Language.fromId(id);
    } catch (IllegalArgumentException e) {
      throw ApiProblems.badRequest(
          "'language' must be one of "
              + Arrays.stream(Language.values()).map(Language::id).collect(Collectors.joining(", "))
              + "; got '"
              + ApiProblems.shorten(id, 80)
              + "'");
    }
  }
}
