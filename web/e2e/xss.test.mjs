// A problem whose every text field carries script payloads, and a run whose output prints them:
// nothing runs in the browser, the rendered page holds no script, handler attribute or script link,
// and the payloads read as text. hostile-markdown.test.mjs covers the statement's links and the
// renderer's limits; this covers the other surfaces: title, hints, constraints, examples, the
// example solution's code and explanation, and a run's stdout and stderr.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, test } from "node:test";
import { launchBrowser, screenshotDir } from "./support/browser.mjs";
import { startServer } from "./support/server.mjs";
import { replaceCode } from "./support/workspace.mjs";

const template = JSON.parse(
  readFileSync(
    new URL(
      "../../src/main/resources/bank/dynamic-programming/two-printer-finishing-time.json",
      import.meta.url,
    ),
    "utf8",
  ),
);

// Each would set window.__xss if it ever became markup or ran; the trap below records that.
const payloads = [
  `<img src=x onerror="window.__xss='img'">`,
  `<script>window.__xss='script'</script>`,
  `<svg onload="window.__xss='svg'"><circle r="1"/></svg>`,
  `<iframe srcdoc="<script>parent.__xss='iframe'</script>"></iframe>`,
  `&lt;img src=x onerror=window.__xss='entity'&gt;`,
  `<a href="jav&#x61;script:window.__xss='entity-link'">entity link</a>`,
  `<details open ontoggle="window.__xss='details'">x</details>`,
];
const markdownPayloads = [
  `[md link](javascript:window.__xss='md-link')`,
  `[md entity](jav&#x61;script&#58;window.__xss='md-entity')`,
  `![md image](x" onerror="window.__xss='md-image')`,
];
// Markdown reads character references (CommonMark), so there the entity payload reads decoded: as
// text still, never as a tag. Raw HTML, code and output show exactly what was written.
const inMarkdown = (payload) =>
  payload.startsWith("&lt;") ? payload.replace("&lt;", "<").replace("&gt;", ">") : payload;
const all = payloads.join(" ") + " " + markdownPayloads.join(" ");

