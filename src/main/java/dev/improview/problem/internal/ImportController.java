package dev.improview.problem.internal;

import dev.improview.platform.ApiProblems;
import dev.improview.platform.Sha256;
import dev.improview.problem.ProblemCatalog;
import dev.improview.problem.ProblemFormat;
import dev.improview.problem.ProblemProver;
import dev.improview.problem.ProblemSummary.Source;
import dev.improview.problem.ValidationReport;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /api/problems}: import a problem in the format. Stored only if it parses (else 400
 * naming every field at fault) and passes validation in the sandbox (else 422 with the report).
 * Hidden tests that let a wrong solution or a mutant through are amplified when a generated input
 * exposes it: the problem is then stored with the added tests, and the report says which and why.
 */
@RestController
class ImportController {

  /** The answer to a successful import. */
  record Imported(String id, ValidationReport validation) {}

  private final ProblemFormat format;
  private final ProblemProver prover;
  private final ProblemCatalog catalog;
  private final JsonMapper json;

  ImportController(
      ProblemFormat format, ProblemProver prover, ProblemCatalog catalog, JsonMapper json) {
    this.format = format;
    this.prover = prover;
    this.catalog = catalog;
    this.json = json;
  }

  @PostMapping("/api/problems")
  ResponseEntity<?> importProblem(@RequestBody byte[] body) {
    var problem = format.parse(document(body));
    var existing = catalog.storedVersion(problem.id());
    if (existing.isPresent()) {
      throw ApiProblems.exception(
          HttpStatus.CONFLICT,
          "problem-exists",
          "A problem with this id exists",
          "Problem '"
              + problem.id()
              + "' already exists (version "
              + existing.get().version()
              + "); choose another id");
    }
    var proven = prover.prove(problem);
    var report = proven.report();
    if (!report.passed()) {
      var detail =
          ApiProblems.of(
              HttpStatus.UNPROCESSABLE_CONTENT,
              "problem-invalid",
              "The problem failed validation",
              failureSummary(report));
      detail.setProperty("validation", report);
      return ResponseEntity.unprocessableContent().body(detail);
    }
    // With tests added, what is stored is no longer the body: its hash names what is.
    var sha =
        proven.added().isEmpty()
            ? Sha256.hex(body)
            : Sha256.hex(json.writeValueAsBytes(proven.problem()));
    catalog.save(proven.problem(), Source.IMPORTED, sha);
    catalog.saveValidation(problem.id(), sha, report);
    return ResponseEntity.created(URI.create("/api/problems/" + problem.id()))
        .body(new Imported(problem.id(), report));
  }

  /** The body as JSON; not JSON at all is a plain 400 saying where, like any other endpoint's. */
  private JsonNode document(byte[] body) {
    JsonNode document;
    try {
      document = json.readTree(body);
    } catch (JacksonException e) {
      throw ApiProblems.malformedJson(e);
    }
    if (document == null || document.isMissingNode()) {
      throw ApiProblems.badRequest(
          "The request body is empty: send a problem document (docs/problem-format.md).");
    }
    return document;
  }

  @ExceptionHandler(ProblemFormat.InvalidProblemException.class)
  ResponseEntity<ProblemDetail> invalidFormat(ProblemFormat.InvalidProblemException e) {
    var detail =
        ApiProblems.of(
            HttpStatus.BAD_REQUEST,
            "problem-format",
            "Not a valid problem document",
            e.violations().size()
                + " field(s) do not follow the problem format: "
                + e.violations().stream().limit(3).map(v -> v.path() + " " + v.message()).toList());
    detail.setProperty("violations", e.violations());
    return ResponseEntity.badRequest().body(detail);
  }

  private static String failureSummary(ValidationReport report) {
    List<String> failures =
        report.checks().stream()
            .filter(c -> c.status() == ValidationReport.Status.FAILED)
            .flatMap(
                c ->
                    c.failures().isEmpty()
                        ? java.util.stream.Stream.of(c.name() + ": " + c.detail())
                        : c.failures().stream().limit(3).map(f -> c.name() + ": " + f))
            .limit(6)
            .toList();
    return String.join("; ", failures);
  }
}
