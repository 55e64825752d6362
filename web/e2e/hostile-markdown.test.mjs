import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, test } from "node:test";
import AxeBuilder from "@axe-core/playwright";
import { launchBrowser, screenshotDir, settle } from "./support/browser.mjs";
import { startServer } from "./support/server.mjs";

// A bank problem whose solutions pass its tests, with its text replaced by markdown built to crash
// the renderer (deep quotes, runs of `**`), stall it (spaced `_`) or smuggle links off the site.
const template = JSON.parse(
  readFileSync(
    new URL(
      "../../src/main/resources/bank/dynamic-programming/two-printer-finishing-time.json",
      import.meta.url,
    ),
    "utf8",
  ),
);

const offSite = [
  "//evil.example/a",
  "/\\evil.example/b",
  "\\\\evil.example/c",
  "/%5Cevil.example/d",
  "\u0001//evil.example/e",
  "JaVaScRiPt:alert(1)",
  "data:text/html,hi",
];
const links = offSite.map((target, i) => `[hostile ${i}](${target})`).join(" ");
const external = "[the docs](https://example.org/docs)";
// The statement may hold 20000 characters: each part is sized to crash or stall a markdown parser
// (web/src/lib/markdown-limits.ts bounds what it reads). The run of ** follows a letter, so it is
// a run of emphasis markers rather than a thematic break.
const statement = [
  "Two printers, hostile text. " + external,
  "> ".repeat(4800) + "deepest quote",
  "x" + "**".repeat(4700),
  "x" + " _".repeat(200),
  links,
].join("\n\n");
const problem = {
  ...template,
  id: "hostile-markdown-statement",
  title: "Hostile Markdown Statement",
  statement,
  hints: ["**".repeat(240) + " " + links, ...template.hints.slice(1)],
  solutionExplanation: "x" + " _".repeat(4999),
};

let server;
let browser;

before(async () => {
  assert.ok(statement.length <= 20000, `statement is ${statement.length} characters`);
  server = await startServer();
  browser = await launchBrowser();
  const response = await fetch(`${server.baseUrl}/api/problems`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(problem),
  });
  assert.equal(response.status, 201, await response.text());
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

/** Every link on the page: where it points and how it opens. */
function anchors(page) {
  return page.locator("a[href]").evaluateAll((all) =>
    all.map((a) => ({
      href: a.href,
      origin: new URL(a.href).origin,
      target: a.target,
      rel: a.rel,
    })),
  );
}

/** How long the page takes to answer: a stalled main thread cannot. */
async function roundTrip(page) {
  const start = Date.now();
  await page.evaluate(() => document.title);
  return Date.now() - start;
}

async function assertNoLinkLeavesUnmarked(page, where) {
  for (const link of await anchors(page)) {
    if (link.origin === new URL(server.baseUrl).origin) continue;
    assert.equal(link.href, "https://example.org/docs", `${where}: ${link.href} leaves the site`);
    assert.equal(link.target, "_blank", where);
    assert.equal(link.rel, "noopener noreferrer nofollow", where);
  }
}

test("a statement built to crash, stall or leave the site renders, and the page stays usable", async () => {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto(`${server.baseUrl}/problems/${problem.id}`);

  await page.getByRole("heading", { level: 1, name: problem.title }).waitFor();
  await page.getByRole("region", { name: "Code editor" }).getByTestId("editor-preview").waitFor();
  const description = page.getByRole("article", { name: "Description" });
  await description.getByText("deepest quote").waitFor();
  assert.ok((await roundTrip(page)) < 1000, "the page answers at once");

  const text = await page.locator("body").innerText();
  assert.doesNotMatch(text, /Maximum call stack|could not be displayed/);
  assert.ok(text.includes("**".repeat(4700)), "the run of ** shows as text");
  assert.ok(text.includes("[hostile 0](//evil.example/a)"), "a refused link shows as text");
  const overflow = await description.evaluate((el) => el.scrollWidth - el.clientWidth);
  assert.ok(overflow <= 1, `the run of ** wraps instead of widening the pane by ${overflow}px`);
  // Markdown reads the target `\\\\evil.example/c` as one escaped backslash: a path on this site.
  const hrefs = await description.getByRole("link").evaluateAll((all) => all.map((a) => a.href));
  assert.deepEqual(
    hrefs.filter((href) => new URL(href).origin !== new URL(server.baseUrl).origin),
    ["https://example.org/docs"],
    "only the http(s) link leaves the site",
  );
  await assertNoLinkLeavesUnmarked(page, "statement");
  await page.screenshot({ path: `${screenshotDir}/hostile-markdown.png` });

  await page.getByRole("tab", { name: /Hints/ }).click();
  await page.getByRole("button", { name: /Reveal hint 1/ }).click();
  const hint = page.getByRole("list", { name: "Revealed hints" }).getByRole("listitem").first();
  await hint.waitFor();
  assert.ok((await hint.innerText()).includes("[hostile 0](//evil.example/a)"));
  await assertNoLinkLeavesUnmarked(page, "hint");

  await page.getByRole("tab", { name: "Solution" }).click();
  await page.getByRole("button", { name: "Show example solution" }).click();
  await page.getByRole("button", { name: "Show solution" }).click();
  await page.getByText("x _ _ _ _").waitFor();
  assert.ok((await roundTrip(page)) < 1000, "the page answers at once after the explanation");

  assert.deepEqual(errors, [], "no uncaught errors in the page");
  await context.close();
});

test("the hostile statement has no serious accessibility violations", async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${server.baseUrl}/problems/${problem.id}`);
  await page.getByRole("heading", { level: 1, name: problem.title }).waitFor();
  await settle(page);
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  assert.deepEqual(serious, []);
  await context.close();
});

test("a problem that cannot be loaded shows its error inside the layout", async () => {
  const page = await browser.newPage();
  await page.goto(`${server.baseUrl}/problems/no-such-problem`);
  await page
    .getByRole("alert")
    .getByRole("heading", { name: "This problem does not exist" })
    .waitFor();
  assert.ok(await page.getByRole("navigation", { name: "Main" }).isVisible(), "the header stays");
  assert.ok(
    await page.getByRole("alert").getByRole("link", { name: "See all problems" }).isVisible(),
    "a way back",
  );
  await page.close();
});
