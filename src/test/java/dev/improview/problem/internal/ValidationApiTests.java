package dev.improview.problem.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.improview.platform.Sha256;
import dev.improview.problem.BankTemplates;
import dev.improview.problem.Problem;
import dev.improview.problem.ProblemCatalog;
import dev.improview.problem.ProblemFormat;
import dev.improview.problem.ProblemSummary.Source;
import dev.improview.problem.ProblemValidator;
import dev.improview.problem.ValidationReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * GET /api/problems/{id}/validation: the public part of the report stored for the problem's current
 * revision, validated for real in the sandbox; pending before that; never a hidden test or a line
 * of the problem's code.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ValidationApiTests {

  static final String WORKED_EXAMPLE = "first-repeated-badge-scan";

  @Autowired MockMvc mvc;
  @Autowired ProblemCatalog catalog;
  @Autowired ProblemValidator validator;
  @Autowired ProblemFormat format;
  @Autowired JsonMapper json;

  ResultActions validationOf(String id) throws Exception {
    return mvc.perform(get("/api/problems/{id}/validation", id));
  }

  /** Stores {@code document} as a problem of its own, as an import would, without validating. */
  Problem store(ObjectNode document) {
    var problem = format.parse(document);
    catalog.save(
        problem,
        Source.IMPORTED,
        Sha256.hex(json.writeValueAsString(document).getBytes(StandardCharsets.UTF_8)));
    return problem;
  }

  /** Validates the problem's current revision in the sandbox and stores the report. */
  ValidationReport validateAndSave(String id) {
    var stored = catalog.find(id).orElseThrow();
    var report = validator.validate(stored.problem());
    catalog.saveValidation(id, stored.sha256(), report);
    return report;
  }

  static String freshId(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void aValidatedBankProblemShowsItsChecksAndFigures() throws Exception {
    var report = validateAndSave(WORKED_EXAMPLE);
    assertThat(report.passed()).as("%s", report.checks()).isTrue();
    var figures = report.figures();
    var body =
        validationOf(WORKED_EXAMPLE)
            .andExpect(status().isOk())
            .andExpect(header().string("Content-Type", MediaType.APPLICATION_JSON_VALUE))
            .andExpect(jsonPath("$.status").value("passed"))
            .andExpect(jsonPath("$.stressChecked").value(true))
            .andExpect(
                jsonPath("$.checks[*].name")
                    .value(
                        Matchers.contains(
                            report.checks().stream().map(ValidationReport.Check::name).toArray())))
            .andExpect(
                jsonPath("$.checks[?(@.name != 'amplification')].status")
                    .value(Matchers.everyItem(Matchers.is("passed"))))
            .andExpect(
                jsonPath("$.checks[?(@.name == 'amplification')].status")
                    .value(Matchers.contains("skipped")))
            .andExpect(jsonPath("$.figures.mutantsKilled").value(figures.mutantsKilled()))
            .andExpect(
                jsonPath("$.figures.mutantsDistinguishable")
                    .value(figures.mutantsDistinguishable()))
            .andExpect(
                jsonPath("$.checks[?(@.name == 'stress')].detail")
                    .value(Matchers.contains(report.check("stress").orElseThrow().detail())))
            .andExpect(jsonPath("$.checks[0].failures").doesNotExist())
            .andExpect(jsonPath("$.figures.referenceTests").value(figures.referenceTests()))
            .andExpect(jsonPath("$.figures.stressInputs").value(200))
            .andExpect(jsonPath("$.figures.wrongSolutionsCaught").value(6))
            .andExpect(jsonPath("$.figures.wrongSolutionsTotal").value(6))
            .andExpect(jsonPath("$.figures.mutantsKilled").value(figures.mutantsKilled()))
            .andExpect(
                jsonPath("$.figures.mutantsDistinguishable")
                    .value(figures.mutantsDistinguishable()))
            .andExpect(jsonPath("$.figures.testsAdded").value(figures.testsAdded()))
            .andExpect(
                jsonPath("$.figures.timeLimitsMillis.javascript")
                    .value(report.timeLimitMillis().get("javascript")))
            .andExpect(
                jsonPath("$.figures.timeLimitsMillis.python")
                    .value(report.timeLimitMillis().get("python")))
            .andExpect(
                jsonPath("$.figures.timeLimitsMillis.java")
                    .value(report.timeLimitMillis().get("java")))
            .andExpect(jsonPath("$.figures.validationMillis").value(figures.validationMillis()))
            .andExpect(jsonPath("$.figures.stepMillis").doesNotExist())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertNothingHiddenIn(body, catalog.find(WORKED_EXAMPLE).orElseThrow().problem());
  }

  @Test
  void aRevisionNotValidatedYetIsPendingAndANewRevisionIsPendingAgain() throws Exception {
    var document = smallProblem();
    var id = document.get("id").asString();
    store(document);
    expectPending(id);

    var report = validateAndSave(id);
    assertThat(report.passed()).as("%s", report.checks()).isTrue();
    validationOf(id)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("passed"))
        .andExpect(jsonPath("$.stressChecked").value(false))
        .andExpect(
            jsonPath("$.checks[?(@.name == 'stress')].status").value(Matchers.contains("skipped")))
        .andExpect(
            jsonPath("$.checks[?(@.name == 'stress')].detail")
                .value(Matchers.contains(Matchers.startsWith(ValidationReport.NOT_STRESS_CHECKED))))
        .andExpect(jsonPath("$.figures.referenceTests").value(report.figures().referenceTests()))
        .andExpect(jsonPath("$.figures.stressInputs").value(0))
        .andExpect(jsonPath("$.figures.timeLimitsMillis.java").value(Matchers.greaterThan(0)));

    // A new version has new content: its report is a new one, not the old revision's.
    document.put("version", 2);
    document.put("title", document.get("title").asString() + " (revised)");
    store(document);
    expectPending(id);
  }

  @Test
  void aFailedCheckShowsWhichStepFailedButNeverTheInputItQuotes() throws Exception {
    var document = workedExample();
    document.put("id", freshId("leaky-validator"));
    // Listed after the bank's easy problems, which other tests sharing this database expect first.
    document.put("difficulty", "hard");
    document.remove("bruteForce");
    document.remove("wrongSolutions");
    // Rejects every input, quoting it: the stored report then holds every hidden test's argument.
    ((ObjectNode) document.get("inputValidator"))
        .put(
            "code",
            """
            import json

            def validate(scans):
                raise ValueError("breaks the constraint `never`: scans is "
                                 + json.dumps(scans, separators=(",", ":")))
            """);
    var problem = store(document);
    var report = validateAndSave(problem.id());
    var check = report.check("input-validator").orElseThrow();
    assertThat(check.status()).isEqualTo(ValidationReport.Status.FAILED);
    var quoted = problem.hiddenTests().get(2).args().get(0).toString();
    assertThat(check.detail() + check.failures())
        .as("the stored report quotes it")
        .contains(quoted);

    var body =
        validationOf(problem.id())
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.status").value("failed"))
            .andExpect(
                jsonPath("$.checks[?(@.name == 'input-validator')].status")
                    .value(Matchers.contains("failed")))
            .andExpect(
                jsonPath("$.checks[?(@.name == 'input-validator')].detail")
                    .value(
                        Matchers.contains("the input validator rejects a stated test or example")))
            .andExpect(jsonPath("$.figures.timeLimitsMillis.python").value(0))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(body).doesNotContain("failures").doesNotContain(quoted).doesNotContain("scans is");
    assertNothingHiddenIn(body, problem);
  }

  @Test
  void anUnknownProblemIs404ProblemDetail() throws Exception {
    validationOf("no-such-problem")
        .andExpect(status().isNotFound())
        .andExpect(header().string("Content-Type", MediaType.APPLICATION_PROBLEM_JSON_VALUE))
        .andExpect(jsonPath("$.type").value("https://improview.dev/problems/not-found"))
        .andExpect(jsonPath("$.status").value(404))
        .andExpect(jsonPath("$.detail").value(Matchers.containsString("no-such-problem")));
  }

  void expectPending(String id) throws Exception {
    validationOf(id)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("pending"))
        .andExpect(jsonPath("$.stressChecked").value(false))
        .andExpect(jsonPath("$.checks").isEmpty())
        .andExpect(jsonPath("$.figures.referenceTests").value(0))
        .andExpect(jsonPath("$.figures.wrongSolutionsTotal").value(0))
        .andExpect(jsonPath("$.figures.validationMillis").value(0))
        .andExpect(jsonPath("$.figures.timeLimitsMillis.javascript").value(0))
        .andExpect(jsonPath("$.figures.timeLimitsMillis.python").value(0))
        .andExpect(jsonPath("$.figures.timeLimitsMillis.java").value(0));
  }

  /**
   * No hidden test's arguments or expected value (long enough to be told apart from a figure), and
   * none of the problem's code, appears anywhere in the body.
   */
  void assertNothingHiddenIn(String body, Problem problem) {
    var shown = new ArrayList<String>();
    problem.publicTests().forEach(t -> shown.add(t.args().toString()));
    problem.examples().forEach(e -> shown.add(e.args().toString()));
    var hidden = new ArrayList<String>();
    for (var test : problem.hiddenTests()) {
      hidden.add(test.args().toString());
      test.args().forEach(arg -> hidden.add(arg.toString()));
      hidden.add(test.expected().toString());
    }
    var checked = 0;
    for (var value : hidden) {
      if (value.length() >= 6 && !shown.contains(value)) {
        assertThat(body).as("a hidden value").doesNotContain(value);
        checked++;
      }
    }
    assertThat(checked).as("hidden values checked").isGreaterThanOrEqualTo(10);

    var code = new ArrayList<String>(problem.solutions().values());
    for (var part :
        new Problem.Part[] {
          problem.bruteForce(), problem.inputGenerator(), problem.inputValidator()
        }) {
      if (part != null) {
        code.add(part.code());
      }
    }
    problem.wrongSolutions().forEach(w -> code.addAll(List.of(w.code(), w.note())));
    assertThat(code).hasSizeGreaterThanOrEqualTo(3);
    for (var text : code) {
      var escaped = json.writeValueAsString(text);
      assertThat(body)
          .doesNotContain(text)
          .doesNotContain(escaped.substring(1, escaped.length() - 1));
      // A line of it is enough to leak the idea.
      text.lines()
          .map(String::strip)
          .filter(line -> line.length() >= 24)
          .forEach(line -> assertThat(body).as("a line of code").doesNotContain(line));
    }
  }

  ObjectNode workedExample() throws IOException {
    try (var in =
        getClass().getResourceAsStream("/bank/arrays-hashing/" + WORKED_EXAMPLE + ".json")) {
      return (ObjectNode) json.readTree(in);
    }
  }

  /** The bracket problem, version 1, under a fresh id and with only a few hidden tests. */
  ObjectNode smallProblem() {
    var document = BankTemplates.bracketNestingDepth(json);
    document.put("id", freshId("proven"));
    document.put("version", 1);
    var hidden = (ArrayNode) document.get("hiddenTests");
    while (hidden.size() > 3) {
      hidden.remove(hidden.size() - 1);
    }
    return document;
  }
}
