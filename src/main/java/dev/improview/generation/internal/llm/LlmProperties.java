package dev.improview.generation.internal.llm;

import dev.improview.generation.LlmProvider;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code improview.llm.*}: which model writes problems, and how hard to try reaching it. Each key
 * is set from the environment in {@code application.yml}; the defaults live here only (an empty
 * variable binds as unset, which is why the flag and the count are boxed). A blank {@code baseUrl}
 * or {@code model} is filled with the provider's default; keys are never printed.
 *
 * @param provider none | openai | xai | openai-compatible ({@code IMPROVIEW_LLM_PROVIDER})
 * @param baseUrl the OpenAI-style API root, with its {@code /v1} ({@code IMPROVIEW_LLM_BASE_URL})
 * @param model the model asked ({@code IMPROVIEW_LLM_MODEL})
 * @param openaiApiKey sent to openai only ({@code OPENAI_API_KEY})
 * @param xaiApiKey sent to xai only ({@code XAI_API_KEY})
 * @param apiKey sent to an openai-compatible server, which may need none ({@code
 *     IMPROVIEW_LLM_API_KEY}); the OpenAI key is never sent to another host by default
 * @param featureGrok xAI Grok is used only with this on ({@code IMPROVIEW_FEATURE_GROK})
 * @param requestTimeout one HTTP attempt, connection to last byte
 * @param maxAttempts HTTP attempts per completion, the first included
 * @param backoffBase the cap of the first wait between attempts (doubled each retry, full jitter)
 * @param backoffMax the largest cap of a wait between attempts
 * @param maxRetryAfter a {@code Retry-After} longer than this counts as unavailable now
 */
