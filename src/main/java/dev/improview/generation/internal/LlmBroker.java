package dev.improview.generation.internal;

import dev.improview.execution.Language;
import dev.improview.generation.GenerationStep;
import dev.improview.generation.internal.llm.LlmClient;
import dev.improview.generation.internal.llm.LlmException;
import dev.improview.generation.internal.llm.LlmMessage;
import dev.improview.problem.Category;
import dev.improview.problem.Difficulty;
import dev.improview.problem.DraftProver;
import dev.improview.problem.ValidationReport;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Has the model write a problem and serves it only once execution has proven it: the model drafts
 * (prompts/v1), the draft becomes a document ({@link DraftDocument}), a draft too much like a
 * stored problem is sent back, and {@link DraftProver} computes every answer and runs every check.
 * A refused draft goes back to the model with the step's report (smallest failing input first) for
 * a corrected one, at most {@code max-rounds} drafts in all. Malformed output is a refused draft
 * like any other. Every call is recorded with its cost, and none is made once the day's budget is
 * spent.
 */
@Component
class LlmBroker {

  private static final Logger log = LoggerFactory.getLogger(LlmBroker.class);

  /** What is asked for, and for which generation (null: for the pool). */
  record Spec(
      Category category,
      Difficulty difficulty,
      Language language,
      String topicHint,
      java.util.UUID generation) {}

  /** Where the steps go as they happen. */
  interface Steps {
    void step(GenerationStep step, String outcome, String message);
  }

  /** What came of it: a stored, proven problem, or one sentence on why there is none. */
  sealed interface Result permits Written, NotWritten {}

  record Written(String problemId, String title, int rounds) implements Result {}

  record NotWritten(String reason) implements Result {}

  static final String BUDGET_SPENT =
      "The server's daily budget for the model is spent, so no new problem can be written today.";

  private final DraftProver drafts;
  private final Prompts prompts;
  private final Similarity similarity;
  private final GeneratedProblems generated;
  private final LlmCalls calls;
  private final Budget budget;
  private final GenerationProperties properties;
  private final DraftDocument documents;
  private final JsonMapper json;
  private final Clock clock;

  LlmBroker(
      DraftProver drafts,
      Prompts prompts,
      Similarity similarity,
      GeneratedProblems generated,
      LlmCalls calls,
      Budget budget,
      GenerationProperties properties,
      JsonMapper json,
      Clock clock) {
    this.drafts = drafts;
    this.prompts = prompts;
    this.similarity = similarity;
    this.generated = generated;
    this.calls = calls;
    this.budget = budget;
    this.properties = properties;
    this.documents = new DraftDocument(json);
    this.json = json;
    this.clock = clock;
  }

  /**
   * Writes one problem.
   *
   * @param servedAt when it goes to the user who asked; null to keep it in the pool
   */
  Result write(
      LlmClient client, Spec spec, LlmCalls.Purpose purpose, Instant servedAt, Steps steps) {
    var conversation = new ArrayList<LlmMessage>();
    conversation.add(LlmMessage.system(prompts.system()));
    conversation.add(LlmMessage.user(prompts.request(requestValues(spec))));
    int rounds = properties.maxRounds();
    long promptTokens = 0;
    long completionTokens = 0;
    long cost = 0;
    Refusal last = null;
    for (int round = 1; round <= rounds; round++) {
      if (round == 1) {
        steps.step(
            GenerationStep.DRAFTING,
            null,
            "Drafting with " + client.model() + " (round 1 of " + rounds + ")");
      } else {
        steps.step(
            GenerationStep.REPAIRING,
            null,
            "Repairing (round " + round + " of " + rounds + "): " + last.step() + " refused it");
      }
      if (budget.spent()) {
        return new NotWritten(BUDGET_SPENT);
      }
      dev.improview.generation.internal.llm.LlmReply reply;
      try {
        reply = client.complete(conversation, "improview_problem_draft", prompts.draftSchema());
      } catch (LlmException e) {
        calls.record(
            clock.instant(),
            client.provider().id(),
            client.model(),
            purpose,
            spec.generation(),
            0,
            0,
            0,
            false);
        log.warn("generation: the model could not answer ({}): {}", e.kind(), e.getMessage());
        return new NotWritten(e.getMessage());
      }
      long callCost = properties.costMicros(reply.promptTokens(), reply.completionTokens());
      calls.record(
          clock.instant(),
          client.provider().id(),
          client.model(),
          purpose,
          spec.generation(),
          reply.promptTokens(),
          reply.completionTokens(),
          callCost,
          true);
      budget.spend(reply.promptTokens(), reply.completionTokens(), callCost);
      promptTokens += reply.promptTokens();
      completionTokens += reply.completionTokens();
      cost += callCost;
      conversation.add(LlmMessage.assistant(reply.text()));

      var outcome = prove(reply.text(), spec, steps);
      if (outcome instanceof Proven proven) {
        var problem = proven.proven().problem();
        generated.save(
            problem,
            proven.proven().report(),
            proven.proven().claims(),
            new GeneratedProblems.Provenance(
                client.provider().id(),
                client.model(),
                Prompts.VERSION,
                round,
                promptTokens,
                completionTokens,
                cost),
            clock.instant(),
            servedAt);
        log.info(
            "generation: {} written by {} in {} round(s), {} + {} tokens, {} micro-USD",
            problem.id(),
            client.model(),
            round,
            promptTokens,
            completionTokens,
            cost);
        return new Written(problem.id(), problem.title(), round);
      }
      last = (Refusal) outcome;
      conversation.add(
          LlmMessage.user(
              prompts.repair(
                  Map.of(
                      "round", Integer.toString(round),
                      "rounds", Integer.toString(rounds),
                      "step", last.step(),
                      "summary", last.summary(),
                      "details",
                          last.details().isEmpty()
                              ? "(none)"
                              : last.details().stream()
                                  .map(d -> "- " + d)
                                  .collect(Collectors.joining("\n"))))));
    }
    return new NotWritten(
        "The model's drafts did not pass validation in "
            + rounds
            + " rounds (the last was refused at "
            + last.step()
            + "), so none is served.");
  }

