package dev.improview.generation.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.improview.generation.LlmProvider;
import dev.improview.generation.internal.llm.LlmSetup;
import dev.improview.platform.ApiProblems;
import dev.improview.platform.CurrentAccount;
import dev.improview.platform.RateLimit;
import dev.improview.platform.RateLimiter;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Generations over HTTP (docs/api.md): what the generator is, starting one ({@code 202} and a
 * {@code Location}), reading it, and following its steps as server-sent events.
 */
@RestController
class GenerationController {

  /**
   * {@code GET /api/generator}: where problems come from, and how much of today's quota is used.
   */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  record GeneratorView(String provider, String model, int dailyQuota, int usedToday, String note) {}

  private final Generations generations;
  private final GenerationStream stream;
  private final CurrentAccount account;
  private final LlmSetup llm;
  private final RateLimiter limits;

  GenerationController(
      Generations generations,
      GenerationStream stream,
      CurrentAccount account,
      LlmSetup llm,
      RateLimiter limits) {
    this.limits = limits;
    this.llm = llm;
    this.generations = generations;
    this.stream = stream;
    this.account = account;
  }

  @GetMapping("/api/generator")
  GeneratorView generator() {
    return new GeneratorView(
        llm.client().isPresent() ? llm.provider().id() : LlmProvider.NONE.id(),
        llm.client().isPresent() ? llm.model().orElse(null) : null,
        generations.dailyQuota(),
        generations.usedToday(account.id()),
        llm.note());
  }

  @PostMapping("/api/generations")
  ResponseEntity<GenerationView> start(
      @RequestBody(required = false) GenerationRequests.Body body) {
    var request = GenerationRequests.checked(body);
    limits.consume(RateLimit.GENERATION, account.id().toString());
    var generation = generations.start(account.id(), request);
    return ResponseEntity.status(HttpStatus.ACCEPTED)
        .location(URI.create("/api/generations/" + generation.id()))
        .body(view(generation.id()));
  }

  @GetMapping("/api/generations/{id}")
  GenerationView read(@PathVariable String id) {
    return view(uuid(id));
  }

  @GetMapping(path = "/api/generations/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  SseEmitter events(
      @PathVariable String id,
      @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
    var generation = uuid(id);
    // The 404 is answered as JSON before the stream opens.
    found(generation);
    return stream.open(generation, account.id(), afterSeq(lastEventId));
  }

  private GenerationView view(UUID id) {
    var generation = found(id);
    return GenerationView.of(generation, generations.events(id, 0));
  }

  private Generation found(UUID id) {
    return generations
        .find(id, account.id())
        .orElseThrow(() -> ApiProblems.notFound("No generation with id '" + id + "'"));
  }

  /** A reconnecting EventSource's last seen seq; anything else starts from the beginning. */
  static int afterSeq(String lastEventId) {
    if (lastEventId == null || !lastEventId.strip().matches("\\d{1,9}")) {
      return 0;
    }
    return Integer.parseInt(lastEventId.strip());
  }

  private static UUID uuid(String id) {
    try {
      var uuid = UUID.fromString(id);
      if (uuid.toString().equalsIgnoreCase(id)) {
        return uuid;
      }
    } catch (IllegalArgumentException e) {
      // Falls through to 404.
    }
    throw ApiProblems.notFound("No generation with id '" + ApiProblems.shorten(id, 80) + "'");
  }
}