@ConfigurationProperties("improview.llm")
record LlmProperties(
    @DefaultValue("none") String provider,
    String baseUrl,
    String model,
    String openaiApiKey,
    String xaiApiKey,
    String apiKey,
    @DefaultValue("false") Boolean featureGrok,
    @DefaultValue("120s") Duration requestTimeout,
    @DefaultValue("4") Integer maxAttempts,
    @DefaultValue("500ms") Duration backoffBase,
    @DefaultValue("20s") Duration backoffMax,
    @DefaultValue("60s") Duration maxRetryAfter) {

  static final String OPENAI_BASE_URL = "https://api.openai.com/v1";
  static final String XAI_BASE_URL = "https://api.x.ai/v1";
  static final String OPENAI_MODEL = "gpt-4.1-mini";
  static final String XAI_MODEL = "grok-3-mini";

  LlmProperties {
    var kind = kindOf(provider);
    provider = kind.id();
    baseUrl = blankToNull(baseUrl);
    model = blankToNull(model);
    openaiApiKey = blankToNull(openaiApiKey);
    xaiApiKey = blankToNull(xaiApiKey);
    apiKey = blankToNull(apiKey);
    featureGrok = Boolean.TRUE.equals(featureGrok);
    switch (kind) {
      case NONE -> {
        baseUrl = null;
        model = null;
      }
      case OPENAI -> {
        baseUrl = baseUrl == null ? OPENAI_BASE_URL : baseUrl;
        model = model == null ? OPENAI_MODEL : model;
        if (openaiApiKey == null) {
          throw new IllegalArgumentException(
              "IMPROVIEW_LLM_PROVIDER=openai needs OPENAI_API_KEY (improview.llm.openai-api-key),"
                  + " which is not set");
        }
      }
      case XAI -> {
        baseUrl = baseUrl == null ? XAI_BASE_URL : baseUrl;
        model = model == null ? XAI_MODEL : model;
        // With the flag off nothing is sent to xAI, so no key is needed yet.
        if (featureGrok && xaiApiKey == null) {
          throw new IllegalArgumentException(
              "IMPROVIEW_LLM_PROVIDER=xai with IMPROVIEW_FEATURE_GROK=true needs XAI_API_KEY"
                  + " (improview.llm.xai-api-key), which is not set");
        }
      }
      case OPENAI_COMPATIBLE -> {
        if (baseUrl == null) {
          throw new IllegalArgumentException(
              "IMPROVIEW_LLM_PROVIDER=openai-compatible needs IMPROVIEW_LLM_BASE_URL"
                  + " (improview.llm.base-url), e.g. http://localhost:11434/v1 for Ollama");
        }
        if (model == null) {
          throw new IllegalArgumentException(
              "IMPROVIEW_LLM_PROVIDER=openai-compatible needs IMPROVIEW_LLM_MODEL"
                  + " (improview.llm.model), e.g. llama3.1 for Ollama");
        }
      }
    }
    if (baseUrl != null) {
      requireHttpUrl(baseUrl);
    }
    positive("request-timeout", requestTimeout);
    positive("backoff-base", backoffBase);
    positive("backoff-max", backoffMax);
    positive("max-retry-after", maxRetryAfter);
    if (maxAttempts == null || maxAttempts < 1) {
      throw new IllegalArgumentException(
          "improview.llm.max-attempts must be 1 or more: " + maxAttempts);
    }
    if (backoffMax.compareTo(backoffBase) < 0) {
      throw new IllegalArgumentException(
          "improview.llm.backoff-max must be at least improview.llm.backoff-base: "
              + backoffMax
              + " < "
              + backoffBase);
    }
  }

  /** The configured provider. */
  LlmProvider kind() {
    return LlmProvider.fromId(provider).orElseThrow();
  }

  /**
   * The key sent to the configured provider: an empty string for none (Spring AI then sends no
   * {@code Authorization} header and reads no key from the environment itself).
   */
  String keyForProvider() {
    var key =
        switch (kind()) {
          case NONE -> null;
          case OPENAI -> openaiApiKey;
          case XAI -> xaiApiKey;
          case OPENAI_COMPATIBLE -> apiKey;
        };
    return key == null ? "" : key;
  }

  /** The variable a refused key should be checked in. */
  String keyVariable() {
    return switch (kind()) {
      case NONE -> "none";
      case OPENAI -> "OPENAI_API_KEY";
      case XAI -> "XAI_API_KEY";
      case OPENAI_COMPATIBLE -> "IMPROVIEW_LLM_API_KEY";
    };
  }

  /** Keys show as set or unset, never their value. */
  @Override
  public String toString() {
    return "LlmProperties[provider="
        + provider
        + ", baseUrl="
        + baseUrl
        + ", model="
        + model
        + ", openaiApiKey="
        + shown(openaiApiKey)
        + ", xaiApiKey="
        + shown(xaiApiKey)
        + ", apiKey="
        + shown(apiKey)
        + ", featureGrok="
        + featureGrok
        + ", requestTimeout="
        + requestTimeout
        + ", maxAttempts="
        + maxAttempts
        + ", backoffBase="
        + backoffBase
        + ", backoffMax="
        + backoffMax
        + ", maxRetryAfter="
        + maxRetryAfter
        + "]";
  }

  private static LlmProvider kindOf(String provider) {
    var valid =
        Arrays.stream(LlmProvider.values()).map(LlmProvider::id).collect(Collectors.joining(", "));
    if (provider == null || provider.isBlank()) {
      return LlmProvider.NONE;
    }
    return LlmProvider.fromId(provider)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "IMPROVIEW_LLM_PROVIDER (improview.llm.provider) must be one of "
                        + valid
                        + ": "
                        + provider.strip().toLowerCase(Locale.ROOT)));
  }

  // The value is not echoed: a URL may carry credentials in its user-info.
  private static void requireHttpUrl(String url) {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "IMPROVIEW_LLM_BASE_URL (improview.llm.base-url) is not a URL", null);
    }
    if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
        || uri.getHost() == null) {
      throw new IllegalArgumentException(
          "IMPROVIEW_LLM_BASE_URL (improview.llm.base-url) must be an http or https URL with a"
              + " host, e.g. https://api.openai.com/v1");
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static String shown(String key) {
    return key == null ? "(unset)" : "(set)";
  }

  private static void positive(String name, Duration value) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException("improview.llm." + name + " must be positive: " + value);
    }
  }
}
