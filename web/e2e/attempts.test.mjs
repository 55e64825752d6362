// Submit a correct solution, see it accepted, then find the attempt in the history and its detail.
// Written against docs/api.md (Submissions, History and stats); needs the server side of them.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { launchBrowser, screenshotDir } from "./support/browser.mjs";
import { startServer } from "./support/server.mjs";
import { bankProblem, replaceCode } from "./support/workspace.mjs";

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

test("submit a correct solution, see Accepted, find the attempt in the history", async () => {
  const [summary] = await (await fetch(`${server.baseUrl}/api/problems?difficulty=easy`)).json();
  assert.ok(summary, "an easy problem in the bank");
  const reference = bankProblem(summary.id).solutions.javascript;

  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto(`${server.baseUrl}/problems/${summary.id}`);
  await page.getByRole("heading", { level: 1, name: summary.title }).waitFor();
  await page.getByLabel("Language").selectOption("javascript");

  const submit = page.getByRole("button", { name: "Submit for judging on every test" });
  await submit.and(page.locator(":not([disabled])")).waitFor(); // the attempt is open
  await replaceCode(page, reference);
  await submit.click();

  const verdict = page.getByTestId("submission-verdict");
  await verdict.waitFor({ timeout: 60_000 });
  assert.equal((await verdict.innerText()).trim(), "Accepted");
  const facts = await page.getByTestId("submission-facts").innerText();
  assert.match(facts, /^Time \d+:\d\d, within the \d+ min estimate/);
  await page.getByText(/No hints used · solution not opened/).waitFor();

  // The Submissions tab lists it.
  await page.getByRole("tab", { name: "Submissions" }).click();
  const listed = page.getByRole("list", { name: "Submissions" }).getByRole("listitem");
  await listed.first().waitFor();
  assert.equal(await listed.count(), 1);
  assert.match(await listed.first().innerText(), /Accepted/);
  await page.screenshot({ path: `${screenshotDir}/submission-accepted.png` });

  // History: the attempt with its time, hints and solution flag.
  await page.getByRole("link", { name: "History", exact: true }).first().click();
  await page.getByRole("heading", { level: 1, name: "History" }).waitFor();
  const row = page.getByRole("row").filter({ hasText: summary.title });
  await row.waitFor();
  const cells = await row.getByRole("cell").allInnerTexts();
  assert.ok(cells.includes("Accepted"), `verdict in ${cells}`);
  assert.ok(
    cells.some((c) => /^\d+:\d\d \/ \d+ min$/.test(c)),
    `time / estimate in ${cells}`,
  );
  assert.ok(cells.includes("0"), `no hints in ${cells}`);
  assert.ok(cells.includes("—"), `solution not opened in ${cells}`);
  await page.getByTestId("solve-time-chart").waitFor();
  await page.screenshot({ path: `${screenshotDir}/history.png` });

  // An unknown filter value in a link is ignored, not an error.
  await page.goto(`${server.baseUrl}/attempts?verdict=SANDBOX_LOST&state=open`);
  await page.getByRole("heading", { level: 1, name: "History" }).waitFor();
  await page.getByText("No attempts match these filters.").waitFor();
  await page.goto(`${server.baseUrl}/attempts`);

  // The detail: header facts, the timeline and the submission's per-test results.
  await page.getByRole("link", { name: summary.title }).first().click();
  await page.getByRole("heading", { level: 1, name: summary.title }).waitFor();
  const summaryText = await page.getByTestId("attempt-summary").innerText();
  assert.match(summaryText, /Time\s*\d+:\d\d, within the \d+ min estimate/);
  assert.match(summaryText, /Hints\s*no hints/);
  assert.match(summaryText, /Solution\s*not opened/);
  const timeline = await page.getByRole("list", { name: "Timeline" }).innerText();
  assert.match(timeline, /Opened/);
  assert.match(timeline, /Submitted/);
  assert.match(timeline, /Accepted, (\d+) of \1 tests/);
  const card = page.getByRole("article", { name: "Submission 1" });
  assert.ok((await card.locator('tr[data-verdict="PASSED"]').count()) > 0, "per-test results");
  assert.equal(await card.locator('tr[data-verdict]:not([data-verdict="PASSED"])').count(), 0);
  await page.screenshot({ path: `${screenshotDir}/attempt-detail.png` });

  assert.deepEqual(errors, [], "no uncaught errors in the page");
  await context.close();
});
