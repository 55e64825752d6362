package dev.improview.execution.internal.sandbox;

import java.util.Arrays;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** Wires the sandbox; "auto" mode becomes strict when the prod profile is active. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SandboxProperties.class)
class SandboxConfiguration {

  @Bean(destroyMethod = "close")
  ProcessSandbox sandbox(SandboxProperties properties, Environment environment) {
    SandboxProperties effective = properties;
    if (properties.mode().equals("auto")) {
      boolean prod = Arrays.asList(environment.getActiveProfiles()).contains("prod");
      effective = properties.withMode(prod ? "strict" : "permissive");
    }
    return ProcessSandbox.create(effective);
  }
}
