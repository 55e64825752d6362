package dev.improview.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.json.JsonMapper;

/** POST /api/runs end to end: HTTP, the problem store and the real sandbox. */
@SpringBootTest
@AutoConfigureMockMvc
class RunApiTests {

  static final String PROBLEM = "bracket-nesting-depth";

  static final String CORRECT_JS =
      """
      function bracketNestingDepth(s) {
        const pairs = { ')': '(', ']': '[', '}': '{' };
        const stack = [];
        let best = 0;
        for (const c of s) {
          if ('([{'.includes(c)) { stack.push(c); best = Math.max(best, stack.length); }
          else if (c in pairs && stack.pop() !== pairs[c]) return -1;
        }
        return stack.length === 0 ? best : -1;
      }
      """;

  @Autowired MockMvc mvc;
  @Autowired JsonMapper json;

  ResultActions run(Map<String, Object> body) throws Exception {
    return mvc.perform(
        post("/api/runs")
            .contentType(MediaType.APPLICATION_JSON)
            .content(json.writeValueAsString(body)));
  }

  static Map<String, Object> body(String language, String code) {
    var body = new LinkedHashMap<String, Object>();
    body.put("problemId", PROBLEM);
    body.put("language", language);
    body.put("code", code);
    return body;
  }

  @Test
  void aCorrectSolutionPassesEveryPublicTest() throws Exception {
    run(body("javascript", CORRECT_JS))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.verdict").value("PASSED"))
        .andExpect(jsonPath("$.tests.length()").value(greaterThanOrEqualTo(3)))
        .andExpect(jsonPath("$.tests[*].verdict").value(everyItem(is("PASSED"))))
        .andExpect(jsonPath("$.tests[0].kind").value("public"));
  }

  @Test
  void aWrongSolutionShowsExpectedAndActual() throws Exception {
    run(body("python", "def bracket_nesting_depth(s):\n    print('thinking')\n    return 0\n"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.verdict").value("WRONG_ANSWER"))
        .andExpect(jsonPath("$.tests[0].verdict").value("WRONG_ANSWER"))
        .andExpect(jsonPath("$.tests[0].actual").value(0))
        .andExpect(jsonPath("$.tests[0].expected").value(3))
        .andExpect(jsonPath("$.tests[0].stdout").value("thinking\n"));
  }

  @Test
  void javaThatDoesNotCompileGetsDiagnosticsWithLines() throws Exception {
    run(body(
            "java",
            "class Solution {\n  public int bracketNestingDepth(String s) {\n    return s.lenght();\n  }\n}\n"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.verdict").value("COMPILE_ERROR"))
        .andExpect(jsonPath("$.diagnostics[0].line").value(3));
  }

  @Test
  void customInputsAreComparedWithTheReferenceSolution() throws Exception {
    var body =
        body(
            "javascript",
            CORRECT_JS.replace("return stack.length === 0 ? best : -1;", "return best;"));
    body.put("customTests", List.of(Map.of("args", List.of("((")), Map.of("args", List.of("[]"))));
    run(body)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.tests[0].kind").value("custom"))
        .andExpect(jsonPath("$.tests[0].expected").value(-1))
        .andExpect(jsonPath("$.tests[0].actual").value(2))
        .andExpect(jsonPath("$.tests[0].verdict").value("WRONG_ANSWER"))
        .andExpect(jsonPath("$.tests[1].expected").value(1))
        .andExpect(jsonPath("$.tests[1].verdict").value("PASSED"));
  }

  @Test
  void customArgumentsOfTheWrongTypeAre400NamingThePath() throws Exception {
    var body = body("javascript", CORRECT_JS);
    body.put("customTests", List.of(Map.of("args", List.of("()")), Map.of("args", List.of(42))));
    run(body)
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail").value(containsString("customTests[1].args[0]")))
        .andExpect(jsonPath("$.detail").value(containsString("string")));
  }

  @Test
  void aCustomInputThatBreaksAConstraintIs400WithTheValidatorsMessage() throws Exception {
    // first-repeated-badge-scan has an inputValidator: it runs in the sandbox before the reference.
    var body = new LinkedHashMap<String, Object>();
    body.put("problemId", "first-repeated-badge-scan");
    body.put("language", "python");
    body.put("code", "def first_repeated_badge(scans):\n    return -1\n");
    body.put(
        "customTests",
        List.of(Map.of("args", List.of(List.of(4, 4))), Map.of("args", List.of(List.of(3, -1)))));
    run(body)
        .andExpect(status().isBadRequest())
        .andExpect(
            jsonPath("$.detail")
                .value(
                    "customTests[1] breaks the constraint `0 <= scans[i] <= 10^9`: scans[1] is"
                        + " -1"));
    body.put("customTests", List.of(Map.of("args", List.of(List.of(4, 4)))));
    run(body)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.tests[0].expected").value(4))
        .andExpect(jsonPath("$.tests[0].verdict").value("WRONG_ANSWER"));
  }

  @Test
  void badRequestsGetProblemDetails() throws Exception {
    run(body("cobol", "x"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail").value(containsString("javascript")));
    run(body("javascript", "x".repeat(70_000)))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail").value(containsString("code")));
    var unknown = body("javascript", CORRECT_JS);
    unknown.put("problemId", "no-such-problem");
    run(unknown).andExpect(status().isNotFound());
    mvc.perform(post("/api/runs").contentType(MediaType.APPLICATION_JSON).content("{not json"))
        .andExpect(status().isBadRequest());
  }

  @Test
  void longValuesAreShortenedInTheResponseWithANotice() throws Exception {
    var body = body("javascript", CORRECT_JS);
    var deep = "(".repeat(30_000) + ")".repeat(30_000);
    var custom = new java.util.ArrayList<Map<String, Object>>();
    for (int i = 0; i < 10; i++) {
      custom.add(Map.of("args", List.of(deep)));
    }
    body.put("customTests", custom);
    var response =
        run(body)
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.tests.length()").value(10))
            .andExpect(jsonPath("$.tests[0].verdict").value("PASSED"))
            .andExpect(jsonPath("$.tests[0].expected").value(30_000))
            .andExpect(jsonPath("$.tests[0].args[0]").doesNotExist())
            .andExpect(jsonPath("$.tests[0].shortened['args[0]'].bytes").value(60_002))
            .andExpect(
                jsonPath("$.tests[0].shortened['args[0]'].preview")
                    .value(org.hamcrest.Matchers.startsWith("\"((((")))
            .andReturn()
            .getResponse();
    // Ten 60 KB arguments are not echoed back whole.
    assertThat(response.getContentAsByteArray().length).isLessThan(64 * 1024);
  }
}
