// Generate from home without a model: the server serves a bank problem of the chosen category and
// difficulty, the progress page shows its steps, and the workspace opens on it. Written against the
// generation API (GET /api/generator, POST /api/generations, GET /api/generations/{id}[/events]).
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import AxeBuilder from "@axe-core/playwright";
import { launchBrowser, screenshotDir, settle } from "./support/browser.mjs";
import { startServer } from "./support/server.mjs";

let server;
let browser;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

const api = async (path, init) => {
  const response = await fetch(`${server.baseUrl}${path}`, init);
  return { response, body: await response.json() };
};

async function axeSeriousViolations(page) {
  await settle(page);
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

/** A category and difficulty the bank has, other than the panel's defaults where it can be. */
async function bankChoice() {
  const { body: problems } = await api("/api/problems");
  const pick =
    problems.find((p) => p.category !== "arrays-hashing" && p.difficulty !== "easy") ?? problems[0];
  assert.ok(pick, "the bank has problems");
  const { body: catalog } = await api("/api/catalog");
  const label = (options, id) => options.find((o) => o.id === id).label;
  return {
    category: pick.category,
    difficulty: pick.difficulty,
    categoryLabel: label(catalog.categories, pick.category),
    difficultyLabel: label(catalog.difficulties, pick.difficulty),
  };
}

test("pick a category and difficulty, generate, watch the steps, land in that bank problem", async () => {
  const { body: generator } = await api("/api/generator");
  assert.equal(generator.provider, "none", "these tests run without a model");
  const choice = await bankChoice();

  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto(server.baseUrl);
  const panel = page.getByRole("region", { name: "Generate a problem" });
  await panel.getByText(generator.note).waitFor();
  assert.match(
    await panel.innerText(),
    new RegExp(`${generator.usedToday} of ${generator.dailyQuota}`),
  );

  await panel
    .getByRole("radiogroup", { name: "Category" })
    .getByRole("radio", { name: choice.categoryLabel, exact: true })
    .check();
  await panel
    .getByRole("radiogroup", { name: "Difficulty" })
    .getByRole("radio", { name: choice.difficultyLabel, exact: true })
    .check();
  await panel.getByLabel("Language").selectOption("python");
  await page.screenshot({ path: `${screenshotDir}/generator-panel.png` });
  await panel.getByRole("button", { name: "Generate", exact: true }).click();

  // The progress page: the steps with ticks, then the problem opens by itself.
  await page.waitForURL(/\/generate\/[^/]+$/);
  const generationId = new URL(page.url()).pathname.split("/").pop();
  // Read in the page the moment Ready arrives: the problem opens a second later.
  const rows = await (
    await page.waitForFunction(() => {
      const items = [...document.querySelectorAll('[aria-label="Steps"] > li')];
      const text = (item) => item.innerText.trim();
      if (!items.length || !/^Ready/.test(text(items.at(-1)))) return null;
      return items.map((item) => ({ status: item.dataset.status, text: text(item) }));
    })
  ).jsonValue();
  assert.match(rows[0].text, /^Queued/);
  assert.match(rows.at(-1).text, /^Ready/);
  assert.ok(
    rows.every((row) => row.status === "done"),
    `every step ticked: ${JSON.stringify(rows)}`,
  );
  await page.waitForURL(/\/problems\/[^/]+$/);
  const problemId = new URL(page.url()).pathname.split("/").pop();

  const { body: problem } = await api(`/api/problems/${problemId}`);
  assert.equal(problem.category, choice.category);
  assert.equal(problem.difficulty, choice.difficulty);
  await page.getByRole("heading", { level: 1, name: problem.title }).waitFor();
  // The language asked for is the one the workspace opens in.
  assert.equal(await page.getByLabel("Language").inputValue(), "python");

  // What the server says of it: ready, from the bank, that problem, its steps in order.
  const { body: generation } = await api(`/api/generations/${generationId}`);
  assert.equal(generation.state, "ready");
  assert.equal(generation.source, "bank");
  assert.equal(generation.problemId, problemId);
  assert.equal(generation.category, choice.category);
  assert.equal(generation.language, "python");
  const seqs = generation.events.map((e) => e.seq);
  assert.deepEqual(
    seqs,
    [...seqs].sort((a, b) => a - b),
    "events in seq order",
  );
  assert.equal(generation.events.at(-1).step, "ready");
  assert.equal(generation.events.length, rows.length, "the page showed every step once");

  // The progress page replaced itself: Back from the problem is home, not the progress page.
  await page.goBack();
  await page.waitForURL(`${server.baseUrl}/`);

  // Opened again, a finished generation shows its steps and waits for a click.
  await page.goto(`${server.baseUrl}/generate/${generationId}`);
  await page.getByRole("button", { name: "Open problem" }).waitFor();
  await page.waitForTimeout(1500);
  assert.match(page.url(), /\/generate\//);
  assert.deepEqual(await axeSeriousViolations(page), [], "a finished generation's page");
  await page.getByRole("group", { name: "Theme" }).getByText("Dark").click();
  await page.waitForTimeout(300);
  assert.deepEqual(await axeSeriousViolations(page), [], "a finished generation's page, dark");
  await page.screenshot({ path: `${screenshotDir}/generation-ready-dark.png` });
  assert.deepEqual(errors, [], "no uncaught errors");
  await context.close();
});

test("the events stream replays a finished generation and closes; bad input and unknown ids are problem details", async () => {
  const choice = await bankChoice();
  const created = await api("/api/generations", {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "application/json" },
    body: JSON.stringify({ category: choice.category, difficulty: choice.difficulty }),
  });
  assert.equal(created.response.status, 202);
  assert.ok(
    created.response.headers.get("location")?.endsWith(`/api/generations/${created.body.id}`),
    `Location: ${created.response.headers.get("location")}`,
  );

  // The stream ends after the final step, so reading it to the end terminates.
  const stream = await fetch(`${server.baseUrl}/api/generations/${created.body.id}/events`, {
    headers: { Accept: "text/event-stream" },
    signal: AbortSignal.timeout(30_000),
  });
  assert.match(stream.headers.get("content-type") ?? "", /^text\/event-stream/);
  const events = (await stream.text())
    .split(/\r?\n\r?\n/)
    .filter((block) => block.includes("data:"))
    .map((block) => {
      const field = (name) =>
        block
          .split(/\r?\n/)
          .filter((line) => line.startsWith(`${name}:`))
          .map((line) => line.slice(name.length + 1).trimStart())
          .join("\n");
      return { id: field("id"), event: field("event"), data: JSON.parse(field("data")) };
    });
  assert.ok(events.length >= 2, `queued and a final step at least: ${JSON.stringify(events)}`);
  for (const event of events) {
    assert.equal(event.event, event.data.step);
    assert.equal(event.id, String(event.data.seq));
  }
  assert.equal(events[0].data.step, "queued");
  // Ready, or failed if the first test used up the bank's problems of this kind.
  assert.match(events.at(-1).data.step, /^(ready|failed)$/);
  const seqs = events.map((e) => e.data.seq);
  assert.deepEqual(
    seqs,
    [...new Set(seqs)].sort((a, b) => a - b),
    "each seq once, in order",
  );

  const bad = await api("/api/generations", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ category: choice.category, difficulty: "impossible" }),
  });
  assert.equal(bad.response.status, 400);
  assert.match(bad.response.headers.get("content-type") ?? "", /application\/problem\+json/);
  assert.equal(typeof bad.body.detail, "string");

  const longHint = await api("/api/generations", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({
      category: choice.category,
      difficulty: choice.difficulty,
      topicHint: "x".repeat(201),
    }),
  });
  assert.equal(longHint.response.status, 400);

  const unknown = await api("/api/generations/no-such-generation");
  assert.equal(unknown.response.status, 404);
  assert.match(unknown.response.headers.get("content-type") ?? "", /application\/problem\+json/);
});
