package dev.improview.generation.internal.llm;

import static dev.improview.generation.internal.llm.TestLlm.KEY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.improview.generation.LlmProvider;
import java.io.IOException;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * {@code improview.llm.*} bound as the app binds it, and the {@link LlmSetup} it makes: no
 * provider, Grok behind its flag, a ready client, and the start-ups that must fail, each naming the
 * variable to set (never a key's value).
 */
class LlmSetupTest {

  // Pinned, so that a developer's exported IMPROVIEW_LLM_* does not reach these contexts.
  final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withUserConfiguration(LlmConfiguration.class)
          .withPropertyValues(
              "improview.llm.provider=none",
              "improview.llm.base-url=",
              "improview.llm.model=",
              "improview.llm.api-key=",
              "improview.llm.feature-grok=false");

  static LlmSetup setup(AssertableApplicationContext context) {
    assertThat(context).hasNotFailed();
    return context.getBean(LlmSetup.class);
  }

  static String startupFailure(AssertableApplicationContext context) {
    assertThat(context).hasFailed();
    var messages = new StringBuilder();
    for (Throwable t = context.getStartupFailure(); t != null; t = t.getCause()) {
      messages.append(t.getMessage()).append('\n');
    }
    return messages.toString();
  }

  @Test
  void withNoProviderThereIsNoClientAndProblemsComeFromTheBank() {
    runner.run(
        context -> {
          var setup = setup(context);
          assertThat(setup.provider()).isEqualTo(LlmProvider.NONE);
          assertThat(setup.client()).isEmpty();
          assertThat(setup.model()).isEmpty();
          assertThat(setup.note())
              .isEqualTo(
                  "No model is configured, so problems come from the built-in bank. Set"
                      + " IMPROVIEW_LLM_PROVIDER (openai, xai or openai-compatible) to have new"
                      + " ones written and proven for you.");
        });
  }

  @Test
  void anUnknownProviderFailsStartUpListingTheValidOnes() {
    runner
        .withPropertyValues("improview.llm.provider=claude")
        .run(
            context ->
                assertThat(startupFailure(context))
                    .contains(
                        "IMPROVIEW_LLM_PROVIDER (improview.llm.provider) must be one of none,"
                            + " openai, xai, openai-compatible: claude"));
  }

  @Test
  void openAiGetsItsDefaultsAndAClient() {
    runner
        .withPropertyValues("improview.llm.provider=OpenAI", "improview.llm.openai-api-key=" + KEY)
        .run(
            context -> {
              var setup = setup(context);
              var client = setup.client().orElseThrow();
              assertThat(client.provider()).isEqualTo(LlmProvider.OPENAI);
              assertThat(client.model()).isEqualTo(LlmProperties.OPENAI_MODEL);
              assertThat(context.getBean(LlmProperties.class).baseUrl())
                  .isEqualTo("https://api.openai.com/v1");
              assertThat(setup.note())
                  .isEqualTo(
                      "Problems are written by gpt-4.1-mini at openai and proven by execution"
                          + " before you see them.");
            });
  }

  @Test
  void openAiWithoutItsKeyFailsStartUpNamingTheVariable() {
    runner
        .withPropertyValues("improview.llm.provider=openai", "improview.llm.xai-api-key=" + KEY)
        .run(
            context ->
                assertThat(startupFailure(context))
                    .contains("IMPROVIEW_LLM_PROVIDER=openai needs OPENAI_API_KEY")
                    .doesNotContain(KEY));
  }

  @Test
  void grokBehindItsFlagHasNoClientAndSendsNothingToXai() throws IOException {
    try (var xai = new MockWebServer()) {
      xai.start();
      runner
          .withPropertyValues(
              "improview.llm.provider=xai",
              "improview.llm.base-url=" + xai.url("/v1"),
              "improview.llm.xai-api-key=" + KEY)
          .run(
              context -> {
                var setup = setup(context);
                assertThat(setup.provider()).isEqualTo(LlmProvider.XAI);
                assertThat(setup.model()).contains(LlmProperties.XAI_MODEL);
                assertThat(setup.client()).isEmpty();
                assertThat(setup.note())
                    .isEqualTo(
                        "xAI Grok is behind IMPROVIEW_FEATURE_GROK, which is off: problems come"
                            + " from the built-in bank.");
              });
      assertThat(xai.getRequestCount()).isZero();
    }
  }

  @Test
  void grokWithItsFlagOnNeedsItsKeyAndThenGetsAClient() {
    runner
        .withPropertyValues("improview.llm.provider=xai", "improview.llm.feature-grok=true")
        .run(
            context ->
                assertThat(startupFailure(context))
                    .contains(
                        "IMPROVIEW_LLM_PROVIDER=xai with IMPROVIEW_FEATURE_GROK=true needs"
                            + " XAI_API_KEY"));
    runner
        .withPropertyValues(
            "improview.llm.provider=xai",
            "improview.llm.feature-grok=true",
            "improview.llm.xai-api-key=" + KEY)
        .run(
            context -> {
              var client = setup(context).client().orElseThrow();
              assertThat(client.provider()).isEqualTo(LlmProvider.XAI);
              assertThat(client.model()).isEqualTo("grok-3-mini");
              assertThat(context.getBean(LlmProperties.class).baseUrl())
                  .isEqualTo("https://api.x.ai/v1");
            });
  }

  @Test
  void openAiCompatibleNeedsABaseUrlAndAModelButNoKey() {
    runner
        .withPropertyValues("improview.llm.provider=openai-compatible")
        .run(
            context ->
                assertThat(startupFailure(context))
                    .contains(
                        "IMPROVIEW_LLM_PROVIDER=openai-compatible needs IMPROVIEW_LLM_BASE_URL"));
    runner
        .withPropertyValues(
            "improview.llm.provider=openai-compatible",
            "improview.llm.base-url=http://localhost:11434/v1")
        .run(
            context ->
                assertThat(startupFailure(context))
                    .contains(
                        "IMPROVIEW_LLM_PROVIDER=openai-compatible needs IMPROVIEW_LLM_MODEL"));
    runner
        .withPropertyValues(
            "improview.llm.provider=openai-compatible",
            "improview.llm.base-url=http://localhost:11434/v1",
            "improview.llm.model=llama3.1")
        .run(
            context ->
                assertThat(setup(context).note())
                    .isEqualTo(
                        "Problems are written by llama3.1 at openai-compatible and proven by"
                            + " execution before you see them."));
  }

  @Test
  void badLimitsAndUrlsFailStartUpNamingTheKey() {
    var openai =
        runner.withPropertyValues(
            "improview.llm.provider=openai", "improview.llm.openai-api-key=" + KEY);
    openai
        .withPropertyValues("improview.llm.max-attempts=0")
        .run(
            context ->
                assertThat(startupFailure(context))
                    .contains("improview.llm.max-attempts must be 1 or more: 0"));
    openai
        .withPropertyValues("improview.llm.backoff-base=30s")
        .run(
            context ->
                assertThat(startupFailure(context))
                    .contains("improview.llm.backoff-max must be at least"));
    openai
        .withPropertyValues("improview.llm.request-timeout=0s")
        .run(
            context ->
                assertThat(startupFailure(context))
                    .contains("improview.llm.request-timeout must be positive"));
    openai
        .withPropertyValues("improview.llm.base-url=ftp://user:secret@example.com/v1")
        .run(
            context ->
                assertThat(startupFailure(context))
                    .contains("must be an http or https URL")
                    .doesNotContain("secret"));
  }

  /** The variable names in application.yml: the app's own file, with values as the environment. */
  @Test
  void theEnvironmentVariablesOfApplicationYmlReachTheSettings() {
    // Every variable empty first, as exported-but-blank (and so a developer's own exports stay
    // out).
    var app =
        new ApplicationContextRunner()
            .withUserConfiguration(LlmConfiguration.class)
            .withInitializer(new ConfigDataApplicationContextInitializer())
            .withPropertyValues(
                "IMPROVIEW_LLM_PROVIDER=",
                "IMPROVIEW_LLM_BASE_URL=",
                "IMPROVIEW_LLM_MODEL=",
                "IMPROVIEW_LLM_API_KEY=",
                "IMPROVIEW_FEATURE_GROK=",
                "IMPROVIEW_LLM_REQUEST_TIMEOUT=",
                "IMPROVIEW_LLM_MAX_ATTEMPTS=",
                "IMPROVIEW_LLM_BACKOFF_BASE=",
                "IMPROVIEW_LLM_BACKOFF_MAX=",
                "IMPROVIEW_LLM_MAX_RETRY_AFTER=");
    app.run(
        context -> {
          var properties = context.getBean(LlmProperties.class);
          assertThat(properties.kind()).isEqualTo(LlmProvider.NONE);
          assertThat(properties.requestTimeout()).hasSeconds(120);
          assertThat(properties.maxAttempts()).isEqualTo(4);
          assertThat(properties.backoffBase()).hasMillis(500);
          assertThat(properties.backoffMax()).hasSeconds(20);
          assertThat(properties.maxRetryAfter()).hasSeconds(60);
          assertThat(properties.featureGrok()).isFalse();
        });
    app.withPropertyValues(
            "IMPROVIEW_LLM_PROVIDER=xai",
            "IMPROVIEW_FEATURE_GROK=true",
            "XAI_API_KEY=" + KEY,
            "OPENAI_API_KEY=sk-other",
            "IMPROVIEW_LLM_BASE_URL=http://localhost:9/v1",
            "IMPROVIEW_LLM_MODEL=grok-4",
            "IMPROVIEW_LLM_REQUEST_TIMEOUT=30s",
            "IMPROVIEW_LLM_MAX_ATTEMPTS=2",
            "IMPROVIEW_LLM_BACKOFF_BASE=100ms",
            "IMPROVIEW_LLM_BACKOFF_MAX=1s",
            "IMPROVIEW_LLM_MAX_RETRY_AFTER=5s")
        .run(
            context -> {
              var properties = context.getBean(LlmProperties.class);
              assertThat(properties.kind()).isEqualTo(LlmProvider.XAI);
              assertThat(properties.featureGrok()).isTrue();
              assertThat(properties.keyForProvider()).isEqualTo(KEY);
              assertThat(properties.openaiApiKey()).isEqualTo("sk-other");
              assertThat(properties.baseUrl()).isEqualTo("http://localhost:9/v1");
              assertThat(properties.model()).isEqualTo("grok-4");
              assertThat(properties.requestTimeout()).hasSeconds(30);
              assertThat(properties.maxAttempts()).isEqualTo(2);
              assertThat(properties.backoffBase()).hasMillis(100);
              assertThat(properties.backoffMax()).hasSeconds(1);
              assertThat(properties.maxRetryAfter()).hasSeconds(5);
              assertThat(setup(context).client()).isPresent();
            });
    app.withPropertyValues(
            "IMPROVIEW_LLM_PROVIDER=openai-compatible",
            "IMPROVIEW_LLM_BASE_URL=http://localhost:11434/v1",
            "IMPROVIEW_LLM_MODEL=llama3.1",
            "OPENAI_API_KEY=" + KEY)
        .run(
            context ->
                // The OpenAI key is for OpenAI: another server gets IMPROVIEW_LLM_API_KEY or none.
                assertThat(context.getBean(LlmProperties.class).keyForProvider()).isEmpty());
  }
}
