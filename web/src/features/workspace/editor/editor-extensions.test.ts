import { describe, expect, it } from "vitest";
import { styleNonce } from "./editor-extensions";

function page(nonce: string | null): Document {
  const doc = document.implementation.createHTMLDocument("page");
  if (nonce !== null) {
    const meta = doc.createElement("meta");
    meta.setAttribute("property", "csp-nonce");
    meta.setAttribute("nonce", nonce);
    // Browsers hide the attribute once a CSP applies; the property keeps the value.
    meta.nonce = nonce;
    doc.head.append(meta);
  }
  return doc;
}

describe("styleNonce", () => {
  it("reads the nonce the server filled in", () => {
    expect(styleNonce(page("q9Xr+/Tz0Aab12CdEfGh3IjK"))).toBe("q9Xr+/Tz0Aab12CdEfGh3IjK");
  });

  it("has none under the dev server, which leaves the placeholder, or with no meta", () => {
    expect(styleNonce(page("{{csp-nonce}}"))).toBeUndefined();
    expect(styleNonce(page(""))).toBeUndefined();
    expect(styleNonce(page(null))).toBeUndefined();
  });
});
