package dev.improview.generation.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * A generation as the API shows it (docs/api.md): what was asked, where it is, and every step it
 * reported so far. Absent values are sent as {@code null}, not left out.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
record GenerationView(
    String id,
    String category,
    String difficulty,
    String language,
    String topicHint,
    String state,
    String source,
    String problemId,
    String reason,
    Instant createdAt,
    Instant finishedAt,
    List<EventView> events) {

  /** One step: also the {@code data} of its server-sent event, named {@code step}. */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  record EventView(
      int seq, String step, String outcome, Instant at, String message, String problemId) {

    static EventView of(Generation.Event event) {
      return new EventView(
          event.seq(),
          event.step().id(),
          event.outcome(),
          event.at(),
          event.message(),
          event.problemId());
    }
  }

  static GenerationView of(Generation generation, List<Generation.Event> events) {
    return new GenerationView(
        generation.id().toString(),
        generation.category().id(),
        generation.difficulty().id(),
        generation.language() == null ? null : generation.language().id(),
        generation.topicHint(),
        generation.state().id(),
        generation.source() == null ? null : generation.source().id(),
        generation.problemId(),
        generation.reason(),
        generation.createdAt(),
        generation.finishedAt(),
        events.stream().map(EventView::of).toList());
  }
}
