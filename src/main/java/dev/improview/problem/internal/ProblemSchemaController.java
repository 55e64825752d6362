package dev.improview.problem.internal;

import dev.improview.problem.ProblemFormat;
import java.time.Duration;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Publishes the problem format's JSON Schema, for importers and for the LLM prompt. */
@RestController
class ProblemSchemaController {

  private final ProblemFormat format;

  ProblemSchemaController(ProblemFormat format) {
    this.format = format;
  }

  @GetMapping("/api/problem-schema")
  ResponseEntity<JsonNode> schema() {
    return ResponseEntity.ok()
        .contentType(MediaType.valueOf("application/schema+json"))
        .cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic())
        .body(format.schema());
  }
}
