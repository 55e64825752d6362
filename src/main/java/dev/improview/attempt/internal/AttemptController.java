package dev.improview.attempt.internal;

import dev.improview.attempt.internal.AttemptViews.AttemptView;
import dev.improview.attempt.internal.AttemptViews.TimerView;
import dev.improview.platform.ApiProblems;
import dev.improview.problem.ProblemCatalog;
import java.net.URI;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
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
 * Time is the server's ({@link Attempts#now}); the timer's arithmetic is {@link Timer}'s.
 */
@RestController
class AttemptController {

  record OpenRequest(String problemId, String language) {}

  record TimerRequest(String action) {}

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
  private final Attempts attempts;
  private final AttemptStore store;
  private final AttemptViews views;
  private final AttemptProperties properties;

  AttemptController(
      ProblemCatalog catalog,
      Attempts attempts,
      AttemptStore store,
      AttemptViews views,
      AttemptProperties properties) {
    this.catalog = catalog;
    this.attempts = attempts;
    this.store = store;
    this.views = views;
    this.properties = properties;
  }

  @PostMapping("/api/attempts")
  ResponseEntity<AttemptView> open(@RequestBody OpenRequest body) {
    if (body.problemId() == null || body.problemId().isBlank()) {
      throw ApiProblems.badRequest("'problemId' is required");
    }
    var language = Attempts.language(body.language());
    var problem =
        catalog
            .find(body.problemId())
            .orElseThrow(
                () ->
                    ApiProblems.notFound(
                        "No problem with id '" + ApiProblems.shorten(body.problemId(), 80) + "'"))
            .problem();
    var now = attempts.now();
    var opened = store.open(attempts.accountId(), problem, language, now);
    var view = views.attempt(opened.attempt(), now);
    return opened.created()
        ? ResponseEntity.created(URI.create("/api/attempts/" + view.id())).body(view)
        : ResponseEntity.ok(view);
  }

  @GetMapping("/api/attempts/{id}")
  AttemptView read(@PathVariable String id) {
    return views.detail(attempts.find(id), attempts.now());
  }

  // One transaction holding the row lock, so concurrent actions apply one after another.
  @PostMapping("/api/attempts/{id}/timer")
  @Transactional
  TimerView timer(@PathVariable String id, @RequestBody TimerRequest body) {
    var action = TimerAction.fromId(body.action());
    var attempt = attempts.lockOpen(id);
    var now = attempts.now();
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
      throw timerState(e, views.timer(attempt, before, now));
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
    return views.timer(attempt, after, now);
  }

  @PostMapping("/api/attempts/{id}/heartbeat")
  @Transactional
  TimerView heartbeat(@PathVariable String id) {
    var attempt = attempts.lockOpen(id);
    var now = attempts.now();
    var after = attempt.timer().heartbeat(now, properties.idleCutoff());
    store.saveTimer(attempt.id(), after);
    return views.timer(attempt, after, now);
  }

  @PostMapping("/api/attempts/{id}/give-up")
  @Transactional
  AttemptView giveUp(@PathVariable String id) {
    var attempt = attempts.lockOpen(id);
    var now = attempts.now();
    var timer = attempt.timer().stop(now, properties.idleCutoff());
    store.giveUp(attempt.id(), now, timer);
    store.recordEvent(
        attempt.id(),
        EventKind.GIVEN_UP,
        Map.of("elapsedMillis", timer.elapsedBefore().toMillis()),
        now);
    return views.detail(store.find(attempt.id()).orElseThrow(), now);
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
}
