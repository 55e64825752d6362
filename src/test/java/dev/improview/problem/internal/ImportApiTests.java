package dev.improview.problem.internal;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.improview.problem.BankTemplates;
import java.io.IOException;
import java.util.UUID;
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

/** POST /api/problems: format errors are 400, failed validation 422, a valid problem 201. */
@SpringBootTest
@AutoConfigureMockMvc
class ImportApiTests {

  @Autowired MockMvc mvc;
  @Autowired JsonMapper json;
  @Autowired dev.improview.problem.ProblemCatalog catalog;

  /** A small, valid problem: a bank problem under a fresh id with only a few tests. */
  ObjectNode problem() throws IOException {
    var document = BankTemplates.bracketNestingDepth(json);
    document.put("id", "imported-" + UUID.randomUUID().toString().substring(0, 8));
    var hidden = (ArrayNode) document.get("hiddenTests");
    while (hidden.size() > 3) {
      hidden.remove(hidden.size() - 1);
    }
    return document;
  }

  ResultActions importing(ObjectNode document) throws Exception {
    return mvc.perform(
        post("/api/problems")
            .contentType(MediaType.APPLICATION_JSON)
            .content(json.writeValueAsString(document)));
  }

  @Test
  void aValidProblemIsStoredAndServed() throws Exception {
    var document = problem();
    var id = document.get("id").asString();
    importing(document)
        .andExpect(status().isCreated())
        .andExpect(header().string("Location", "/api/problems/" + id))
        .andExpect(jsonPath("$.validation.passed").value(true))
        .andExpect(jsonPath("$.validation.timeLimitMillis.java").isNumber());
    mvc.perform(get("/api/problems/{id}", id))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.title").value(document.get("title").asString()));
    importing(document).andExpect(status().isConflict());
  }

  @Test
  void aWrongExpectedOutputIsRefusedNamingTheTest() throws Exception {
    var document = problem();
    ((ObjectNode) document.get("hiddenTests").get(1)).put("expected", 12345);
    importing(document)
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.type").value("https://improview.dev/problems/problem-invalid"))
        .andExpect(jsonPath("$.detail").value(containsString("hiddenTests[1]")))
        .andExpect(jsonPath("$.detail").value(containsString("expected 12345")))
        .andExpect(jsonPath("$.validation.passed").value(false));
    mvc.perform(get("/api/problems/{id}", document.get("id").asString()))
        .andExpect(status().isNotFound());
  }

  @Test
  void aFailingJavaSolutionIsRefused() throws Exception {
    var document = problem();
    ((ObjectNode) document.get("solutions"))
        .put(
            "java",
            "class Solution {\n  public int bracketNestingDepth(String s) {\n    return 1;\n  }\n}\n");
    importing(document)
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.detail").value(containsString("reference-java")))
        .andExpect(
            jsonPath("$.validation.checks[?(@.name == 'reference-java')].status")
                .value(hasItem("FAILED")))
        .andExpect(
            jsonPath("$.validation.checks[?(@.name == 'reference-python')].status")
                .value(hasItem("PASSED")));
  }

  @Test
  void anExampleThatDisagreesWithTheReferenceIsRefused() throws Exception {
    var document = problem();
    ((ObjectNode) document.get("examples").get(0)).put("output", 99);
    importing(document)
        .andExpect(status().isUnprocessableContent())
        .andExpect(
            jsonPath("$.validation.checks[?(@.name == 'examples')].status")
                .value(hasItem("FAILED")))
        .andExpect(jsonPath("$.detail").value(containsString("examples[0]")));
  }

  @Test
  void aTypeMismatchIs400WithTheFieldPath() throws Exception {
    var document = problem();
    ((ArrayNode) document.get("publicTests").get(0).get("args"))
        .set(0, json.getNodeFactory().booleanNode(true));
    importing(document)
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.type").value("https://improview.dev/problems/problem-format"))
        .andExpect(jsonPath("$.violations[0].path").value("$.publicTests[0].args[0]"));
  }

  @Test
  void hiddenTestsThatLetAMutantThroughAreAmplifiedAndStoredWithTheAddedTest() throws Exception {
    ObjectNode document;
    try (var in =
        getClass().getResourceAsStream("/bank/arrays-hashing/first-repeated-badge-scan.json")) {
      document = (ObjectNode) json.readTree(in);
    }
    var id = "amplified-" + UUID.randomUUID().toString().substring(0, 8);
    document.put("id", id);
    document.remove("wrongSolutions");
    // No hidden test without a repeat: the mutant returning -2 for "none" passes them all.
    var hidden =
        BankTemplates.dropHiddenTests(document, test -> test.get("expected").asInt() == -1);
    int before = hidden.size();
    importing(document)
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.validation.passed").value(true))
        .andExpect(
            jsonPath("$.validation.figures.testsAdded").value(org.hamcrest.Matchers.greaterThan(0)))
        .andExpect(
            jsonPath("$.validation.checks[?(@.name == 'amplification')].status")
                .value(hasItem("PASSED")))
        .andExpect(
            jsonPath("$.validation.checks[?(@.name == 'amplification')].detail")
                .value(hasItem(containsString("hiddenTests[" + before + "] exposes the mutant"))));
    var stored = catalog.find(id).orElseThrow().problem();
    org.assertj.core.api.Assertions.assertThat(stored.hiddenTests()).hasSizeGreaterThan(before);
    org.assertj.core.api.Assertions.assertThat(stored.hiddenTests().get(before).note())
        .startsWith("added by validation: exposes the mutant");
  }
}
