package dev.improview.problem;

import dev.improview.execution.Comparison;
import dev.improview.execution.Signature;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * What anyone may see of a problem before solving it: never hidden tests, hint texts or solutions;
 * only how many hints exist.
 */
public record PublicProblem(
    String id,
    int version,
    String title,
    Category category,
    Difficulty difficulty,
    List<String> tags,
    int estimatedMinutes,
    String statement,
    List<String> constraints,
    Signature signature,
    Comparison comparison,
    List<Problem.Example> examples,
    List<PublicTest> publicTests,
    int hintCount,
    int hiddenTestCount,
    Map<String, String> starterCode) {

  /** A public test as shown in the workspace. */
  public record PublicTest(JsonNode args, JsonNode expected) {}

  /** The public view of a problem. */
  public static PublicProblem of(Problem p) {
    return new PublicProblem(
        p.id(),
        p.version(),
        p.title(),
        p.category(),
        p.difficulty(),
        p.tags(),
        p.estimatedMinutes(),
        p.statement(),
        p.constraints(),
        p.signature(),
        p.comparison(),
        p.examples(),
        p.publicTests().stream().map(t -> new PublicTest(t.args(), t.expected())).toList(),
        p.hints().size(),
        p.hiddenTests().size(),
        StarterCode.forAllLanguages(p.signature()));
  }
}
