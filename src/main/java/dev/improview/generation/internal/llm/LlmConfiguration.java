package dev.improview.generation.internal.llm;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@link LlmSetup} from {@code improview.llm.*}. Building a client opens no connection: the
 * first request is the first completion asked for.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LlmProperties.class)
class LlmConfiguration {

  private static final Logger log = LoggerFactory.getLogger(LlmConfiguration.class);

  @Bean
  LlmSetup llmSetup(LlmProperties properties) {
    var setup = setup(properties, Sleeper.THREAD);
    log.info(setup.note());
    return setup;
  }

  static LlmSetup setup(LlmProperties properties, Sleeper sleeper) {
    return switch (properties.kind()) {
      case NONE -> LlmSetup.none();
      case XAI ->
          properties.featureGrok()
              ? LlmSetup.ready(client(properties, sleeper))
              : LlmSetup.grokOff(properties.model());
      case OPENAI, OPENAI_COMPATIBLE -> LlmSetup.ready(client(properties, sleeper));
    };
  }

  // Retry-After dates are the provider's wall clock, so ours is the system's, not the app's Clock
  // bean (which tests move).
  private static LlmClient client(LlmProperties properties, Sleeper sleeper) {
    return new SpringAiLlmClient(
        properties,
        new Backoff(properties.backoffBase(), properties.backoffMax()),
        sleeper,
        Clock.systemUTC());
  }
}
