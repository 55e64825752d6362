import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { launchBrowser, screenshotDir } from "./support/browser.mjs";
import { startServer } from "./support/server.mjs";
import { designProblem, listProblem, treeProblem } from "./support/typed-problems.mjs";
import { replaceCode } from "./support/workspace.mjs";

// Lists, trees and design tests as the workspace draws them after a real run in the sandbox: the
// expected and actual values drawn as what they are, and the parts that differ marked.

let server;
let browser;

before(async () => {
  // The bank is not what this file tests: validating it in the background would only slow the
  // imports and runs down.
  server = await startServer({
    env: { IMPROVIEW_PROBLEMS_VALIDATION_VALIDATEBANKONSTART: "false" },
  });
  browser = await launchBrowser();
  // One at a time: the server validates imports in a single background sandbox slot.
  for (const problem of [listProblem, treeProblem, designProblem]) {
    const response = await fetch(`${server.baseUrl}/api/problems`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(problem),
    });
    assert.equal(response.status, 201, `${problem.id}: ${await response.text()}`);
  }
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

async function openWorkspace(problem, language) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  // Generous: a loaded machine is slow to load the page and to start the sandbox.
  page.setDefaultTimeout(60_000);
  const errors = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto(`${server.baseUrl}/problems/${problem.id}`);
  await page.getByRole("heading", { level: 1, name: problem.title }).waitFor();
  await page.getByLabel("Language").selectOption(language);
  return { context, page, errors };
}

/** Replaces the code, runs the public tests and waits for this run's headline. */
async function run(page, code, headline) {
  await replaceCode(page, code);
  await page.getByRole("button", { name: "Run public tests" }).click();
  // The headline of this run, not of an earlier one: the earlier one is marked stale, then gone.
  await page
    .getByTestId("overall-verdict")
    .filter({ hasText: headline })
    .waitFor({ timeout: 120_000 });
  await page.getByTestId("stale-result").waitFor({ state: "detached" });
  await page
    .getByRole("button", { name: "Run public tests" })
    .and(page.locator(":not([disabled])"))
    .waitFor();
  return page.locator("#case-panel article");
}

/** What a sighted reader sees: the text without the words only a screen reader hears. */
function visibleText(locator) {
  return locator.evaluate((element) => {
    const copy = element.cloneNode(true);
    copy.querySelectorAll(".sr-only").forEach((hidden) => hidden.remove());
    return copy.textContent.replace(/\s+/g, " ").trim();
  });
}

/** Each highlighted part under `locator`: its visible text and how it differs. */
function marks(locator) {
  return locator.locator("mark").evaluateAll((all) =>
    all.map((mark) => {
      const copy = mark.cloneNode(true);
      copy.querySelectorAll(".sr-only").forEach((hidden) => hidden.remove());
      return [copy.textContent, mark.dataset.mark];
    }),
  );
}

/** The marked nodes of a tree drawing, in drawing order (left to right), and how they differ. */
function drawnMarks(drawing) {
  return drawing
    .locator("g[data-mark]")
    .evaluateAll((all) => all.map((node) => [node.textContent, node.dataset.mark]));
}

test("a linked list is drawn with arrows, the wrong nodes marked, and a correct reversal passes", async () => {
  const { context, page, errors } = await openWorkspace(listProblem, "javascript");

  // Returns the list as it came: 1 → 2 → 3 instead of 3 → 2 → 1.
  const card = await run(
    page,
    "function reverseChain(head) {\n  return head;\n}\n",
    "Wrong answer",
  );
  assert.equal(await card.getAttribute("aria-label"), "Test 1");
  assert.equal(await card.getAttribute("data-verdict"), "WRONG_ANSWER");
  assert.equal(await visibleText(card.locator("dt:text-is('Input') + dd")), "head = 1 → 2 → 3");
  const expected = card.getByTestId("expected-value").getByTestId("list-value");
  const actual = card.getByTestId("actual-value").getByTestId("list-value");
  assert.equal(await visibleText(expected), "3 → 2 → 1");
  assert.equal(await visibleText(actual), "1 → 2 → 3");
  // The ends differ, the middle node is right where it should be.
  assert.deepEqual(await marks(expected), [
    ["3", "differs"],
    ["1", "differs"],
  ]);
  assert.deepEqual(await marks(actual), [
    ["1", "differs"],
    ["3", "differs"],
  ]);
  assert.match(await actual.textContent(), /^linked list: \(differs: 1\)/, "announced as such");
  await card.screenshot({ path: `${screenshotDir}/value-views-list.png` });

  const passed = await run(
    page,
    listProblem.solutions.javascript,
    `All ${listProblem.publicTests.length} public tests passed`,
  );
  assert.equal(await passed.getAttribute("data-verdict"), "PASSED");
  assert.equal(await visibleText(passed.getByTestId("actual-value")), "3 → 2 → 1");
  assert.equal(await passed.locator("mark").count(), 0, "nothing marked");
  assert.deepEqual(errors, [], "no uncaught errors in the page");
  await context.close();
});

