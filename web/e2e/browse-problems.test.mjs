import assert from "node:assert/strict";
import { get } from "node:http";
import { brotliDecompressSync } from "node:zlib";
import { after, before, test } from "node:test";
import { launchBrowser, screenshotDir } from "./support/browser.mjs";
import { startServer } from "./support/server.mjs";

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

test("home lists problems, filters them and opens one with its statement", async () => {
  const api = await (await fetch(`${server.baseUrl}/api/problems`)).json();
  assert.ok(api.length >= 3, `expected seeded problems, got ${api.length}`);
  const easy = api.filter((p) => p.difficulty === "easy");
  assert.ok(easy.length >= 1, "expected at least one easy problem");

  const page = await browser.newPage();
  const failedRequests = [];
  const foreignRequests = [];
  // A request the page itself gives up (a reload cancels what is in flight) is not a failure.
  page.on("requestfailed", (request) => {
    if (request.failure()?.errorText !== "net::ERR_ABORTED") failedRequests.push(request.url());
  });
  page.on("request", (request) => {
    if (!request.url().startsWith(server.baseUrl)) foreignRequests.push(request.url());
  });
  await page.goto(server.baseUrl);

  const rows = page.locator("table tbody tr");
  await rows.first().waitFor();
  assert.equal(await rows.count(), api.length);

  await page
    .getByRole("navigation", { name: "Difficulty" })
    .getByRole("link", { name: "Easy" })
    .click();
  await page.waitForURL(/difficulty=easy/);
  await page.waitForFunction(
    (n) => document.querySelectorAll("table tbody tr").length === n,
    easy.length,
  );
  for (const title of await rows.locator("td:first-child a").allTextContents()) {
    assert.ok(
      easy.some((p) => p.title === title),
      `${title} is not an easy problem`,
    );
  }
  await page.screenshot({ path: `${screenshotDir}/home-easy.png`, fullPage: true });

  const target = easy[0];
  await page.getByRole("link", { name: target.title }).click();
  await page.waitForURL(new RegExp(`/problems/${target.id}$`));
  const heading = page.getByRole("heading", { level: 1, name: target.title });
  await heading.waitFor();

  const detail = await (await fetch(`${server.baseUrl}/api/problems/${target.id}`)).json();
  const firstExample = detail.examples[0];
  if (firstExample) {
    const examples = page.getByRole("region", { name: "Examples" });
    assert.match(await examples.innerText(), /Example 1/);
    assert.ok(
      (await examples.innerText()).includes(JSON.stringify(firstExample.output)),
      "the first example's output is shown",
    );
  }
  const statement = await page.getByRole("region", { name: "Statement" }).innerText();
  assert.ok(statement.length > 40, "the statement is rendered");
  await page.screenshot({ path: `${screenshotDir}/problem.png`, fullPage: true });

  // A reload of a client-side route is served by the SPA fallback.
  await page.reload();
  await heading.waitFor();
  assert.deepEqual(failedRequests, [], "no request failed");
  assert.deepEqual(foreignRequests, [], "no request left this server (no CDN or external fetches)");
});

test("assets go out as the build's Brotli copy to browsers that accept it, the same bytes", async () => {
  const html = await (await fetch(server.baseUrl)).text();
  const script = html.match(/src="(\/assets\/[^"]+\.js)"/)?.[1];
  assert.ok(script, "index.html names its main script");

  const plain = await raw(`${server.baseUrl}${script}`, "identity");
  assert.equal(plain.headers["content-encoding"], undefined);
  const br = await raw(`${server.baseUrl}${script}`, "br, gzip");
  assert.equal(br.headers["content-encoding"], "br");
  assert.match(br.headers["vary"] ?? "", /Accept-Encoding/i);
  assert.match(br.headers["cache-control"] ?? "", /immutable/);
  assert.ok(br.body.length < plain.body.length * 0.5, `${br.body.length} of ${plain.body.length}`);
  assert.deepEqual(brotliDecompressSync(br.body), plain.body);
});

function raw(url, acceptEncoding) {
  return new Promise((resolve, reject) => {
    get(url, { headers: { "accept-encoding": acceptEncoding } }, (response) => {
      const chunks = [];
      response.on("data", (chunk) => chunks.push(chunk));
      response.on("end", () => resolve({ headers: response.headers, body: Buffer.concat(chunks) }));
      response.on("error", reject);
    }).on("error", reject);
  });
}
