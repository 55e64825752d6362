// The CSP as a browser enforces it: no inline styles but those carrying the document's nonce, and
// the editor, whose themes live in a style element it writes, still styled.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { launchBrowser } from "./support/browser.mjs";
import { startServer } from "./support/server.mjs";
import { editor } from "./support/workspace.mjs";

const PROBLEM = "first-repeated-badge-scan";

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

/** A page that records every CSP violation from the first byte on, events and console alike. */
async function watchedPage() {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener("securitypolicyviolation", (e) => {
      window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || "inline"}`);
    });
  });
  const page = await context.newPage();
  const logged = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) logged.push(message.text());
  });
  const violations = async () => [
    ...(await page.evaluate(() => window.__cspViolations)),
    ...logged,
  ];
  return { context, page, violations };
}

function styleSources(csp) {
  return /(?:^|;)\s*style-src ([^;]*)/.exec(csp)?.[1] ?? "";
}

async function openWorkspaceAndType(page) {
  const response = await page.goto(`${server.baseUrl}/problems/${PROBLEM}`);
  assert.equal(response.status(), 200);
  const content = await editor(page);
  await content.focus();
  await page.keyboard.type("# typed under the CSP\n");
  await page.getByText("typed under the CSP").waitFor();
  return response.headers()["content-security-policy"];
}

test("the workspace's editor is styled under a CSP with no 'unsafe-inline' for styles", async () => {
  const { context, page, violations } = await watchedPage();
  const csp = await openWorkspaceAndType(page);
  const styles = styleSources(csp);
  assert.doesNotMatch(styles, /unsafe-inline/, csp);
  const nonce = /'nonce-([A-Za-z0-9+/]+=*)'/.exec(styles)?.[1];
  assert.ok(nonce, `a nonce in style-src: ${csp}`);
  assert.match(csp, /script-src 'self';/);

  // CodeMirror's base theme applied: its style element was allowed.
  assert.equal(
    await page.locator(".cm-editor").evaluate((e) => getComputedStyle(e).display),
    "flex",
  );
  assert.deepEqual(await violations(), []);

  const again = await page.goto(`${server.baseUrl}/problems/${PROBLEM}`);
  const secondNonce = /'nonce-([^']+)'/.exec(again.headers()["content-security-policy"])?.[1];
  assert.ok(secondNonce);
  assert.notEqual(secondNonce, nonce, "a nonce per response");
  await context.close();
});

test("without the document's nonce the same editor is blocked: the check above can fail", async () => {
  const { context, page, violations } = await watchedPage();
  // The document as a server that forgot to fill in the nonce would send it.
  await page.route(`${server.baseUrl}/problems/${PROBLEM}`, async (route) => {
    const original = await route.fetch();
    const body = (await original.text()).replace(/(property="csp-nonce" nonce=")[^"]*/, "$1");
    await route.fulfill({ response: original, body });
  });
  await openWorkspaceAndType(page);
  assert.notEqual(
    await page.locator(".cm-editor").evaluate((e) => getComputedStyle(e).display),
    "flex",
  );
  assert.ok(
    (await violations()).some((v) => v.includes("style-src")),
    await violations(),
  );
  await context.close();
});

test("Swagger UI, the one page allowed inline styles, shows without CSP violations", async () => {
  const { context, page, violations } = await watchedPage();
  const response = await page.goto(`${server.baseUrl}/swagger-ui/index.html`);
  assert.equal(response.status(), 200);
  assert.match(styleSources(response.headers()["content-security-policy"]), /'unsafe-inline'/);
  await page.locator(".opblock").first().waitFor();
  assert.deepEqual(await violations(), []);
  await context.close();
});

test("the app's other pages show without CSP violations", async () => {
  const { context, page, violations } = await watchedPage();
  for (const path of ["/", "/attempts", "/account", "/sign-in", "/no-such-page"]) {
    const response = await page.goto(`${server.baseUrl}${path}`);
    assert.equal(response.status(), 200, path);
    await page.locator("main, h1").first().waitFor();
    await page.waitForLoadState("networkidle");
    assert.deepEqual(await violations(), [], path);
  }
  await context.close();
});
