// "Your data" on the account page, end to end in accounts mode: the export holds what the user
// made, a wrong confirmation deletes nothing, the right one deletes the account and signs it out
// everywhere, and the same email then signs in to a new, empty account. Written against docs/api.md
// ("Account data") and docs/security.md ("Export and deletion of an account").
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { after, before, test } from "node:test";
import AxeBuilder from "@axe-core/playwright";
import { launchBrowser, screenshotDir, settle } from "./support/browser.mjs";
import { startServer } from "./support/server.mjs";
import { bankProblem, replaceCode } from "./support/workspace.mjs";

let server;
let browser;

before(async () => {
  server = await startServer({
    env: { IMPROVIEW_AUTH_MODE: "accounts", IMPROVIEW_DEV_MAILBOX: "true" },
  });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

const status = (page, path) => page.evaluate(async (p) => (await fetch(p)).status, path);
const me = (page) => page.evaluate(async () => (await fetch("/api/me")).json());

/** Signs in as `email` by a link from the dev mailbox, as a person would, ending on practice. */
async function signIn(page, email) {
  await page.goto(`${server.baseUrl}/sign-in`);
  await page.getByRole("textbox", { name: "Email" }).fill(email);
  await page.getByRole("button", { name: "Email me a link" }).click();
  await page.getByRole("heading", { name: "Check your email" }).waitFor();
  await page.goto(`${server.baseUrl}/mailbox`);
  const mail = page.getByRole("list", { name: "Mail" }).getByRole("listitem").first();
  await mail.waitFor();
  await mail.getByRole("link").click();
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await page.waitForURL((url) => url.pathname === "/");
  await page.getByRole("banner").getByRole("link", { name: email }).waitFor();
}

async function axeSeriousViolations(page) {
  await settle(page);
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

test("download my data, then delete my account: signed out, and the email starts afresh", async () => {
  const email = "grace@example.org";
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    acceptDownloads: true,
  });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await signIn(page, email);
  const first = await me(page);

  // An attempt with a run, made in the workspace.
  const [summary] = await (await fetch(`${server.baseUrl}/api/problems?difficulty=easy`)).json();
  await page.goto(`${server.baseUrl}/problems/${summary.id}`);
  await page.getByRole("heading", { level: 1, name: summary.title }).waitFor();
  await page.getByLabel("Language").selectOption("python");
  const submit = page.getByRole("button", { name: "Submit for judging on every test" });
  await submit.and(page.locator(":not([disabled])")).waitFor(); // the attempt is open
  await replaceCode(page, bankProblem(summary.id).solutions.python);
  const run = page.getByRole("button", { name: "Run public tests" });
  await run.click();
  await page.getByTestId("overall-verdict").waitFor({ timeout: 60_000 });

  // The export, saved by the browser as a file.
  await page.goto(`${server.baseUrl}/account`);
  const yourData = page.getByRole("region", { name: "Your data" });
  await yourData.waitFor();
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    yourData.getByRole("button", { name: "Download my data" }).click(),
  ]);
  assert.match(download.suggestedFilename(), /^improview-data-\d{4}-\d{2}-\d{2}\.json$/);
  const exported = JSON.parse(await readFile(await download.path(), "utf8"));
  assert.equal(exported.format, "improview-export");
  assert.equal(exported.account.email, email);
  assert.equal(exported.account.id, first.id);
  const attempts = exported.sections.attempts.attempts;
  assert.deepEqual(
    attempts.map((a) => a.problemId),
    [summary.id],
  );
  await yourData.getByText(`Saved ${download.suggestedFilename()}.`).waitFor();

  // A wrong confirmation leaves the button disabled; nothing is deleted.
  await yourData.getByRole("button", { name: "Delete my account and data" }).click();
  const confirm = page.getByRole("form", { name: "Confirm the deletion" });
  const box = confirm.getByRole("textbox", { name: `Type ${email} to confirm` });
  const erase = confirm.getByRole("button", { name: "Delete permanently" });
  await box.fill("grace@example.com");
  assert.equal(await erase.isDisabled(), true);
  await box.press("Enter");
  assert.equal(await status(page, "/api/me"), 200);
  assert.deepEqual(await axeSeriousViolations(page), [], "the confirmation's accessibility");
  await page.screenshot({ path: `${screenshotDir}/your-data-confirm.png` });

  // The right one (as typed by a person: other case, spaces) deletes and signs out.
  await box.fill(` ${email.toUpperCase()} `);
  await erase.click();
  await page.waitForURL((url) => url.pathname === "/sign-in");
  await page
    .getByRole("status")
    .filter({ hasText: "Your account and data were deleted." })
    .waitFor();
  await page.getByRole("banner").getByRole("link", { name: "Sign in" }).waitFor();
  assert.equal(await status(page, "/api/me"), 401);
  assert.equal(await status(page, "/api/attempts"), 401);

  // The same email signs in to a new account with no history.
  await signIn(page, email);
  // (The first account took over the local account's row, which deletion put back empty: the
  // next first sign-up takes it again, so the id may repeat; what it holds may not.)
  assert.equal((await me(page)).email, email);
  const fresh = await page.evaluate(async () => (await fetch("/api/account/export")).json());
  assert.deepEqual(fresh.sections.attempts.attempts, []);
  assert.deepEqual(fresh.sections.attempts.submissions, []);
  const history = await page.evaluate(async () => (await fetch("/api/attempts")).json());
  assert.equal(history.total, 0, JSON.stringify(history));
  await page.goto(`${server.baseUrl}/attempts`);
  await page.getByRole("heading", { level: 1, name: "History" }).waitFor();
  assert.equal(await page.getByRole("row").filter({ hasText: summary.title }).count(), 0);

  assert.deepEqual(errors, [], "no uncaught errors in the page");
  await context.close();
});
