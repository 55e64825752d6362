package dev.improview.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.improview.platform.BlobStore;
import dev.improview.platform.CurrentAccount;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Export and deletion of an account in accounts mode, with data made through the real HTTP API
 * (attempts, timer events, reveals, submissions judged in the sandbox, generations, sign-ins): the
 * export holds it, and after deletion nothing of the account is left in any table (found through
 * {@code information_schema}, so a table added later is checked too) or in the blob store, while
 * another account's data, and the blob it shares, stay.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "improview.auth.mode=accounts",
      "improview.auth.dev-mailbox=true",
      "improview.execution.prewarm-javascript=0",
      "improview.execution.prewarm-java=0"
    })
class AccountDataTests {

  static final String PROBLEM = "first-repeated-badge-scan";

  /** Code both accounts submit: one blob, named by both. */
  static final String SHARED_CODE = "def shared_by_both():\n    return 'same bytes, one blob'\n";

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired JsonMapper json;
  @Autowired BlobStore blobs;

  @BeforeEach
  void takeTheLocalAccount() {
    // The first sign-up takes over the local account (FirstAccountTests); here it is taken, so
    // these accounts get ids of their own.
    jdbc.sql(
            "update account set email = 'first@example.com', roles = '{admin}'"
                + " where id = :id and email is null")
        .param("id", CurrentAccount.LOCAL)
        .update();
  }

  /** A browser signed in as {@code email} through a link from the dev mailbox. */
  Browser signIn(String email) throws Exception {
    var browser = new Browser(port);
    var asked = browser.postJson("/api/auth/magic-link", "{\"email\":\"" + email + "\"}");
    assertThat(asked.statusCode()).as(asked.body()).isEqualTo(202);
    String link = null;
    for (long end = System.nanoTime() + 10_000_000_000L; System.nanoTime() < end; ) {
      var found =
          jdbc.sql("select link from dev_mail where to_address = :email order by id desc limit 1")
              .param("email", email)
              .query(String.class)
              .optional();
      if (found.isPresent()) {
        link = found.get();
        jdbc.sql("delete from dev_mail where to_address = :email").param("email", email).update();
        break;
      }
      Thread.sleep(20);
    }
    assertThat(link).as("a link mailed to " + email).isNotNull();
    var signedIn = browser.followMagicLink(link);
    assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(200);
    return browser;
  }

  UUID id(Browser browser) throws Exception {
    return UUID.fromString(tree(browser.get("/api/me")).get("id").asString());
  }

  /**
   * Practises as a user would: opens an attempt, starts its timer, reveals a hint and the solution,
   * submits each of {@code codes}, and asks for a generated problem.
   */
  void practise(Browser browser, String... codes) throws Exception {
    var opened =
        browser.postJson(
            "/api/attempts", "{\"problemId\":\"" + PROBLEM + "\",\"language\":\"python\"}");
    assertThat(opened.statusCode()).as(opened.body()).isIn(200, 201);
    var attempt = tree(opened).get("id").asString();
    ok(browser.postJson("/api/attempts/" + attempt + "/timer", "{\"action\":\"start\"}"));
    ok(browser.postJson("/api/attempts/" + attempt + "/hints/0", ""));
    ok(browser.postJson("/api/attempts/" + attempt + "/solution", ""));
    for (var code : codes) {
      ok(
          browser.postJson(
              "/api/attempts/" + attempt + "/submissions",
              json.writeValueAsString(java.util.Map.of("language", "python", "code", code))));
    }
    var generation =
        browser.postJson("/api/generations", "{\"category\":\"graphs\",\"difficulty\":\"easy\"}");
    assertThat(generation.statusCode()).as(generation.body()).isEqualTo(202);
    var generationId = tree(generation).get("id").asString();
    for (long end = System.nanoTime() + 20_000_000_000L; System.nanoTime() < end; ) {
      var state = tree(browser.get("/api/generations/" + generationId)).get("state").asString();
      if (state.equals("ready") || state.equals("failed")) {
        break;
      }
      Thread.sleep(50);
    }
  }

