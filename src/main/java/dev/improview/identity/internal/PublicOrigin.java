package dev.improview.identity.internal;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The origin users reach this server at: {@code improview.auth.public-url}, or {@code
 * http://localhost:<port>} on a laptop. Links in mail are built from it, never from the request's
 * Host header, which whoever asks for a link chooses.
 */
@Component
class PublicOrigin {

  private final AuthProperties properties;
  private final Environment environment;

  PublicOrigin(AuthProperties properties, Environment environment) {
    this.properties = properties;
    this.environment = environment;
  }

  String get() {
    var configured = properties.publicUrl().strip();
    if (!configured.isEmpty()) {
      return configured.endsWith("/")
          ? configured.substring(0, configured.length() - 1)
          : configured;
    }
    var port =
        environment.getProperty(
            "local.server.port", environment.getProperty("server.port", "8080"));
    return "http://localhost:" + port;
  }
}
