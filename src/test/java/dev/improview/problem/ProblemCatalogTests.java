package dev.improview.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.improview.execution.Language;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The store answers "no such problem" for an id no problem can have, without asking PostgreSQL. */
@SpringBootTest
@AutoConfigureMockMvc
class ProblemCatalogTests {

  /** A NUL makes PostgreSQL fail the query; the others cannot match the id pattern. */
  static final List<String> IMPOSSIBLE_IDS =
      List.of("bracket\u0000nesting", "Bracket-Nesting-Depth", "a b", "x".repeat(81), "-a", "é");

  @Autowired ProblemCatalog catalog;
  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;

  @Test
  void anIdNoProblemCanHaveIsNotFound() {
    for (var id : IMPOSSIBLE_IDS) {
      assertThat(catalog.find(id)).as(id).isEmpty();
      assertThat(catalog.findRevision(id, 1)).as(id).isEmpty();
      assertThat(catalog.storedVersion(id)).as(id).isEmpty();
      assertThat(catalog.timeLimit(id, Language.PYTHON)).as(id).isEmpty();
      assertThat(catalog.validation(id, "0".repeat(64))).as(id).isEmpty();
    }
    assertThat(catalog.find(null)).isEmpty();
    assertThat(catalog.find("bracket-nesting-depth")).isPresent();
  }

  @Test
  void everyEndpointTakingAProblemIdRefusesAnIdWithNul() throws Exception {
    var id = "bracket-nesting-depth\u0000";
    // In a path, Spring Security's firewall refuses an encoded NUL before any controller (400; over
    // HTTP a problem detail, identity/internal/MagicLinkTests.java).
    mvc.perform(get("/api/problems/{id}", id)).andExpect(status().isBadRequest());
    mvc.perform(get("/api/problems/{id}/validation", id)).andExpect(status().isBadRequest());
    List<MockHttpServletRequestBuilder> requests =
        List.of(
            post("/api/attempts")
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"problemId\":\"bracket-nesting-depth\\u0000\",\"language\":\"python\"}"),
            post("/api/runs")
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"problemId\":\"bracket-nesting-depth\\u0000\",\"language\":\"python\","
                        + "\"code\":\"x\"}"));
    for (var request : requests) {
      mvc.perform(request)
          .andExpect(status().isNotFound())
          .andExpect(jsonPath("$.type").value("https://improview.dev/problems/not-found"));
    }
  }

  @Test
  void aReportStoredBeforeTheFiguresGrewStillReads() {
    var id = "bracket-nesting-depth";
    var sha = "f".repeat(64);
    // The shape an earlier server wrote: no mutation or amplification figures, no step times.
    jdbc.sql(
            """
            insert into problem_validation (problem_id, content_sha256, passed, report, time_limits)
            values (:id, :sha, true, cast(:report as jsonb), '{"java": 1000}')
            on conflict (problem_id, content_sha256) do update set report = excluded.report
            """)
        .param("id", id)
        .param("sha", sha)
        .param(
            "report",
            """
            {"passed": true,
             "checks": [{"name": "reference-java", "status": "PASSED", "detail": "ok",
                         "failures": []}],
             "timeLimitMillis": {"java": 1000},
             "figures": {"referenceTests": 18, "stressInputs": 0, "wrongSolutionsCaught": 0,
                         "wrongSolutionsTotal": 0, "validationMillis": 5}}
            """)
        .update();
    var report = catalog.validation(id, sha).orElseThrow();
    assertThat(report.figures().referenceTests()).isEqualTo(18);
    assertThat(report.figures().mutantsDistinguishable()).isZero();
    assertThat(report.figures().stepMillis()).isEmpty();
    assertThat(report.timeLimitMillis()).containsEntry("java", 1000L);
  }
}
