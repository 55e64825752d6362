import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import AxeBuilder from "@axe-core/playwright";
import { launchBrowser, screenshotDir, settle } from "./support/browser.mjs";
import { startServer } from "./support/server.mjs";
import { bankProblem, editor, replaceCode } from "./support/workspace.mjs";

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

async function axeSeriousViolations(page) {
  await settle(page);
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

async function runAndWait(page) {
  await page.getByRole("button", { name: "Run public tests" }).click();
  const verdict = page.getByTestId("overall-verdict");
  await page
    .getByRole("button", { name: "Run public tests" })
    .and(page.locator(":not([disabled])"))
    .waitFor();
  await verdict.waitFor();
  return (await verdict.innerText()).trim();
}

test("solve in Python with Vim, see a wrong answer, reveal a hint, reload and keep the code", async () => {
  const all = await (await fetch(`${server.baseUrl}/api/problems`)).json();
  const summaries = all.filter((p) => p.difficulty === "easy");
  let problem;
  for (const summary of summaries) {
    const detail = await (await fetch(`${server.baseUrl}/api/problems/${summary.id}`)).json();
    if (detail.signature.returns === "int" && detail.hintCount > 0) {
      problem = detail;
      break;
    }
  }
  assert.ok(problem, "an easy problem returning int with hints");
  const reference = bankProblem(problem.id).solutions.python;
  const lines = reference.trimEnd().split("\n");
  const half = Math.ceil(lines.length / 2);
  const firstPart = lines.slice(0, half).join("\n") + "\n";
  const secondPart = lines.slice(half).join("\n") + "\n";

  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto(`${server.baseUrl}/problems/${problem.id}`);
  await page.getByRole("heading", { level: 1, name: problem.title }).waitFor();

  await page.getByLabel("Language").selectOption("python");
  await replaceCode(page, firstPart);

  // The rest with Vim on: insert mode, type, back to normal mode.
  const vim = page.getByRole("button", { name: "Vim" });
  await vim.click();
  assert.equal(await vim.getAttribute("aria-pressed"), "true");
  const content = await editor(page);
  await content.focus();
  await page.locator(".cm-vim-panel").waitFor();
  await page.keyboard.press("i");
  await page.keyboard.insertText(secondPart);
  await page.keyboard.press("Escape");
  assert.equal(
    (await content.innerText()).replace(/\u200b/g, "").trim(),
    reference.trim(),
    "the editor holds the typed solution",
  );

  assert.equal(
    await runAndWait(page),
    problem.publicTests.length === 1
      ? "The public test passed"
      : `All ${problem.publicTests.length} public tests passed`,
    "a run says what passed; only a submission is accepted",
  );
  const cases = page.getByRole("tablist", { name: "Test results" }).getByRole("tab");
  assert.equal(await cases.count(), problem.publicTests.length, "one tab per public test");
  assert.equal(
    await page.locator('[role="tab"][data-verdict="PASSED"]').count(),
    problem.publicTests.length,
    "every public test passes",
  );

  // A wrong answer: Vim off (Ctrl+A means "increment" in Vim), then replace the code.
  await vim.click();
  const name = /def (\w+)\(([^)]*)\)/.exec(reference);
  const wrong = `def ${name[1]}(${name[2]}):\n    return -987654321\n`;
  await replaceCode(page, wrong);
  assert.equal(await runAndWait(page), "Wrong answer");
  const failing = page.locator('article[data-verdict="WRONG_ANSWER"]').first();
  const text = await failing.innerText();
  assert.match(text, /Expected/);
  assert.match(text, /Output\s*(\(differs:\s*)?-987654321/);
  assert.ok(
    text.includes(JSON.stringify(problem.publicTests[0].expected)) ||
      problem.publicTests.some((t) => text.includes(JSON.stringify(t.expected))),
    "the expected value is shown",
  );
  assert.ok((await failing.locator("mark").count()) > 0, "the difference is marked");

  // A hint, recorded by the server.
  await page.getByRole("tab", { name: /Hints/ }).click();
  await page.getByRole("button", { name: /Reveal hint 1/ }).click();
  const hints = page.getByRole("list", { name: "Revealed hints" }).getByRole("listitem");
  await hints.first().waitFor();
  assert.equal(await hints.count(), 1);

  await page.screenshot({ path: `${screenshotDir}/workspace-light.png` });
  await page.getByRole("group", { name: "Theme" }).getByText("Dark").click();
  await page.waitForTimeout(300); // colour transitions settle
  await page.screenshot({ path: `${screenshotDir}/workspace-dark.png` });

  // Reload: the language, the draft and the revealed hint are all still there.
  await page.reload();
  await page.getByRole("heading", { level: 1, name: problem.title }).waitFor();
  assert.equal(await page.getByLabel("Language").inputValue(), "python");
  const restored = await editor(page);
  assert.match(await restored.innerText(), /return -987654321/);
  await page.getByRole("tab", { name: /Hints/ }).click();
  await page.getByRole("list", { name: "Revealed hints" }).getByRole("listitem").first().waitFor();
  assert.deepEqual(errors, [], "no uncaught errors in the page");
  await context.close();
});

test("custom arguments are checked before sending and run against the reference", async () => {
  const problem = await (
    await fetch(`${server.baseUrl}/api/problems/bracket-nesting-depth`)
  ).json();
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${server.baseUrl}/problems/${problem.id}`);
  await page.getByRole("heading", { level: 1, name: problem.title }).waitFor();
  await page.getByLabel("Language").selectOption("javascript");
  await replaceCode(page, bankProblem(problem.id).solutions.javascript);

  await page.getByRole("button", { name: "+ Add case" }).click();
  const field = page.getByLabel(/^s \(string\)/);
  await field.fill("no quotes");
  await page.getByRole("button", { name: "Run your cases" }).click();
  await page
    .getByText('s: not valid JSON (strings need double quotes, e.g. "no quotes")')
    .waitFor();
  assert.equal(await field.getAttribute("aria-invalid"), "true");

  await field.fill('"(a[b]c)"');
  await page.getByRole("button", { name: "Run your cases" }).click();
  await page.getByTestId("overall-verdict").waitFor();
  const card = page.getByRole("article", { name: "Custom case 1" });
  const text = await card.innerText();
  assert.match(text, /Reference\s*2/);
  assert.match(text, /Your output\s*2/);
  await context.close();
});

test("syntax errors in JavaScript and Java compiler errors are marked in the editor", async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${server.baseUrl}/problems/bracket-nesting-depth`);
  await page.getByRole("heading", { level: 1 }).waitFor();

  await page.getByLabel("Language").selectOption("javascript");
  await replaceCode(page, "function bracketNestingDepth(s) {\n  return (1 + ;\n}\n");
  await page.locator(".cm-lintRange-error").first().waitFor();

  await page.getByLabel("Language").selectOption("java");
  await replaceCode(
    page,
    "class Solution {\n  public int bracketNestingDepth(String s) {\n    return undefinedThing;\n  }\n}\n",
  );
  assert.equal(await runAndWait(page), "Compile error");
  assert.match(
    await page.getByRole("list", { name: "Diagnostics" }).innerText(),
    /line 3.*undefinedThing/s,
  );
  const marked = page.locator(".cm-lintRange-error");
  await marked.first().waitFor();
  assert.deepEqual(
    await marked.allInnerTexts(),
    ["undefinedThing"],
    "the error is mapped onto its line",
  );
  await context.close();
});