  /** The blobs {@code account}'s submissions name, once their reports (written after) exist. */
  Set<String> blobKeys(UUID account) throws Exception {
    var keys = new HashSet<String>();
    for (long end = System.nanoTime() + 20_000_000_000L; ; ) {
      keys.clear();
      var pending = 0;
      for (var row :
          jdbc.sql("select code_key, report_key, state from submission where account_id = :a")
              .param("a", account)
              .query()
              .listOfRows()) {
        keys.add((String) row.get("code_key"));
        if (row.get("report_key") != null) {
          keys.add((String) row.get("report_key"));
        }
        if (!"finished".equals(row.get("state"))) {
          pending++;
        }
      }
      if (pending == 0 && keys.stream().allMatch(key -> blobs.get(key).isPresent())) {
        return keys;
      }
      assertThat(System.nanoTime()).as("submissions judged and kept").isLessThan(end);
      Thread.sleep(50);
    }
  }

  @Test
  void deletingAnAccountLeavesNothingOfItInAnyTableOrTheBlobStoreAndOthersUntouched()
      throws Exception {
    var email = "gone@example.com";
    var laptop = signIn(email);
    var phone = signIn(email);
    var a = id(laptop);
    var uniqueCode =
        "def only_mine_" + UUID.randomUUID().toString().replace('-', '_') + "():\n  pass\n";
    practise(laptop, SHARED_CODE, uniqueCode);

    var stays = signIn("stays@example.com");
    var b = id(stays);
    practise(stays, SHARED_CODE);

    var aKeys = blobKeys(a);
    var bKeys = blobKeys(b);
    var sharedKey = BlobStore.keyOf(SHARED_CODE.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    var uniqueKey = BlobStore.keyOf(uniqueCode.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(aKeys).contains(sharedKey, uniqueKey);
    assertThat(bKeys).contains(sharedKey).doesNotContain(uniqueKey);
    var tables = accountTables();
    assertThat(tables.stream().map(AccountColumn::table))
        .as("the tables this test knows hold per-account data")
        .contains("attempt", "submission", "generation", "audit_event", "account");
    for (var table : List.of("attempt", "submission", "generation", "audit_event")) {
      assertThat(rowsFor(table, "account_id", a)).as(table + " has rows for A").isPositive();
    }
    assertThat(
            countWhere("attempt_event e join attempt t on t.id = e.attempt_id", "t.account_id", a))
        .isPositive();
    assertThat(
            countWhere(
                "attempt_event e join attempt t on t.id = e.attempt_id and e.kind = 'hint_revealed'",
                "t.account_id",
                a))
        .isEqualTo(1);
    assertThat(
            jdbc.sql("select count(*) from spring_session where principal_name = :a")
                .param("a", a.toString())
                .query(Integer.class)
                .single())
        .isEqualTo(2);
    var bBefore = footprint(b);
    var aDeletedBefore = countAuditDeleted(a);

    var deleted = laptop.delete("/api/account", "{\"confirm\":\" Gone@Example.com \"}");
    assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(204);

    // Signed out everywhere: both of A's sessions are over.
    assertThat(laptop.get("/api/me").statusCode()).isEqualTo(401);
    assertThat(phone.get("/api/me").statusCode()).isEqualTo(401);
    assertThat(phone.get("/api/account/export").statusCode()).isEqualTo(401);

    // No row anywhere names A, except its anonymised audit trail.
    for (var table : allTables()) {
      var pattern = "%" + a + "%";
      var hits =
          jdbc.sql("select count(*) from \"" + table + "\" x where x::text like :p")
              .param("p", pattern)
              .query(Integer.class)
              .single();
      if (table.equals("audit_event")) {
        continue;
      }
      assertThat(hits).as("rows naming A's id in " + table).isZero();
    }
    for (var table : tables) {
      if (!table.table().equals("audit_event")) {
        assertThat(rowsFor(table.table(), table.column(), a)).as("rows for A in " + table).isZero();
      }
    }
    // A's email is in no table, as text or inside a bytea (a serialised session).
    var hex =
        java.util.HexFormat.of().formatHex(email.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    for (var table : allTables()) {
      var hits =
          jdbc.sql(
                  "select count(*) from \""
                      + table
                      + "\" x where lower(x::text) like :p"
                      + " or x::text like :hex")
              .param("p", "%" + email + "%")
              .param("hex", "%" + hex + "%")
              .query(Integer.class)
              .single();
      assertThat(hits).as("rows naming A's email in " + table).isZero();
    }
    // The audit trail stays, without email or address, with the deletion in it.
    assertThat(countWhere("audit_event", "account_id", a)).isPositive();
    assertThat(
            jdbc.sql(
                    "select count(*) from audit_event where account_id = :a"
                        + " and (email is not null or ip is not null)")
                .param("a", a)
                .query(Integer.class)
                .single())
        .isZero();
    assertThat(countAuditDeleted(a)).isEqualTo(aDeletedBefore + 1);

    // A's blobs that nobody else names are gone from disk; the shared one stays for B.
    for (var key : aKeys) {
      if (!bKeys.contains(key)) {
        assertThat(blobs.get(key)).as("A's unshared blob " + key).isEmpty();
      }
    }
    assertThat(blobs.get(uniqueKey)).isEmpty();
    assertThat(blobs.get(sharedKey)).isPresent();
    for (var key : bKeys) {
      assertThat(blobs.get(key)).as("B's blob " + key).isPresent();
    }

    // B is untouched: signed in, the same rows, its code still readable in its export.
    assertThat(stays.get("/api/me").statusCode()).isEqualTo(200);
    assertThat(footprint(b)).isEqualTo(bBefore);
    var bExport = tree(stays.get("/api/account/export"));
    assertThat(
            bExport
                .get("sections")
                .get("attempts")
                .get("submissions")
                .get(0)
                .get("code")
                .asString())
        .isEqualTo(SHARED_CODE);

    // The email may sign up again, as a new, empty account.
    var again = signIn(email);
    assertThat(id(again)).isNotEqualTo(a);
    assertThat(tree(again.get("/api/attempts")).toString()).doesNotContain(PROBLEM);
  }

  @Test
  void theExportHoldsWhatTheAccountMadeAndNoBlobKeys() throws Exception {
    var browser = signIn("exports@example.com");
    var account = id(browser);
    var code = "def exported():\n    return 42\n";
    practise(browser, code);
    blobKeys(account);

    var response = browser.get("/api/account/export");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/json");
    assertThat(response.headers().firstValue("Content-Disposition").orElseThrow())
        .matches("attachment; filename=\"improview-export-\\d{4}-\\d{2}-\\d{2}\\.json\"");
    var export = tree(response);
    assertThat(export.get("format").asString()).isEqualTo("improview-export");
    assertThat(export.get("formatVersion").asInt()).isEqualTo(1);
    assertThat(export.get("account").get("id").asString()).isEqualTo(account.toString());
    assertThat(export.get("account").get("email").asString()).isEqualTo("exports@example.com");
    assertThat(export.get("account").get("roles").isArray()).isTrue();
    assertThat(export.get("account").get("createdAt").asString()).isNotBlank();

    var sections = export.get("sections");
    assertThat(names(sections)).containsExactly("attempts", "audit", "generations");
    var attempts = sections.get("attempts");
    var attempt = attempts.get("attempts").get(0);
    assertThat(attempt.get("problemId").asString()).isEqualTo(PROBLEM);
    assertThat(attempt.get("hintsUsed").asInt()).isEqualTo(1);
    assertThat(attempt.get("solutionViewed").asBoolean()).isTrue();
    var kinds = new ArrayList<String>();
    attempt.get("events").forEach(e -> kinds.add(e.get("kind").asString()));
    assertThat(kinds)
        .containsSubsequence(
            "opened", "timer_started", "hint_revealed", "solution_opened", "submitted", "judged");
    var reveals = attempts.get("reveals");
    assertThat(reveals.size()).isEqualTo(2);
    assertThat(reveals.get(0).get("kind").asString()).isEqualTo("hint");
    assertThat(reveals.get(0).get("hintIndex").asInt()).isZero();
    assertThat(reveals.get(1).get("kind").asString()).isEqualTo("solution");
    var submission = attempts.get("submissions").get(0);
    assertThat(submission.get("code").asString()).isEqualTo(code);
    assertThat(submission.get("state").asString()).isEqualTo("finished");
    assertThat(submission.get("result").isObject()).isTrue();
    assertThat(submission.get("attemptId").asString()).isEqualTo(attempt.get("id").asString());

    var generations = sections.get("generations");
    assertThat(generations.get("generations").size()).isEqualTo(1);
    assertThat(generations.get("generations").get(0).get("category").asString())
        .isEqualTo("graphs");
    assertThat(generations.get("generations").get(0).get("steps").size()).isPositive();
    assertThat(generations.get("quota").get("usedToday").asInt()).isEqualTo(1);
    assertThat(generations.get("quota").get("dailyQuota").asInt()).isPositive();

    var audit = new ArrayList<String>();
    sections.get("audit").forEach(e -> audit.add(e.get("kind").asString()));
    assertThat(audit).contains("account_created", "sign_in");

    // Code, not the keys it is stored under.
    var keys =
        jdbc.sql("select code_key, report_key from submission where account_id = :a")
            .param("a", account)
            .query()
            .listOfRows();
    for (var row : keys) {
      for (var key : row.values()) {
        assertThat(response.body()).doesNotContain(String.valueOf(key));
      }
    }
  }

  @Test
  void signedOutNeitherExportsNorDeletes() throws Exception {
    var anonymous = new Browser(port);
    var export = anonymous.get("/api/account/export");
    assertThat(export.statusCode()).isEqualTo(401);
    assertThat(tree(export).get("type").asString())
        .isEqualTo("https://improview.dev/problems/unauthenticated");
    assertThat(anonymous.delete("/api/account", "{\"confirm\":\"x@example.com\"}").statusCode())
        .isEqualTo(401);
  }

  @Test
  void aMissingOrWrongConfirmationDeletesNothingAndNamesTheField() throws Exception {
    var browser = signIn("careful@example.com");
    var account = id(browser);

    var missing = browser.delete("/api/account", "{}");
    assertThat(missing.statusCode()).as(missing.body()).isEqualTo(400);
    assertThat(tree(missing).get("detail").asString()).contains("'confirm'", "email");
    var empty = browser.delete("/api/account", "");
    assertThat(empty.statusCode()).as(empty.body()).isEqualTo(400);
    assertThat(tree(empty).get("detail").asString()).contains("'confirm'");

    for (var wrong : List.of("someone@example.com", "careful@example", "delete my data")) {
      var response =
          browser.delete(
              "/api/account", json.writeValueAsString(java.util.Map.of("confirm", wrong)));
      assertThat(response.statusCode()).as(wrong).isEqualTo(422);
      var problem = tree(response);
      assertThat(problem.get("type").asString())
          .isEqualTo("https://improview.dev/problems/confirmation-mismatch");
      assertThat(problem.get("detail").asString()).contains("'confirm'", "nothing was deleted");
    }
    var notText = browser.delete("/api/account", "{\"confirm\":5}");
    assertThat(notText.statusCode()).isEqualTo(400);

    assertThat(browser.get("/api/me").statusCode()).isEqualTo(200);
    assertThat(countWhere("account", "id", account)).isEqualTo(1);
    assertThat(countAuditDeleted(account)).isZero();
  }

  @Test
  void deletingTheFirstAccountPutsTheEmptyLocalAccountBack() throws Exception {
    jdbc.sql("update account set email = 'local-owner@example.com' where id = :id")
        .param("id", CurrentAccount.LOCAL)
        .update();
    var owner = signIn("local-owner@example.com");
    assertThat(id(owner)).isEqualTo(CurrentAccount.LOCAL);
    practise(owner, "def local_owner():\n    pass\n");
    blobKeys(CurrentAccount.LOCAL);

    var deleted = owner.delete("/api/account", "{\"confirm\":\"local-owner@example.com\"}");
    assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(204);

    var row =
        jdbc.sql("select email, roles::text as roles from account where id = :id")
            .param("id", CurrentAccount.LOCAL)
            .query()
            .singleRow();
    assertThat(row.get("email")).isNull();
    assertThat(row.get("roles")).isEqualTo("{}");
    for (var table : List.of("attempt", "submission", "generation")) {
      assertThat(countWhere(table, "account_id", CurrentAccount.LOCAL)).as(table).isZero();
    }
    assertThat(owner.get("/api/me").statusCode()).isEqualTo(401);
  }

  record AccountColumn(String table, String column) {}

  /**
   * Every column that holds an account id: named {@code account_id}, or a foreign key to {@code
   * account}, in any table of the schema, including tables added after this test was written.
   */
  List<AccountColumn> accountTables() {
    var found = new java.util.LinkedHashSet<AccountColumn>();
    found.add(new AccountColumn("account", "id"));
    jdbc.sql(
            """
            select table_name, column_name from information_schema.columns
            where table_schema = current_schema() and column_name = 'account_id'
            union
            select kcu.table_name, kcu.column_name
            from information_schema.referential_constraints rc
            join information_schema.key_column_usage kcu
              on kcu.constraint_name = rc.constraint_name
             and kcu.constraint_schema = rc.constraint_schema
            join information_schema.constraint_column_usage ccu
              on ccu.constraint_name = rc.unique_constraint_name
             and ccu.constraint_schema = rc.unique_constraint_schema
            where ccu.table_name = 'account' and kcu.table_schema = current_schema()
            order by 1, 2
            """)
        .query((rs, row) -> new AccountColumn(rs.getString(1), rs.getString(2)))
        .list()
        .forEach(found::add);
    return List.copyOf(found);
  }

  List<String> allTables() {
    return jdbc.sql(
            "select table_name from information_schema.tables"
                + " where table_schema = current_schema() and table_type = 'BASE TABLE'"
                + " order by 1")
        .query(String.class)
        .list();
  }

  int rowsFor(String table, String column, UUID account) {
    return countWhere("\"" + table + "\"", "\"" + column + "\"", account);
  }

  int countWhere(String from, String column, UUID account) {
    return jdbc.sql("select count(*) from " + from + " where " + column + " = :a")
        .param("a", account)
        .query(Integer.class)
        .single();
  }

  int countAuditDeleted(UUID account) {
    return jdbc.sql(
            "select count(*) from audit_event where account_id = :a and kind = 'account_deleted'")
        .param("a", account)
        .query(Integer.class)
        .single();
  }

  /** How many rows each per-account table holds for {@code account}, and its events. */
  List<Integer> footprint(UUID account) {
    var counts = new ArrayList<Integer>();
    for (var table : accountTables()) {
      counts.add(rowsFor(table.table(), table.column(), account));
    }
    counts.add(
        countWhere(
            "attempt_event e join attempt t on t.id = e.attempt_id", "t.account_id", account));
    counts.add(
        countWhere(
            "generation_event e join generation g on g.id = e.generation_id",
            "g.account_id",
            account));
    return counts;
  }

  List<String> names(JsonNode object) {
    var names = new ArrayList<String>();
    object.propertyNames().forEach(names::add);
    return names;
  }

  JsonNode tree(HttpResponse<String> response) throws Exception {
    return json.readTree(response.body());
  }

  static void ok(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
  }
}
