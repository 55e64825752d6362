// Sign in with an email link in accounts mode, end to end: a private page sends the user to
// /sign-in, the link arrives in the dev mailbox, opening it signs nobody in until the button is
// pressed, and signing out makes the private API answer 401 again. Written against docs/api.md
// ("Sign-in and the account") and docs/security.md.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import AxeBuilder from "@axe-core/playwright";
import { launchBrowser, settle } from "./support/browser.mjs";
import { startServer } from "./support/server.mjs";

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

/** The status the page's own cookies get from a private endpoint. */
const status = (page, path) => page.evaluate(async (p) => (await fetch(p)).status, path);

async function axeSeriousViolations(page) {
  await settle(page);
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

test("a private page → sign in by email link from the dev mailbox → back, signed in → sign out", async () => {
  const email = "ada@example.org";
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (error) => errors.push(error.message));

  // A private page sends a signed-out user to sign in, remembering where they were going.
  await page.goto(`${server.baseUrl}/attempts`);
  await page.waitForURL((url) => url.pathname === "/sign-in");
  assert.equal(new URL(page.url()).searchParams.get("next"), "/attempts");
  await page.getByRole("heading", { level: 1, name: "Sign in" }).waitFor();
  assert.equal(await status(page, "/api/attempts"), 401);
  const header = page.getByRole("banner");
  await header.getByRole("link", { name: "Sign in" }).waitFor();
  assert.deepEqual(await axeSeriousViolations(page), [], "sign-in page accessibility");

  // Ask for a link (a POST that needs the CSRF header: the API client sends it).
  await page.getByRole("textbox", { name: "Email" }).fill(email);
  await page.getByRole("button", { name: "Email me a link" }).click();
  await page.getByRole("heading", { name: "Check your email" }).waitFor();
  assert.match(await page.getByRole("status").innerText(), /If ada@example\.org may sign in/);

  // The dev mailbox has it, newest first.
  await page.getByRole("link", { name: "dev mailbox" }).click();
  await page.getByRole("heading", { level: 1, name: "Dev mailbox" }).waitFor();
  const mail = page.getByRole("list", { name: "Mail" }).getByRole("listitem").first();
  await mail.waitFor();
  assert.match(await mail.innerText(), /to ada@example\.org/);
  const link = mail.getByRole("link");
  const href = await link.getAttribute("href");
  assert.ok(href.startsWith(`${server.baseUrl}/sign-in/link?token=`), href);
  assert.deepEqual(await axeSeriousViolations(page), [], "mailbox accessibility");

  // Following the link only shows a button: nobody is signed in by loading it.
  await link.click();
  await page.waitForURL((url) => url.pathname === "/sign-in/link");
  const signIn = page.getByRole("button", { name: "Sign in", exact: true });
  await signIn.waitFor();
  await page.reload();
  await signIn.waitFor();
  assert.equal(await status(page, "/api/me"), 401, "loading the link signed nobody in");

  // The button signs in and goes back to the page asked for, with the email in the header.
  await signIn.click();
  await page.waitForURL((url) => url.pathname === "/attempts");
  await page.getByRole("heading", { level: 1, name: "History" }).waitFor();
  await header.getByRole("link", { name: email }).waitFor();
  assert.equal(await status(page, "/api/attempts"), 200);

  // The link worked once.
  await page.goto(href);
  await signIn.click();
  await page.getByText("This link was used or has expired").waitFor();
  await page.getByRole("link", { name: "Ask for a new link" }).waitFor();

  // The account page signs out; the private API answers 401 again.
  await header.getByRole("link", { name: email }).click();
  await page.getByRole("heading", { level: 1, name: "Account" }).waitFor();
  assert.match(await page.locator("dl").innerText(), /ada@example\.org/);
  assert.deepEqual(await axeSeriousViolations(page), [], "account page accessibility");
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await page.waitForURL((url) => url.pathname === "/sign-in");
  await header.getByRole("link", { name: "Sign in" }).waitFor();
  assert.equal(await status(page, "/api/attempts"), 401);
  assert.equal(await status(page, "/api/me"), 401);

  assert.deepEqual(errors, [], "no uncaught errors in the page");
  await context.close();
});
