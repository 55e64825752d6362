package dev.improview.attempt.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.improview.platform.CurrentAccount;
import dev.improview.problem.ProblemCatalog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Drafts over real HTTP and PostgreSQL in local mode (the local account owns them): written on a
 * revision, read back, refused when stale with the server's draft attached, reset, capped in size
 * and in number, and clear about what is wrong with a request.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "improview.drafts.max-per-account=3",
      "improview.execution.prewarm-javascript=0",
      "improview.execution.prewarm-python=0",
      "improview.execution.prewarm-java=0"
    })
class DraftApiTests {

  static final String TYPE = "https://improview.dev/problems/";

  @LocalServerPort int port;
  @Autowired JsonMapper json;
  @Autowired JdbcClient jdbc;
  @Autowired ProblemCatalog catalog;
  @Autowired DraftStore store;

  DraftClient client;
  String problem;
  String other;

  @BeforeEach
  void setUp() {
    jdbc.sql("delete from draft").update();
    client = new DraftClient(port, json);
    var problems = catalog.list(null, null);
    problem = problems.get(0).id();
    other = problems.get(1).id();
  }

  @Test
  void aDraftIsWrittenReadAndUpdatedOnItsRevision() throws Exception {
    assertThat(client.read(problem).body().get("drafts").size()).isZero();

    var first = client.save(problem, "python", "def f():\n    return 1\n", 0);
    assertThat(first.status()).as(first.text()).isEqualTo(200);
    assertThat(first.body().get("revision").asLong()).isEqualTo(1);
    assertThat(first.body().get("language").asString()).isEqualTo("python");
    assertThat(first.body().get("updatedAt").asString()).isNotEmpty();

    var second = client.save(problem, "python", "def f():\n    return 2\n", 1);
    assertThat(second.status()).as(second.text()).isEqualTo(200);
    assertThat(second.body().get("revision").asLong()).isEqualTo(2);
    assertThat(client.save(problem, "java", "class Solution {}", 0).status()).isEqualTo(200);

    var read = client.read(problem);
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.body().get("problemId").asString()).isEqualTo(problem);
    var drafts = read.body().get("drafts");
    assertThat(drafts.size()).isEqualTo(2);
    assertThat(drafts.get(0).get("language").asString()).isEqualTo("java");
    assertThat(drafts.get(1).get("language").asString()).isEqualTo("python");
    assertThat(drafts.get(1).get("code").asString()).isEqualTo("def f():\n    return 2\n");
    assertThat(drafts.get(1).get("revision").asLong()).isEqualTo(2);
    // Per problem: the other problem has none.
    assertThat(client.read(other).body().get("drafts").size()).isZero();
    // The export sees the same, and only code that is kept.
    assertThat(store.forAccount(CurrentAccount.LOCAL))
        .extracting(Draft::code)
        .containsExactly("class Solution {}", "def f():\n    return 2\n");
  }

  @Test
  void aWriteOnAStaleRevisionIsRefusedWithTheServersDraft() throws Exception {
    client.save(problem, "javascript", "from browser A", 0);
    client.save(problem, "javascript", "A again", 1);

    // Browser B last saw revision 1.
    var stale = client.save(problem, "javascript", "from browser B", 1);
    assertThat(stale.status()).as(stale.text()).isEqualTo(409);
    assertThat(stale.type()).isEqualTo(TYPE + "draft-conflict");
    assertThat(stale.body().get("detail").asString())
        .contains("revision 2, not 1")
        .contains("baseRevision 2");
    assertThat(stale.body().get("revision").asLong()).isEqualTo(2);
    assertThat(stale.body().get("current").get("code").asString()).isEqualTo("A again");
    assertThat(stale.body().get("current").get("revision").asLong()).isEqualTo(2);
    // Nothing was overwritten.
    assertThat(client.read(problem).body().get("drafts").get(0).get("code").asString())
        .isEqualTo("A again");

    // A new draft (base 0) where one exists is stale too; a future revision as well.
    assertThat(client.save(problem, "javascript", "new", 0).status()).isEqualTo(409);
    assertThat(client.save(problem, "javascript", "new", 9).status()).isEqualTo(409);
    assertThat(
            client.save(problem, "python", "no such revision", 4).body().get("revision").asLong())
        .isZero();

    // B resolves by writing on the current revision.
    var resolved = client.save(problem, "javascript", "B keeps its own", 2);
    assertThat(resolved.status()).isEqualTo(200);
    assertThat(resolved.body().get("revision").asLong()).isEqualTo(3);
  }

  @Test
  void aResetForgetsTheCodeAndTellsABrowserThatMissedIt() throws Exception {
    client.save(problem, "python", "mine", 0);
    var reset = client.reset(problem, "python");
    assertThat(reset.status()).as(reset.text()).isEqualTo(200);
    assertThat(reset.body().get("revision").asLong()).isEqualTo(2);
    assertThat(client.read(problem).body().get("drafts").size()).isZero();
    assertThat(store.forAccount(CurrentAccount.LOCAL)).isEmpty();

    // A browser still on revision 1 is told it was reset (no 'current'), not silently applied.
    var stale = client.save(problem, "python", "old edit", 1);
    assertThat(stale.status()).isEqualTo(409);
    assertThat(stale.body().get("revision").asLong()).isEqualTo(2);
    assertThat(stale.body().has("current")).isFalse();
    assertThat(stale.body().get("detail").asString()).contains("reset elsewhere");

    // A fresh browser that never saw a draft writes on 0; the reset's revision works too.
    assertThat(client.save(problem, "python", "fresh", 0).body().get("revision").asLong())
        .isEqualTo(3);
    // Resetting twice, or what never existed, is harmless.
    assertThat(client.reset(problem, "python").body().get("revision").asLong()).isEqualTo(4);
    assertThat(client.reset(problem, "python").body().get("revision").asLong()).isEqualTo(4);
    assertThat(client.reset(problem, "java").body().get("revision").asLong()).isZero();
    assertThat(client.save(problem, "python", "after", 4).status()).isEqualTo(200);
  }

  @Test
  void codeIsCappedInUtf8BytesWithAClearError() throws Exception {
    // The default cap is 64 KiB; quotes double in JSON and the body still fits its own cap.
    var atCap = "\"".repeat(64 * 1024);
    var saved = client.save(problem, "java", atCap, 0);
    assertThat(saved.status()).as(saved.text()).isEqualTo(200);
    assertThat(client.read(problem).body().get("drafts").get(0).get("code").asString())
        .isEqualTo(atCap);

    var over = client.save(problem, "java", "é".repeat(32 * 1024) + "x", 1);
    assertThat(over.status()).as(over.text()).isEqualTo(413);
    assertThat(over.type()).isEqualTo(TYPE + "draft-too-large");
    assertThat(over.body().get("detail").asString())
        .contains("65537 bytes")
        .contains("65536")
        .contains("improview.drafts.max-code-bytes");
    assertThat(client.read(problem).body().get("drafts").get(0).get("revision").asLong())
        .isEqualTo(1);
  }

  @Test
  void anAccountKeepsAtMostTheConfiguredNumberOfDrafts() throws Exception {
    client.save(problem, "java", "1", 0);
    client.save(problem, "python", "2", 0);
    client.save(problem, "javascript", "3", 0);
    var full = client.save(other, "java", "4", 0);
    assertThat(full.status()).as(full.text()).isEqualTo(409);
    assertThat(full.type()).isEqualTo(TYPE + "drafts-full");
    assertThat(full.body().get("detail").asString())
        .contains("3 drafts")
        .contains("improview.drafts.max-per-account");
    // Updating one it has is fine; a reset makes room.
    assertThat(client.save(problem, "java", "1b", 1).status()).isEqualTo(200);
    client.reset(problem, "python");
    assertThat(client.save(other, "java", "4", 0).status()).isEqualTo(200);
  }

  @Test
  void unknownProblemsLanguagesAndBadBodiesAreClear() throws Exception {
    var noProblem = client.read("no-such-problem");
    assertThat(noProblem.status()).isEqualTo(404);
    assertThat(noProblem.type()).isEqualTo(TYPE + "not-found");
    assertThat(noProblem.body().get("detail").asString())
        .isEqualTo("No problem with id 'no-such-problem'");
    assertThat(client.save("no-such-problem", "java", "x", 0).status()).isEqualTo(404);
    assertThat(client.reset("no-such-problem", "java").status()).isEqualTo(404);

    var noLanguage = client.save(problem, "cobol", "x", 0);
    assertThat(noLanguage.status()).isEqualTo(404);
    assertThat(noLanguage.body().get("detail").asString())
        .isEqualTo("No language 'cobol': drafts are kept for javascript, python, java");
    assertThat(client.reset(problem, "cobol").status()).isEqualTo(404);

    var path = "/api/drafts/" + problem + "/java";
    var noCode = client.put(path, "{\"baseRevision\":0}");
    assertThat(noCode.status()).isEqualTo(400);
    assertThat(noCode.body().get("detail").asString()).contains("'code' is required");
    var noBase = client.put(path, "{\"code\":\"x\"}");
    assertThat(noBase.status()).isEqualTo(400);
    assertThat(noBase.body().get("detail").asString()).contains("'baseRevision' is required");
    var negative = client.put(path, "{\"code\":\"x\",\"baseRevision\":-1}");
    assertThat(negative.status()).isEqualTo(400);
    assertThat(negative.body().get("detail").asString()).contains("got -1");
    var wrongType = client.put(path, "{\"code\":5,\"baseRevision\":0}");
    assertThat(wrongType.status()).isEqualTo(400);
    assertThat(wrongType.body().get("detail").asString()).contains("'code' must be a string");
    assertThat(client.read(problem).body().get("drafts").size()).isZero();
  }
}