test("a list whose last node links back is drawn with its loop, and runs as one in the sandbox", async () => {
  // The bank's problem: its arguments are lists that loop back, built by the harness.
  const problem = { id: "loop-entry-and-length", title: "Where the Chain Loops Back" };
  const { context, page, errors } = await openWorkspace(problem, "javascript");

  const example = page.getByRole("region", { name: "Examples" }).getByTestId("list-value").first();
  assert.equal(await visibleText(example), "3 → 2 → 0 → -4 ↺ 2");
  assert.equal(
    await example.getByTestId("list-cycle").getAttribute("title"),
    "the last node links back to the node at index 1 (value 2)",
  );
  // Values repeat in such lists: the node linked back to is marked, not only named.
  assert.equal(await example.getByTestId("list-cycle-target").textContent(), "2");

  // Walks the list with a step cap instead of by identity: a real cycle reaches the cap.
  const capped =
    "function findLoop(head) {\n  let steps = 0;\n  for (let n = head; n !== null; n = n.next) {\n" +
    "    if (++steps > 1000) return [steps, 0];\n  }\n  return [-1, 0];\n}\n";
  const card = await run(page, capped, "Wrong answer");
  // The argument gets a row of its own, so the node linked back to can be marked there too.
  const input = card.locator("dt:text-is('Input') + dd").getByTestId("list-value");
  assert.equal(await visibleText(input), "3 → 2 → 0 → -4 ↺ 2");
  assert.equal(await input.getByTestId("list-cycle-target").textContent(), "2");
  assert.equal(await visibleText(card.getByTestId("actual-value")), "[1001,0]");

  const solution =
    "function findLoop(head) {\n  const seen = new Map();\n  let n = head;\n" +
    "  for (; n !== null && !seen.has(n); n = n.next) seen.set(n, seen.size);\n" +
    "  return n === null ? [-1, 0] : [seen.get(n), seen.size - seen.get(n)];\n}\n";
  const passed = await run(page, solution, "All 5 public tests passed");
  assert.equal(await passed.getAttribute("data-verdict"), "PASSED");
  assert.deepEqual(errors, [], "no uncaught errors in the page");
  await context.close();
});

test("a tree is drawn beside its level-order array, the wrong nodes marked in both", async () => {
  const { context, page, errors } = await openWorkspace(treeProblem, "javascript");

  // Mirrors the old right subtree but not the old left one: under 2, 1 and 3 stay in place.
  const wrong =
    "function mirrorTree(root) {\n  if (root === null) return null;\n  const left = root.left;\n" +
    "  root.left = mirrorTree(root.right);\n  root.right = left;\n  return root;\n}\n";
  const card = await run(page, wrong, "Wrong answer");
  assert.equal(await card.getAttribute("aria-label"), "Test 1");
  const sides = {
    expected: { array: "[4,7,2,9,6,3,1]", marked: ["3", "1"] },
    actual: { array: "[4,7,2,9,6,1,3]", marked: ["1", "3"] },
  };
  for (const [side, want] of Object.entries(sides)) {
    const tree = card.getByTestId(`${side}-value`).getByTestId("tree-value");
    const drawing = tree.getByRole("img");
    assert.equal(
      await drawing.getAttribute("aria-label"),
      "Drawing of a tree with 7 nodes, 2 marked",
      side,
    );
    assert.equal(await drawing.evaluate((svg) => svg.tagName), "svg", side);
    assert.equal(await drawing.locator("g").count(), 7, `${side}: every node drawn`);
    const differs = want.marked.map((label) => [label, "differs"]);
    assert.deepEqual(await drawnMarks(drawing), differs, `${side}: the drawing marks`);
    const array = tree.locator("code");
    assert.equal(await visibleText(array), want.array, side);
    assert.deepEqual(await marks(array), differs, `${side}: the array marks`);
    // Beside: the array starts to the right of the drawing, on the drawing's rows.
    const drawn = await drawing.boundingBox();
    const written = await array.boundingBox();
    assert.ok(written.x >= drawn.x + drawn.width, `${side}: the array is right of the drawing`);
    assert.ok(written.y < drawn.y + drawn.height, `${side}: the array is beside, not below`);
    await tree.screenshot({ path: `${screenshotDir}/value-views-tree-${side}.png` });
  }

  await page.getByLabel("Language").selectOption("python");
  const passed = await run(
    page,
    treeProblem.solutions.python,
    `All ${treeProblem.publicTests.length} public tests passed`,
  );
  const tree = passed.getByTestId("actual-value").getByTestId("tree-value");
  assert.equal(
    await tree.getByRole("img").getAttribute("aria-label"),
    "Drawing of a tree with 7 nodes",
  );
  assert.equal(await visibleText(tree.locator("code")), "[4,7,2,9,6,3,1]");
  assert.equal(await passed.locator("mark, g[data-mark]").count(), 0, "nothing marked");
  assert.deepEqual(errors, [], "no uncaught errors in the page");
  await context.close();
});

