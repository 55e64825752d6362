package dev.improview.generation.internal;

import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Every call to the model and what it cost ({@code llm_call}): what the daily budget counts. */
@Repository
class LlmCalls {

  /** Why a call was made: a user's request, or topping up the pool. */
  enum Purpose {
    REQUEST("request"),
    POOL("pool");

    final String id;

    Purpose(String id) {
      this.id = id;
    }
  }

  private final JdbcClient jdbc;

  LlmCalls(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void record(
      Instant at,
      String provider,
      String model,
      Purpose purpose,
      java.util.UUID generation,
      long promptTokens,
      long completionTokens,
      long costMicros,
      boolean ok) {
    jdbc.sql(
            """
            insert into llm_call (at, provider, model, purpose, generation_id, prompt_tokens,
                                  completion_tokens, cost_micros, ok)
            values (:at, :provider, :model, :purpose, :generation, :prompt, :completion, :cost,
                    :ok)
            """)
        .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE)
        .param("provider", provider)
        .param("model", model)
        .param("purpose", purpose.id)
        .param("generation", generation)
        .param("prompt", promptTokens)
        .param("completion", completionTokens)
        .param("cost", costMicros)
        .param("ok", ok)
        .update();
  }

  /** What every call since {@code since} cost, in millionths of a US dollar. */
  long spentSince(Instant since) {
    return jdbc.sql("select coalesce(sum(cost_micros), 0) from llm_call where at >= :since")
        .param(
            "since", OffsetDateTime.ofInstant(since, ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE)
        .query(Long.class)
        .single();
  }
}
