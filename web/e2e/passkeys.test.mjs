// Passkeys end to end against the real server, through Chromium's virtual authenticator (the CDP
// WebAuthn domain): sign in by email link, add a passkey on the account page, rename it, sign out,
// sign in with it, remove it; a removed passkey the authenticator still holds signs nobody in.
// Written against docs/api.md ("Sign-in and the account") and docs/security.md ("Passkeys").
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import AxeBuilder from "@axe-core/playwright";
import { launchBrowser, screenshotDir, settle } from "./support/browser.mjs";
import { startServer } from "./support/server.mjs";

let server;
let browser;

before(async () => {
  // WebAuthn takes no IP address as the rp id: the page and the public URL are on localhost.
  server = await startServer({
    host: "localhost",
    env: { IMPROVIEW_AUTH_MODE: "accounts", IMPROVIEW_DEV_MAILBOX: "true" },
  });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

/** The page's own view of who is signed in: the email, or the status when nobody is. */
const me = (page) =>
  page.evaluate(async () => {
    const response = await fetch("/api/me", { headers: { Accept: "application/json" } });
    return response.ok ? (await response.json()).email : response.status;
  });

async function axeSeriousViolations(page) {
  await settle(page);
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

async function signInByEmail(page, email) {
  await page.goto(`${server.baseUrl}/sign-in?next=%2Faccount`);
  await page.getByRole("textbox", { name: "Email" }).fill(email);
  await page.getByRole("button", { name: "Email me a link" }).click();
  await page.getByRole("heading", { name: "Check your email" }).waitFor();
  const link = await page.evaluate(
    async () => (await (await fetch("/api/dev/mailbox")).json())[0].link,
  );
  await page.goto(link);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await page.waitForURL((url) => url.pathname === "/account");
}

test("add a passkey → rename it → sign out → sign in with it → remove it → it no longer signs in", async () => {
  const email = "grace@example.org";
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (error) => errors.push(error.message));

  // An authenticator built into the device that verifies the user and needs no touch.
  const cdp = await context.newCDPSession(page);
  await cdp.send("WebAuthn.enable");
  const { authenticatorId } = await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: {
      protocol: "ctap2",
      transport: "internal",
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  const credentials = async () =>
    (await cdp.send("WebAuthn.getCredentials", { authenticatorId })).credentials;

  await signInByEmail(page, email);
  const passkeys = page.getByRole("region", { name: "Passkeys" });
  await passkeys.getByText("No passkeys yet: add one to sign in without email.").waitFor();

  // Add one: the browser's default name is offered, the user's own is kept.
  await passkeys.getByRole("button", { name: "Add a passkey" }).click();
  const name = passkeys.getByRole("textbox", { name: "Name for the new passkey" });
  assert.match(await name.inputValue(), /Chrom\w* on Linux/);
  await name.fill("Test key");
  await passkeys.getByRole("button", { name: "Create passkey" }).click();
  await passkeys.getByText("Added the passkey “Test key”.").waitFor();
  const list = passkeys.getByRole("list", { name: "Your passkeys" });
  assert.match(await list.innerText(), /Test key[\s\S]*Added just now · Last used/);
  const held = await credentials();
  assert.equal(held.length, 1);
  assert.equal(held[0].isResidentCredential, true);
  assert.equal(held[0].rpId, "localhost");
  assert.deepEqual(await axeSeriousViolations(page), [], "account page accessibility");
  await page.screenshot({ path: `${screenshotDir}/passkeys-account.png` });

  // Rename inline: Escape leaves it as it was, Enter saves.
  await passkeys.getByRole("button", { name: "Rename Test key" }).click();
  const rename = passkeys.getByRole("textbox", { name: "New name for Test key" });
  await rename.fill("Not this");
  await rename.press("Escape");
  await passkeys.getByRole("button", { name: "Rename Test key" }).waitFor();
  await passkeys.getByRole("button", { name: "Rename Test key" }).click();
  await rename.fill("Work laptop");
  await rename.press("Enter");
  await passkeys.getByRole("button", { name: "Rename Work laptop" }).waitFor();
  assert.equal(
    await page.evaluate(async () => (await (await fetch("/api/account/passkeys")).json())[0].label),
    "Work laptop",
  );

  // Sign out, then back in with the passkey alone.
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await page.waitForURL((url) => url.pathname === "/sign-in");
  assert.equal(await me(page), 401);
  await page.screenshot({ path: `${screenshotDir}/passkeys-sign-in.png` });
  await page.getByRole("button", { name: "Sign in with a passkey" }).click();
  await page.waitForURL((url) => url.pathname === "/");
  assert.equal(await me(page), email);
  await page.getByRole("banner").getByRole("link", { name: email }).click();
  await page.waitForURL((url) => url.pathname === "/account");
  await passkeys.getByText("Work laptop").waitFor();

  // Remove it, after the confirmation.
  await passkeys.getByRole("button", { name: "Remove Work laptop" }).click();
  const confirm = page.getByRole("dialog", { name: "Remove the passkey “Work laptop”?" });
  await confirm.getByRole("button", { name: "Remove passkey" }).click();
  await passkeys.getByText("No passkeys yet: add one to sign in without email.").waitFor();
  await passkeys.getByText("Removed the passkey “Work laptop”.").waitFor();

  // The authenticator still holds it, but the server no longer knows it: nobody is signed in.
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await page.waitForURL((url) => url.pathname === "/sign-in");
  await page.getByRole("button", { name: "Sign in with a passkey" }).click();
  const refused = page.getByRole("alert");
  await refused.waitFor();
  assert.equal(
    await refused.innerText(),
    "That passkey did not sign you in. Try again, or ask for an email link.",
  );
  assert.equal(new URL(page.url()).pathname, "/sign-in");
  assert.equal(await me(page), 401);
  assert.equal((await credentials()).length, 1, "the authenticator still holds the passkey");
  await page.screenshot({ path: `${screenshotDir}/passkeys-refused.png` });

  assert.deepEqual(errors, [], "no uncaught errors in the page");
  await context.close();
});
