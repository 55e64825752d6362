// Generate from home with a model: a fake OpenAI-compatible server on loopback answers the one
// chat completion with the good draft fixture, the server proves it by execution, the progress page
// ticks through the steps, and the workspace opens on the new problem with its Proven panel passed.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import { after, before, test } from "node:test";
import AxeBuilder from "@axe-core/playwright";
import { launchBrowser, screenshotDir, settle } from "./support/browser.mjs";
import { startServer } from "./support/server.mjs";

const MODEL = "fake-model";
const TITLE = "Earliest Duplicate Ticket Stub";
const draftText = readFileSync(
  new URL("../../src/test/resources/llm-fixtures/drafts/good.json", import.meta.url),
  "utf8",
);

/** What the fake model was asked: each POST /v1/chat/completions body, parsed. */
const completions = [];
/** Every other request it saw, as "METHOD path". */
const strays = [];

function completionReply() {
  return {
    id: `chatcmpl-e2e-${completions.length}`,
    object: "chat.completion",
    created: Math.floor(Date.now() / 1000),
    model: MODEL,
    choices: [
      {
        index: 0,
        message: { role: "assistant", content: draftText, refusal: null },
        finish_reason: "stop",
      },
    ],
    usage: { prompt_tokens: 5200, completion_tokens: 4100, total_tokens: 9300 },
  };
}

function startFakeModel() {
  const fake = createServer((request, response) => {
    const chunks = [];
    request.on("data", (chunk) => chunks.push(chunk));
    request.on("end", () => {
      const path = new URL(request.url, "http://127.0.0.1").pathname;
      if (request.method !== "POST" || path !== "/v1/chat/completions") {
        strays.push(`${request.method} ${request.url}`);
        response.writeHead(404, { "Content-Type": "application/json" });
        response.end(JSON.stringify({ error: { message: "not found" } }));
        return;
      }
      const text = Buffer.concat(chunks).toString("utf8");
      let body;
      try {
        body = JSON.parse(text);
      } catch {
        body = { unparsable: text };
      }
      completions.push(body);
      const reply = JSON.stringify(completionReply());
      response.writeHead(200, {
        "Content-Type": "application/json",
        "Content-Length": Buffer.byteLength(reply),
      });
      response.end(reply);
    });
  });
  return new Promise((done, fail) => {
    fake.once("error", fail);
    fake.listen(0, "127.0.0.1", () => done(fake));
  });
}

let fake;
let server;
let browser;

