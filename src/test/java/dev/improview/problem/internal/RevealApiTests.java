package dev.improview.problem.internal;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.improview.problem.Problem;
import dev.improview.problem.ProblemCatalog;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
class RevealApiTests {

  @Autowired MockMvc mvc;
  @Autowired ProblemCatalog catalog;

  String client;
  Problem problem;

  @BeforeEach
  void setUp() {
    client = UUID.randomUUID().toString();
    problem =
        catalog.list(null, null).stream()
            .map(s -> catalog.find(s.id()).orElseThrow().problem())
            .filter(p -> p.hints().size() >= 2)
            .findFirst()
            .orElseThrow();
  }

  @Test
  void hintsAreRevealedInOrderAndRecordedForTheClient() throws Exception {
    mvc.perform(
            post("/api/problems/{id}/hints/1", problem.id()).header("X-Improview-Client", client))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.type").value("https://improview.dev/problems/hint-out-of-order"));

    mvc.perform(
            post("/api/problems/{id}/hints/0", problem.id()).header("X-Improview-Client", client))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.text").value(problem.hints().get(0)))
        .andExpect(jsonPath("$.revealed").value(1))
        .andExpect(jsonPath("$.total").value(problem.hints().size()));
    mvc.perform(
            post("/api/problems/{id}/hints/1", problem.id()).header("X-Improview-Client", client))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.text").value(problem.hints().get(1)))
        .andExpect(jsonPath("$.revealed").value(2));

    mvc.perform(
            get("/api/problems/{id}/reveals", problem.id()).header("X-Improview-Client", client))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.hints.length()").value(2))
        .andExpect(jsonPath("$.hints[1].text").value(problem.hints().get(1)))
        .andExpect(jsonPath("$.solutionViewed").value(false));

    // Another browser has revealed nothing.
    mvc.perform(
            get("/api/problems/{id}/reveals", problem.id())
                .header("X-Improview-Client", UUID.randomUUID().toString()))
        .andExpect(jsonPath("$.hints.length()").value(0));
  }

  @Test
  void openingTheSolutionIsRecordedAndReturnsAllLanguages() throws Exception {
    mvc.perform(
            post("/api/problems/{id}/solution", problem.id()).header("X-Improview-Client", client))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.solutions.python").value(problem.solutions().get("python")))
        .andExpect(jsonPath("$.solutions.java").value(problem.solutions().get("java")))
        .andExpect(jsonPath("$.complexity.time").isString());
    mvc.perform(
            get("/api/problems/{id}/reveals", problem.id()).header("X-Improview-Client", client))
        .andExpect(jsonPath("$.solutionViewed").value(true));
  }

  @Test
  void aMissingOrMalformedClientIdIs400() throws Exception {
    mvc.perform(post("/api/problems/{id}/hints/0", problem.id()))
        .andExpect(status().isBadRequest())
        .andExpect(
            jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("X-Improview-Client")));
    mvc.perform(
            post("/api/problems/{id}/solution", problem.id()).header("X-Improview-Client", "nope"))
        .andExpect(status().isBadRequest());
  }

  @Test
  void aHintBeyondTheLastIs404() throws Exception {
    mvc.perform(
            post("/api/problems/{id}/hints/{i}", problem.id(), problem.hints().size())
                .header("X-Improview-Client", client))
        .andExpect(status().isNotFound());
  }
}