  private sealed interface Checked permits Proven, Refusal {}

  private record Proven(DraftProver.Proven proven) implements Checked {}

  private record Refusal(String step, String summary, List<String> details) implements Checked {}

  private Checked prove(String reply, Spec spec, Steps steps) {
    JsonNode draft;
    try {
      draft = json.readTree(reply);
    } catch (JacksonException e) {
      return schemaRefusal(steps, "your reply is not JSON: " + e.getOriginalMessage(), List.of());
    }
    JsonNode document;
    try {
      document = documents.toProblem(draft, newId(draft), spec.category(), spec.difficulty());
    } catch (DraftDocument.Unreadable e) {
      return schemaRefusal(steps, e.getMessage(), e.problems);
    }
    var title = document.path("title").asString("");
    var statement = document.path("statement").asString("");
    var alike = similarity.mostAlike(title, statement);
    if (alike.isPresent() && alike.get().score() > properties.maxSimilarity()) {
      return schemaRefusal(
          steps,
          String.format(
              Locale.ROOT,
              "the problem is too much like the stored problem \"%s\" (similarity %.2f, at most"
                  + " %.2f): write a different problem, not a variant of it",
              alike.get().title(),
              alike.get().score(),
              properties.maxSimilarity()),
          List.of());
    }
    var references = new int[1];
    var outcome =
        drafts.prove(
            document, properties.largeTests(), progress -> report(progress, references, steps));
    if (outcome instanceof DraftProver.Proven proven) {
      return new Proven(proven);
    }
    var refused = (DraftProver.Refused) outcome;
    return new Refusal(refused.step(), refused.summary(), refused.details());
  }

  private static Refusal schemaRefusal(Steps steps, String summary, List<String> details) {
    steps.step(GenerationStep.SCHEMA, "failed", summary);
    return new Refusal("schema", summary, details);
  }

  // A validation step as a generation step; the three reference checks count up as one.
  private static void report(DraftProver.Progress progress, int[] references, Steps steps) {
    var outcome = progress.status().name().toLowerCase(Locale.ROOT);
    if (progress.step().startsWith("reference-")) {
      if (progress.status() == ValidationReport.Status.PASSED) {
        references[0]++;
      }
      steps.step(
          GenerationStep.REFERENCES,
          outcome,
          "references " + references[0] + "/3: " + progress.detail());
      return;
    }
    var step =
        switch (progress.step()) {
          case "schema" -> GenerationStep.SCHEMA;
          case "answers" -> GenerationStep.ANSWERS;
          case "input-validator" -> GenerationStep.INPUT_VALIDATOR;
          case "examples" -> GenerationStep.EXAMPLES;
          case "stress" -> GenerationStep.STRESS;
          case "wrong-solutions" -> GenerationStep.WRONG_SOLUTIONS;
          case "mutation" -> GenerationStep.MUTATION;
          case "amplification" -> GenerationStep.AMPLIFICATION;
          case "time-limits" -> GenerationStep.TIME_LIMITS;
          default -> null;
        };
    if (step == null) {
      log.warn("generation: a validation step with no generation step: {}", progress.step());
      return;
    }
    steps.step(step, outcome, progress.detail());
  }

  private Map<String, String> requestValues(Spec spec) {
    var avoid =
        generatedTitles(spec.category()).stream()
            .map(t -> "\"" + t + "\"")
            .collect(Collectors.joining(", "));
    return Map.of(
        "category",
        spec.category().id(),
        "categoryLabel",
        spec.category().label(),
        "difficulty",
        spec.difficulty().id(),
        "minutes",
        switch (spec.difficulty()) {
          case EASY -> "10-20";
          case MEDIUM -> "20-35";
          case HARD -> "35-60";
        },
        "language",
        spec.language() == null ? "any of JavaScript, Python or Java" : spec.language().id(),
        "topicHint",
        spec.topicHint() == null ? "(nothing in particular)" : "\"" + spec.topicHint() + "\"",
        "avoid",
        avoid.isEmpty() ? "(none yet)" : avoid);
  }

  private List<String> generatedTitles(Category category) {
    return similarity.titles(category);
  }

  // The model's slug, cleaned to the id rules, with a random suffix so no two drafts collide.
  private String newId(JsonNode draft) {
    var slug =
        draft.path("slug").asString("").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    slug = slug.replaceAll("^-+|-+$", "");
    if (slug.length() > 60) {
      slug = slug.substring(0, 60).replaceAll("-+$", "");
    }
    if (slug.isEmpty()) {
      slug = "generated";
    }
    String id;
    do {
      var suffix = new byte[3];
      ThreadLocalRandom.current().nextBytes(suffix);
      id = slug + "-" + HexFormat.of().formatHex(suffix);
    } while (generated.idTaken(id));
    return id;
  }
}
