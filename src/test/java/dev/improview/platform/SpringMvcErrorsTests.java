package dev.improview.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** Spring MVC's own errors (405, 415, 406, 404) leave with a stable type and a useful detail. */
@SpringBootTest
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
class SpringMvcErrorsTests {

  @Autowired MockMvc mvc;

  static void isProblem(ResultActions result, int status, String type) throws Exception {
    result
        .andExpect(status().is(status))
        .andExpect(header().string("Content-Type", MediaType.APPLICATION_PROBLEM_JSON_VALUE))
        .andExpect(jsonPath("$.type").value("https://improview.dev/problems/" + type))
        .andExpect(jsonPath("$.status").value(status))
        .andExpect(jsonPath("$.detail").value(Matchers.not(Matchers.blankOrNullString())));
  }

  @Test
  void aWrongMethodIs405WithATypeAndTheAllowedOnes(CapturedOutput output) throws Exception {
    var result = mvc.perform(delete("/api/runs"));
    isProblem(result, 405, "method-not-allowed");
    result
        .andExpect(header().string("Allow", "POST"))
        .andExpect(jsonPath("$.detail").value(Matchers.containsString("POST")));
    // The base handler logs a WARN for this; a client's mistake is not worth one.
    assertThat(output.getAll()).doesNotContain("Request method 'DELETE' is not supported");
  }

  @Test
  void aBodyThatIsNotJsonIs415WithAType() throws Exception {
    var result =
        mvc.perform(post("/api/runs").contentType(MediaType.TEXT_PLAIN).content("print(1)"));
    isProblem(result, 415, "unsupported-media-type");
    result.andExpect(jsonPath("$.detail").value(Matchers.containsString("application/json")));
  }

  @Test
  void anUnacceptableResponseTypeIs406WithAType() throws Exception {
    isProblem(mvc.perform(get("/api/catalog").accept(MediaType.IMAGE_PNG)), 406, "not-acceptable");
  }

  @Test
  void anUnknownApiPathIs404WithATypeNamingThePath() throws Exception {
    var result = mvc.perform(get("/api/nothing-here"));
    isProblem(result, 404, "not-found");
    result.andExpect(jsonPath("$.detail").value("Nothing at GET /api/nothing-here"));
    isProblem(mvc.perform(post("/api/nothing/here")), 404, "not-found");
  }
}