before(async () => {
  fake = await startFakeModel();
  server = await startServer({
    env: {
      IMPROVIEW_LLM_PROVIDER: "openai-compatible",
      IMPROVIEW_LLM_BASE_URL: `http://127.0.0.1:${fake.address().port}/v1`,
      IMPROVIEW_LLM_MODEL: MODEL,
      IMPROVIEW_LLM_API_KEY: "",
      // Nothing written in the background: the one completion is the one the test asks for.
      IMPROVIEW_GENERATION_POOL_SIZE: "0",
    },
  });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
  await new Promise((done) => (fake ? fake.close(done) : done()));
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

// In the page: each time the progress list changes, its rows go to the test as {label, status}.
function watchSteps() {
  let last = "";
  const report = () => {
    const items = [...document.querySelectorAll('[aria-label="Steps"] > li')];
    if (!items.length) return;
    const rows = items.map((item) => ({
      label: item.querySelector("[data-step] > span")?.textContent.replace(/…$/, "").trim() ?? "",
      status: item.dataset.status,
      text: item.innerText.trim(),
    }));
    const key = JSON.stringify(rows.map((r) => [r.label, r.status]));
    if (key === last) return;
    last = key;
    window.__recordSteps(rows);
  };
  new MutationObserver(report).observe(document, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ["data-status"],
  });
}

test(
  "a model writes the problem: the steps tick in, and the workspace opens on it, proven",
  { timeout: 300_000 },
  async () => {
    const { body: generator } = await api("/api/generator");
    assert.equal(generator.provider, "openai-compatible");
    assert.equal(generator.model, MODEL);
    assert.match(generator.note, new RegExp(MODEL));

    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const snapshots = [];
    await context.exposeFunction("__recordSteps", (rows) => snapshots.push(rows));
    await context.addInitScript(watchSteps);
    const page = await context.newPage();
    const errors = [];
    page.on("pageerror", (error) => errors.push(error.message));

    await page.goto(server.baseUrl);
    const panel = page.getByRole("region", { name: "Generate a problem" });
    await panel.getByText(generator.note).waitFor();
    assert.match(await panel.innerText(), /Problems are written by fake-model/);
    await panel
      .getByRole("radiogroup", { name: "Category" })
      .getByRole("radio", { name: "Arrays & hashing", exact: true })
      .check();
    await panel
      .getByRole("radiogroup", { name: "Difficulty" })
      .getByRole("radio", { name: "Easy", exact: true })
      .check();
    await panel.getByRole("button", { name: "Generate", exact: true }).click();

    await page.waitForURL(/\/generate\/[^/]+$/);
    const generationId = new URL(page.url()).pathname.split("/").pop();
    const steps = page.getByRole("list", { name: "Steps" });
    // Under way: drafting has begun and the page is checked while it works.
    await steps.getByText("Drafting", { exact: false }).first().waitFor({ timeout: 60_000 });
    assert.deepEqual(await axeSeriousViolations(page), [], "the progress page, under way");
    await page.screenshot({ path: `${screenshotDir}/generation-llm-under-way.png` });

    // The problem opens by itself once ready; validation takes up to a minute on a loaded machine.
    await page.waitForURL(/\/problems\/[^/]+$/, { timeout: 180_000 });
    const problemId = new URL(page.url()).pathname.split("/").pop();

    const labelsOf = (rows) => rows.map((row) => row.label);
    const final = snapshots.at(-1);
    assert.ok(final, "the progress list was seen");
    const labels = labelsOf(final);
    const order = [
      "Queued",
      "Drafting",
      "Reference solutions",
      "Brute force agrees",
      "Wrong solutions rejected",
      "Ready",
    ];
    let from = 0;
    for (const label of order) {
      const at = labels.indexOf(label, from);
      assert.ok(at >= 0, `${label} after ${order[order.indexOf(label) - 1]}: ${labels}`);
      from = at + 1;
    }
    assert.equal(labels.at(-1), "Ready");
    assert.ok(!labels.includes("Repairing"), `the good draft needs no repair: ${labels}`);
    assert.ok(!labels.includes("Searching the bank"), `a model, not the bank: ${labels}`);
    assert.equal(labels.filter((l) => l === "Reference solutions").length, 3, `${labels}`);
    assert.ok(
      final.every((row) => row.status === "done"),
      `every step ticked: ${JSON.stringify(final)}`,
    );
    // Ticking in: the list grew while the page watched, the step under way marked current. Drafting
    // may be followed by Format within one stream poll; the stress step is not (the wrong solutions
    // take seconds after it).
    const lengths = snapshots.map((rows) => rows.length);
    assert.ok(
      lengths.some((n) => n > 1 && n < final.length),
      `steps arrived one after another, not all at once: ${lengths}`,
    );
    const lastRows = snapshots.map((rows) => `${rows.at(-1).label}/${rows.at(-1).status}`);
    assert.ok(
      lastRows.includes("Brute force agrees/current"),
      `the stress step was shown under way before the next: ${lastRows}`,
    );
    const readyText = final.at(-1).text;
    // The label once, then the server's words after its own "Ready:".
    assert.match(readyText, new RegExp(`^Ready\\s+${TITLE}, proven in 1 round`));
    assert.match(final[0].text, /^Queued\s+[\d.]+ s$/, "queued says its label once");
    const stress = final.find((row) => row.label === "Brute force agrees");
    assert.match(stress.text, /200/, "the stress step says how many inputs agreed");

    // The workspace, on the new problem, proven.
    await page.getByRole("heading", { level: 1, name: TITLE }).waitFor();
    const proven = page.getByRole("region", { name: /^Proven/ });
    await proven.scrollIntoViewIfNeeded();
    await proven.getByText("Passed", { exact: true }).first().waitFor({ timeout: 60_000 });
    const summary = proven.getByTestId("proven-summary");
    await summary.waitFor();
    assert.match(
      await summary.innerText(),
      /^3 reference solutions × \d+ tests · brute force agrees on 200 random inputs · \d+\/\d+ wrong solutions caught/,
    );
    await page.screenshot({ path: `${screenshotDir}/generation-llm-workspace.png` });

    // What the server says: ready, written by the model, that problem.
    const { body: generation } = await api(`/api/generations/${generationId}`);
    assert.equal(generation.state, "ready");
    assert.equal(generation.source, "llm");
    assert.equal(generation.problemId, problemId);
    assert.equal(generation.events.length, final.length, "the page showed every step once");
    const { body: problem } = await api(`/api/problems/${problemId}`);
    assert.equal(problem.title, TITLE);
    assert.equal(problem.category, "arrays-hashing");
    assert.equal(problem.difficulty, "easy");
    const { body: validation } = await api(`/api/problems/${problemId}/validation`);
    assert.equal(validation.status, "passed");

    // The fake model was asked once, for structured output under the draft's schema.
    assert.equal(completions.length, 1, `one completion request: ${completions.length}`);
    const [asked] = completions;
    assert.equal(asked.model, MODEL);
    assert.equal(asked.response_format?.type, "json_schema", JSON.stringify(asked.response_format));
    // Strict, under the draft's schema (Spring AI names it "json_schema" whatever the server asks).
    const format = asked.response_format.json_schema;
    assert.equal(format?.strict, true, JSON.stringify(format).slice(0, 300));
    assert.ok(
      format.schema?.properties?.title && format.schema.properties.wrongSolutions,
      "the draft's schema",
    );
    assert.deepEqual(
      asked.messages.map((m) => m.role),
      ["system", "user"],
    );
    assert.deepEqual(strays, [], "the server asked the fake nothing else");

    // A finished generation's page, opened again, waits for a click; checked in both themes.
    await page.goto(`${server.baseUrl}/generate/${generationId}`);
    await page.getByRole("button", { name: "Open problem" }).waitFor();
    assert.deepEqual(await axeSeriousViolations(page), [], "the progress page, ready");
    await page.getByRole("group", { name: "Theme" }).getByText("Dark").click();
    await page.waitForTimeout(300);
    assert.deepEqual(await axeSeriousViolations(page), [], "the progress page, ready, dark");
    await page.screenshot({
      path: `${screenshotDir}/generation-llm-ready-dark.png`,
      fullPage: true,
    });
    assert.deepEqual(errors, [], "no uncaught errors");
    await context.close();
  },
);