test("home and workspace have no serious accessibility violations", async () => {
  // axe needs a page from an explicit context.
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(server.baseUrl);
  await page.locator("table tbody tr").first().waitFor();
  assert.deepEqual(await axeSeriousViolations(page), [], "home");

  await page.goto(`${server.baseUrl}/problems/bracket-nesting-depth`);
  await page.getByRole("heading", { level: 1 }).waitFor();
  assert.deepEqual(await axeSeriousViolations(page), [], "workspace, light");
  await editor(page);
  await page.getByRole("group", { name: "Theme" }).getByText("Dark").click();
  await page.waitForTimeout(300);
  assert.deepEqual(await axeSeriousViolations(page), [], "workspace with the editor, dark");
  await context.close();
});

test("the Proven panel says how a bank problem's tests were proven, once the server has validated it", async () => {
  const id = "first-repeated-badge-scan";
  const document = bankProblem(id);
  const tests =
    document.publicTests.length + document.hiddenTests.length + document.examples.length;
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${server.baseUrl}/problems/${id}`);
  await page.getByRole("heading", { level: 1, name: document.title }).waitFor();
  const panel = page.getByRole("region", { name: /^Proven/ });
  await panel.scrollIntoViewIfNeeded();
  // The bank is validated in the background after start-up; the panel polls while it is pending.
  const summary = panel.getByTestId("proven-summary");
  await summary.waitFor({ timeout: 300_000 });
  assert.match(
    await summary.innerText(),
    new RegExp(
      `^3 reference solutions × ${tests} tests · brute force agrees on 200 random inputs · ` +
        `${document.wrongSolutions.length}/${document.wrongSolutions.length} wrong solutions caught · ` +
        "mutation score 100% · limits JS [\\d.]+ m?s, Python [\\d.]+ m?s, Java [\\d.]+ m?s$",
    ),
  );
  await panel.getByText("10 checks").click();
  const checks = panel.getByRole("list", { name: "Validation checks" }).getByRole("listitem");
  assert.equal(await checks.count(), 10);
  assert.match(await checks.nth(5).innerText(), /Passed\s*stress\s*the brute force and all 3/);
  assert.deepEqual(await axeSeriousViolations(page), [], "the Proven panel open, light");
  await page.getByRole("group", { name: "Theme" }).getByText("Dark").click();
  await page.waitForTimeout(300);
  await panel.screenshot({ path: `${screenshotDir}/proven-panel-dark.png` });
  assert.deepEqual(await axeSeriousViolations(page), [], "the Proven panel open, dark");

  // On a phone the problem pane comes first, the panel under the statement fits its width.
  await page.setViewportSize({ width: 390, height: 844 });
  await panel.scrollIntoViewIfNeeded();
  const box = await panel.boundingBox();
  assert.ok(box && box.x >= 0 && box.x + box.width <= 390, "the panel fits a phone's width");
  await context.close();
});