const reference = template.solutions.python;
const functionName = /def (\w+)\(/.exec(reference)[1];

const problem = {
  ...template,
  id: "xss-everywhere",
  title: `XSS ${payloads[0]} ${payloads[1]}`,
  statement: `The statement. ${all}\n\n${payloads.join("\n\n")}`,
  hints: template.hints.map((hint, i) => `${hint} ${payloads[i % payloads.length]} ${all}`),
  constraints: [
    ...template.constraints,
    `No script: ${payloads.join(" ")}`,
    `No link: ${markdownPayloads.join(" ")}`,
  ],
  examples: template.examples.map((example) => ({ ...example, explanation: `Why: ${all}` })),
  solutions: {
    ...template.solutions,
    python: `# ${payloads.join("\n# ")}\n${reference}`,
  },
  solutionExplanation: `${template.solutionExplanation}\n\n${all}`,
};

// The user's code: right, and printing every payload to stdout and stderr on each test.
const printing =
  `import sys\n${reference}\n_solve = ${functionName}\n\n` +
  `def ${functionName}(durations):\n` +
  payloads
    .map(
      (p) => `    print(${JSON.stringify(p)})\n    print(${JSON.stringify(p)}, file=sys.stderr)\n`,
    )
    .join("") +
  `    return _solve(durations)\n`;

let server;
let browser;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  // Local mode: the local account has every role, so it may import problems.
  const me = await (await fetch(`${server.baseUrl}/api/me`)).json();
  assert.ok(me.roles.includes("admin"), JSON.stringify(me));
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

/** What in `root` could run script: script elements, on* attributes, script: or data: links. */
function dangerous(locator) {
  return locator.evaluateAll((roots) => {
    const found = [];
    for (const root of roots) {
      for (const el of [root, ...root.querySelectorAll("*")]) {
        const tag = el.tagName.toLowerCase();
        if (["script", "iframe", "object", "embed", "frame"].includes(tag)) found.push(`<${tag}>`);
        for (const { name, value } of el.attributes) {
          if (name.startsWith("on")) found.push(`${tag}[${name}]`);
          if (name === "srcdoc") found.push(`${tag}[srcdoc]`);
          // Browsers drop whitespace and control characters inside a scheme.
          const squashed = [...value]
            .filter((c) => c.charCodeAt(0) > 0x20)
            .join("")
            .toLowerCase();
          if (
            ["href", "src", "action", "formaction", "xlink:href"].includes(name) &&
            /^(javascript|vbscript|data):/.test(squashed)
          ) {
            found.push(`${tag}[${name}=${value}]`);
          }
        }
      }
    }
    return found;
  });
}

test("script payloads in every field of a problem and in a run's output stay text", async () => {
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
  // In every frame, before any of the page's code: assigning window.__xss is recorded, not kept.
  await context.addInitScript(() => {
    const hits = [];
    Object.defineProperty(window, "__xssHits", { value: hits });
    Object.defineProperty(window, "__xss", {
      configurable: false,
      get: () => undefined,
      set: (value) => {
        hits.push(String(value));
      },
    });
  });
  const page = await context.newPage();
  const dialogs = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const errors = [];
  page.on("pageerror", (error) => errors.push(error.message));
  const violations = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  const hits = async () =>
    (
      await Promise.all(
        page.frames().map((frame) => frame.evaluate(() => window.__xssHits ?? []).catch(() => [])),
      )
    ).flat();

  await page.goto(`${server.baseUrl}/problems/${problem.id}`);
  await page.getByRole("heading", { level: 1, name: problem.title }).waitFor();
  const description = page.getByRole("article", { name: "Description" });
  await description.getByText("Why:").first().waitFor();
  const described = await description.innerText();
  for (const payload of payloads) {
    assert.ok(described.includes(inMarkdown(payload)), `the statement shows ${payload} as text`);
  }
  assert.ok(described.includes("No script:"), "the constraint shows");
  assert.deepEqual(await dangerous(page.locator("body")), [], "statement");
  assert.match(await page.title(), /XSS <img src=x onerror=/, "the title is text in the tab too");

  // Every hint.
  await page.getByRole("tab", { name: /Hints/ }).click();
  for (let i = 1; i <= problem.hints.length; i++) {
    await page.getByRole("button", { name: new RegExp(`Reveal hint ${i}`) }).click();
  }
  const revealed = page.getByRole("list", { name: "Revealed hints" }).getByRole("listitem");
  await revealed.nth(problem.hints.length - 1).waitFor();
  const hintText = (await revealed.allInnerTexts()).join("\n");
  for (const payload of payloads) {
    assert.ok(hintText.includes(inMarkdown(payload)), `a hint shows ${payload}`);
  }
  assert.deepEqual(await dangerous(page.locator("body")), [], "hints");

  // The example solution: its code (highlighted) and its explanation.
  await page.getByRole("tab", { name: "Solution" }).click();
  await page.getByRole("button", { name: "Show example solution" }).click();
  await page.getByRole("button", { name: "Show solution" }).click();
  const language = page.getByLabel("Language");
  await language.selectOption("python");
  await page.getByText(`# ${payloads[1]}`).first().waitFor();
  const solutionText = await page.locator("body").innerText();
  for (const payload of payloads) {
    assert.ok(solutionText.includes(payload), `the solution shows ${payload} as text`);
  }
  assert.deepEqual(await dangerous(page.locator("body")), [], "solution");

  // A run whose every test prints the payloads to stdout and stderr; every result opened.
  await page.getByRole("tab", { name: "Description" }).click();
  await replaceCode(page, printing);
  const run = page.getByRole("button", { name: "Run public tests" });
  await run.click();
  await page.getByTestId("overall-verdict").waitFor({ timeout: 60_000 });
  await run.and(page.locator(":not([disabled])")).waitFor();
  const cases = page.getByRole("tablist", { name: "Test results" }).getByRole("tab");
  const count = await cases.count();
  assert.equal(count, template.publicTests.length);
  for (let i = 0; i < count; i++) {
    await cases.nth(i).click();
    const panel = page.locator("#case-panel");
    await panel.getByText("Stderr").waitFor();
    const shown = await panel.innerText();
    for (const payload of payloads) {
      assert.ok(shown.split(payload).length >= 3, `case ${i + 1} shows ${payload} on both streams`);
    }
    assert.deepEqual(await dangerous(page.locator("body")), [], `result ${i + 1}`);
  }
  await page.screenshot({ path: `${screenshotDir}/xss-results.png` });

  assert.deepEqual(await hits(), [], "no payload ran");
  assert.deepEqual(dialogs, [], "no dialog opened");
  assert.deepEqual(violations, [], "nothing even tried to run against the CSP");
  assert.deepEqual(errors, [], "no uncaught errors in the page");
  await context.close();
});
