package dev.improview.generation.internal.llm;

import dev.improview.generation.LlmProvider;
import io.micrometer.observation.ObservationRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.metadata.Usage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiChatOptions;
import tools.jackson.databind.JsonNode;

/**
 * {@link LlmClient} over Spring AI's {@link OpenAiChatModel}, for OpenAI, xAI and any server that
 * speaks OpenAI's chat completions. Each completion asks for {@code response_format: json_schema}
 * with {@code strict: true}. The attempts are ours alone: the SDK under Spring AI is told to retry
 * nothing ({@code maxRetries(0)}) and okhttp to send nothing twice ({@link SendOnce}), so every
 * HTTP request is counted once.
 */
final class SpringAiLlmClient implements LlmClient {

  private static final Logger log = LoggerFactory.getLogger(SpringAiLlmClient.class);
  private static final Pattern SCHEMA_NAME = Pattern.compile("[a-zA-Z0-9_-]{1,64}");

  private final LlmProvider provider;
  private final String model;
  private final String keyVariable;
  private final ChatModel chatModel;
  private final OpenAiChatOptions options;
  private final int maxAttempts;
  private final Duration requestTimeout;
  private final Duration maxRetryAfter;
  private final Backoff backoff;
  private final Sleeper sleeper;
  private final Clock clock;

  SpringAiLlmClient(LlmProperties properties, Backoff backoff, Sleeper sleeper, Clock clock) {
    this.provider = properties.kind();
    this.model = properties.model();
    this.keyVariable = properties.keyVariable();
    this.maxAttempts = properties.maxAttempts();
    this.requestTimeout = properties.requestTimeout();
    this.maxRetryAfter = properties.maxRetryAfter();
    this.backoff = backoff;
    this.sleeper = sleeper;
    this.clock = clock;
    // Every value explicit: left null, Spring AI would read OPENAI_BASE_URL and OPENAI_API_KEY
    // from the environment itself. An empty key sends no Authorization header at all.
    this.options =
        OpenAiChatOptions.builder()
            .baseUrl(properties.baseUrl())
            .apiKey(properties.keyForProvider())
            .model(model)
            .timeout(requestTimeout)
            .maxRetries(0)
            .build();
    // No observations: a tracing handler would record the SDK's exception messages, which quote
    // the provider's error body.
    this.chatModel =
        OpenAiChatModel.builder()
            .options(options)
            .observationRegistry(ObservationRegistry.NOOP)
            .httpClientBuilderCustomizer(http -> http.interceptor(new SendOnce()))
            .build();
  }

  @Override
  public LlmProvider provider() {
    return provider;
  }

  @Override
  public String model() {
    return model;
  }

  @Override
  public LlmReply complete(List<LlmMessage> conversation, String schemaName, JsonNode schema) {
    if (conversation == null || conversation.isEmpty()) {
      throw new IllegalArgumentException("conversation must hold at least one message");
    }
    if (schemaName == null || !SCHEMA_NAME.matcher(schemaName).matches()) {
      throw new IllegalArgumentException(
          "schemaName must match [a-zA-Z0-9_-]{1,64}: " + schemaName);
    }
    if (schema == null || !schema.isObject()) {
      throw new IllegalArgumentException("schema must be a JSON object");
    }
    var prompt = new Prompt(messages(conversation), optionsFor(schema));
    for (var attempt = 1; ; attempt++) {
      try {
        return reply(chatModel.call(prompt), attempt);
      } catch (RuntimeException thrown) {
        var failure = Failure.of(thrown, requestTimeout, clock).orElseThrow(() -> thrown);
        var wait = waitBeforeRetry(failure, attempt);
        log.warn(
            "The model at {} failed attempt {} of {} ({}); trying again in {}",
            provider.id(),
            attempt,
            maxAttempts,
            failure.reason(),
            Durations.words(wait));
        pause(wait, attempt);
      }
    }
  }

  // Spring AI sends the request's options as given, not merged with the model's: start from them
  // so the model and the timeout stay. Spring AI names the schema "json_schema" on the wire
  // whatever we pass; schemaName is checked but not sent.
  private OpenAiChatOptions optionsFor(JsonNode schema) {
    return options
        .mutate()
        .responseFormat(
            OpenAiChatModel.ResponseFormat.builder()
                .jsonSchema(schema.toString())
                .strict(true)
                .build())
        .build();
  }

  /** How long to wait before the next attempt, or the exception that ends the completion. */
  private Duration waitBeforeRetry(Failure failure, int attempt) {
    if (!failure.retryable()) {
      throw done(
          LlmException.Kind.REFUSED,
          "The model at "
              + provider.id()
              + " refused the request ("
              + failure.reason()
              + ")"
              + hint(failure)
              + ".",
          attempt);
    }
    var asked = failure.retryAfter();
    if (asked.isPresent() && asked.get().compareTo(maxRetryAfter) > 0) {
      throw done(
          LlmException.Kind.UNAVAILABLE,
          "The model at "
              + provider.id()
              + " asked to wait "
              + Durations.words(asked.get())
              + " before another try, longer than the "
              + Durations.words(maxRetryAfter)
              + " allowed ("
              + failure.reason()
              + ").",
          attempt);
    }
    if (attempt >= maxAttempts) {
      throw done(
          LlmException.Kind.UNAVAILABLE,
          "The model at "
              + provider.id()
              + " did not answer after "
              + attempt
              + (attempt == 1 ? " attempt (" : " attempts (")
              + failure.reason()
              + ").",
          attempt);
    }
    return asked.orElseGet(() -> backoff.delay(attempt));
  }

  private String hint(Failure failure) {
    return switch (failure.status()) {
      case 401, 403 -> ": check " + keyVariable;
      case 404 -> ": check IMPROVIEW_LLM_MODEL and IMPROVIEW_LLM_BASE_URL";
      default -> "";
    };
  }

  private void pause(Duration wait, int attempt) {
    try {
      sleeper.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw done(
          LlmException.Kind.UNAVAILABLE,
          "The request to the model at "
              + provider.id()
              + " was interrupted after "
              + attempt
              + (attempt == 1 ? " attempt." : " attempts."),
          attempt);
    }
  }

  private static LlmException done(LlmException.Kind kind, String message, int attempts) {
    log.warn("{}", message);
    return new LlmException(kind, message, attempts);
  }

  private static LlmReply reply(ChatResponse response, int attempts) {
    var result = response.getResult();
    var text = result == null ? null : result.getOutput().getText();
    Usage usage = response.getMetadata().getUsage();
    return new LlmReply(
        text == null ? "" : text,
        tokens(usage == null ? null : usage.getPromptTokens()),
        tokens(usage == null ? null : usage.getCompletionTokens()),
        attempts);
  }

  private static long tokens(Integer count) {
    return Optional.ofNullable(count).filter(c -> c > 0).orElse(0);
  }

  private static List<Message> messages(List<LlmMessage> conversation) {
    return conversation.stream()
        .<Message>map(
            message ->
                switch (message.role()) {
                  case SYSTEM -> new SystemMessage(message.text());
                  case USER -> new UserMessage(message.text());
                  case ASSISTANT -> new AssistantMessage(message.text());
                })
        .toList();
  }
}