test("a design test is a table of calls, the first wrong call named and its row marked", async () => {
  const { context, page, errors } = await openWorkspace(designProblem, "javascript");

  // Off by one: a hit exactly `window` ago still counts.
  const wrong = designProblem.solutions.javascript.replace(
    "this.hits[this.first] <= at - this.window",
    "this.hits[this.first] < at - this.window",
  );
  assert.notEqual(wrong, designProblem.solutions.javascript);
  const card = await run(page, wrong, "Wrong answer");
  assert.equal(await card.getAttribute("aria-label"), "Test 1");
  const [ops] = designProblem.publicTests[0].args;

  const table = card.getByRole("table", { name: "Calls of test 1" });
  assert.deepEqual(await table.locator("thead th").allInnerTexts(), [
    "#",
    "Call",
    "Expected",
    "Output",
  ]);
  const rows = table.locator("tbody tr");
  assert.equal(await rows.count(), ops.length, "one row per call");
  assert.deepEqual(await rows.getByRole("rowheader").allInnerTexts(), [
    "HitCounter(300)",
    "hit(1)",
    "hit(2)",
    "countSince(301)",
    "hit(400)",
    "countSince(650)",
  ]);
  const differing = table.locator("tbody tr[data-differs]");
  assert.equal(await differing.count(), 1, "only the wrong call's row is marked");
  assert.equal(await differing.getByRole("rowheader").innerText(), "countSince(301)");
  const cells = differing.locator("td");
  assert.equal(await visibleText(cells.nth(0)), "4");
  assert.equal(await visibleText(cells.nth(1)), "1");
  assert.equal(await visibleText(cells.nth(2)), "2");
  assert.deepEqual(await marks(cells.nth(1)), [["1", "differs"]]);
  assert.deepEqual(await marks(cells.nth(2)), [["2", "differs"]]);
  assert.match(await cells.nth(0).textContent(), /^4, differs$/, "announced as differing");
  // The last call returns the right count: its row is not marked.
  assert.equal(await rows.nth(5).getAttribute("data-differs"), null);
  assert.equal(await visibleText(rows.nth(5).locator("td").nth(2)), "1");

  assert.equal(
    await visibleText(card.getByTestId("first-difference")),
    "Call 4, countSince(301): expected 1, got 2",
  );
  // The server's judge says the same in its note.
  assert.equal(
    await card.locator("dt:text-is('Message') + dd").innerText(),
    "call 4, countSince(301): expected 1, got 2",
  );
  await card.screenshot({ path: `${screenshotDir}/value-views-design.png` });

  await page.getByLabel("Language").selectOption("python");
  const passed = await run(
    page,
    designProblem.solutions.python,
    `All ${designProblem.publicTests.length} public tests passed`,
  );
  const calls = passed.getByRole("table", { name: "Calls of test 1" });
  assert.equal(await calls.locator("tbody tr").count(), ops.length);
  assert.equal(await calls.locator("tbody tr[data-differs]").count(), 0);
  assert.equal(await passed.getByTestId("first-difference").count(), 0);
  assert.deepEqual(errors, [], "no uncaught errors in the page");
  await context.close();
});
