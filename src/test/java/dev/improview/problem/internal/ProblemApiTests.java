package dev.improview.problem.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.improview.problem.Category;
import dev.improview.problem.ProblemCatalog;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest
@AutoConfigureMockMvc
class ProblemApiTests {

  @Autowired MockMvc mvc;
  @Autowired ProblemCatalog catalog;
  @Autowired JsonMapper json;

  @Test
  void listsTheSeededBankProblems() throws Exception {
    mvc.perform(get("/api/problems"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.length()").value(Matchers.greaterThanOrEqualTo(3)))
        .andExpect(jsonPath("$[0].id").isString())
        .andExpect(jsonPath("$[0].source").value("bank"));
  }

  @Test
  void filtersByCategoryAndDifficulty() throws Exception {
    var all = catalog.list(null, null);
    var sample = all.get(0);
    var expected =
        all.stream()
            .filter(p -> p.category() == sample.category() && p.difficulty() == sample.difficulty())
            .count();
    mvc.perform(
            get("/api/problems")
                .param("category", sample.category().id())
                .param("difficulty", sample.difficulty().id()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.length()").value((int) expected))
        .andExpect(
            jsonPath("$[*].category")
                .value(Matchers.everyItem(Matchers.is(sample.category().id()))))
        .andExpect(
            jsonPath("$[*].difficulty")
                .value(Matchers.everyItem(Matchers.is(sample.difficulty().id()))));
  }

  @Test
  void publicViewNeverContainsHiddenTestsHintTextsOrSolutions() throws Exception {
    for (var summary : catalog.list(null, null)) {
      var problem = catalog.find(summary.id()).orElseThrow().problem();
      var body =
          mvc.perform(get("/api/problems/{id}", summary.id()))
              .andExpect(status().isOk())
              .andExpect(jsonPath("$.hiddenTests").doesNotExist())
              .andExpect(jsonPath("$.hints").doesNotExist())
              .andExpect(jsonPath("$.solutions").doesNotExist())
              .andExpect(jsonPath("$.solutionExplanation").doesNotExist())
              .andExpect(jsonPath("$.hintCount").value(problem.hints().size()))
              .andReturn()
              .getResponse()
              .getContentAsString();
      // Belt and braces: no hint text, solution code or hidden-only argument appears anywhere.
      for (var hint : problem.hints()) {
        assertThat(body).doesNotContain(json.writeValueAsString(hint));
      }
      for (var code : problem.solutions().values()) {
        assertThat(body).doesNotContain(json.writeValueAsString(code));
      }
      var publicArgs = problem.publicTests().stream().map(t -> t.args().toString()).toList();
      for (var hidden : problem.hiddenTests()) {
        var args = hidden.args().toString();
        if (args.length() > 12 && !publicArgs.contains(args)) {
          assertThat(body).doesNotContain(args);
        }
      }
    }
  }

  @Test
  void secondRequestWithTheEtagGets304() throws Exception {
    var id = catalog.list(null, null).get(0).id();
    var first =
        mvc.perform(get("/api/problems/{id}", id))
            .andExpect(status().isOk())
            .andExpect(header().string("Cache-Control", Matchers.containsString("max-age=")))
            .andReturn()
            .getResponse();
    var etag = first.getHeader("ETag");
    assertThat(etag).startsWith("\"").endsWith("\"");
    mvc.perform(get("/api/problems/{id}", id).header("If-None-Match", etag))
        .andExpect(status().isNotModified())
        .andExpect(header().string("ETag", etag));
    mvc.perform(get("/api/problems/{id}", id).header("If-None-Match", "\"something-else\""))
        .andExpect(status().isOk());
  }

  @Test
  void unknownProblemIs404ProblemDetail() throws Exception {
    mvc.perform(get("/api/problems/{id}", "no-such-problem"))
        .andExpect(status().isNotFound())
        .andExpect(header().string("Content-Type", MediaType.APPLICATION_PROBLEM_JSON_VALUE))
        .andExpect(jsonPath("$.type").value("https://improview.dev/problems/not-found"))
        .andExpect(jsonPath("$.status").value(404))
        .andExpect(jsonPath("$.detail").value(Matchers.containsString("no-such-problem")));
  }

  @Test
  void malformedFilterIs400ProblemDetailNamingTheParameter() throws Exception {
    mvc.perform(get("/api/problems").param("difficulty", "impossible"))
        .andExpect(status().isBadRequest())
        .andExpect(header().string("Content-Type", MediaType.APPLICATION_PROBLEM_JSON_VALUE))
        .andExpect(jsonPath("$.type").value("https://improview.dev/problems/bad-request"))
        .andExpect(jsonPath("$.detail").value(Matchers.containsString("difficulty")))
        .andExpect(jsonPath("$.detail").value(Matchers.containsString("easy, medium, hard")));
    mvc.perform(get("/api/problems").param("category", "cooking"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail").value(Matchers.containsString("arrays-hashing")));
  }

  @Test
  void catalogListsCategoriesDifficultiesAndLanguages() throws Exception {
    mvc.perform(get("/api/catalog"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.categories.length()").value(Category.values().length))
        .andExpect(jsonPath("$.categories[*].id").value(Matchers.hasItems("trees", "intervals")))
        .andExpect(
            jsonPath("$.difficulties[*].id").value(Matchers.contains("easy", "medium", "hard")))
        .andExpect(
            jsonPath("$.languages[*].id").value(Matchers.contains("javascript", "python", "java")));
  }

  @Test
  void unknownApiPathIs404ProblemNotTheSpa() throws Exception {
    mvc.perform(get("/api/nothing-here"))
        .andExpect(status().isNotFound())
        .andExpect(header().string("Content-Type", MediaType.APPLICATION_PROBLEM_JSON_VALUE));
  }

  @Test
  void responsesCarrySecurityHeaders() throws Exception {
    mvc.perform(get("/api/catalog"))
        .andExpect(header().string("X-Content-Type-Options", "nosniff"))
        .andExpect(
            header()
                .string("Content-Security-Policy", Matchers.containsString("default-src 'self'")));
  }
}
