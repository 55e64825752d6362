package dev.improview.platform;

import java.util.Map;
import org.springframework.boot.actuate.autoconfigure.web.server.ConditionalOnManagementPort;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.boot.actuate.endpoint.ApiVersion;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.web.WebServerNamespace;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointWebExtension;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * With Actuator on its own port (the {@code prod} profile: loopback only, for metrics), {@code
 * /actuator/health} and its groups (liveness, readiness) stay on the public port for load balancers
 * and probes: the status only, no details.
 */
@RestController
@ConditionalOnManagementPort(ManagementPortType.DIFFERENT)
class PublicHealthController {

  private final HealthEndpointWebExtension health;

  PublicHealthController(HealthEndpointWebExtension health) {
    this.health = health;
  }

  @GetMapping("/actuator/health/{*path}")
  ResponseEntity<Map<String, String>> health(@PathVariable String path) {
    var segments =
        path.isEmpty() || path.equals("/") ? new String[0] : path.substring(1).split("/");
    var response =
        health.health(ApiVersion.LATEST, WebServerNamespace.SERVER, SecurityContext.NONE, segments);
    if (response.getBody() == null) {
      throw ApiProblems.notFound("No health group at /actuator/health" + path);
    }
    return ResponseEntity.status(response.getStatus())
        .body(Map.of("status", response.getBody().getStatus().getCode()));
  }
}
