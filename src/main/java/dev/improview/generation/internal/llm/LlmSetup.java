package dev.improview.generation.internal.llm;

import dev.improview.generation.LlmProvider;
import java.util.Optional;

/**
 * Who writes problems, as configured: the provider, the model, a client when one may be used, and
 * one sentence for a person ({@code GET /api/generator}). Without a client, problems come from the
 * built-in bank: no provider is set, or it is xAI with {@code IMPROVIEW_FEATURE_GROK} off (then no
 * request can reach xAI, since no client for it exists).
 */
public final class LlmSetup {

  private final LlmProvider provider;
  private final String model;
  private final LlmClient client;
  private final String note;

  private LlmSetup(LlmProvider provider, String model, LlmClient client, String note) {
    this.provider = provider;
    this.model = model;
    this.client = client;
    this.note = note;
  }

  static LlmSetup none() {
    return new LlmSetup(
        LlmProvider.NONE,
        null,
        null,
        "No model is configured, so problems come from the built-in bank. Set"
            + " IMPROVIEW_LLM_PROVIDER (openai, xai or openai-compatible) to have new ones written"
            + " and proven for you.");
  }

  static LlmSetup grokOff(String model) {
    return new LlmSetup(
        LlmProvider.XAI,
        model,
        null,
        "xAI Grok is behind IMPROVIEW_FEATURE_GROK, which is off: problems come from the built-in"
            + " bank.");
  }

  static LlmSetup ready(LlmClient client) {
    return new LlmSetup(
        client.provider(),
        client.model(),
        client,
        "Problems are written by "
            + client.model()
            + " at "
            + client.provider().id()
            + " and proven by execution before you see them.");
  }

  /** The provider configured; {@link LlmProvider#XAI} even while its flag is off. */
  public LlmProvider provider() {
    return provider;
  }

  /** The model that is (or, behind the flag, would be) asked; empty for none. */
  public Optional<String> model() {
    return Optional.ofNullable(model);
  }

  /** The client to ask; empty when problems come from the bank. */
  public Optional<LlmClient> client() {
    return Optional.ofNullable(client);
  }

  /** One sentence saying where problems come from, for the page and the log. */
  public String note() {
    return note;
  }

  @Override
  public String toString() {
    return "LlmSetup[provider="
        + provider.id()
        + ", model="
        + model
        + ", client="
        + (client != null)
        + "]";
  }
}
