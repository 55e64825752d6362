import { describe, expect, it } from "vitest";
import { linkTarget } from "./link-target";

describe("linkTarget", () => {
  it("keeps paths, fragments and relative targets on this site", () => {
    for (const href of ["/problems/two-sum", "#examples", "two-sum", "../two-sum", "?tab=hints"]) {
      expect(linkTarget(href), href).toEqual({ href, external: false });
    }
  });

  it("marks absolute http(s) URLs as external, in their canonical form", () => {
    expect(linkTarget("https://Example.org/a b")).toEqual({
      href: "https://example.org/a%20b",
      external: true,
    });
    expect(linkTarget("HTTP://example.org")).toEqual({
      href: "http://example.org/",
      external: true,
    });
  });

  it("keeps mailto: addresses, not as external", () => {
    expect(linkTarget("mailto:someone@example.org")).toEqual({
      href: "mailto:someone@example.org",
      external: false,
    });
    expect(linkTarget("MAILTO:someone@example.org")?.href).toBe("mailto:someone@example.org");
  });

  it("refuses targets that leave the site while looking local", () => {
    for (const raw of [
      "//evil.example",
      "/\\evil.example",
      "\\\\evil.example",
      "\\/evil.example",
      "/%5Cevil.example",
      "/%5cevil.example",
      "/%2F/evil.example",
      "/%255Cevil.example",
      " //evil.example",
      "\u0000//evil.example",
      "\u001f/\\evil.example",
      "/\t/evil.example",
      "/\n/evil.example",
      "//evil.example\u0000",
    ]) {
      expect(linkTarget(raw), JSON.stringify(raw)).toBeNull();
    }
  });

  it("refuses every scheme but http, https and mailto, however it is spelled", () => {
    for (const raw of [
      "javascript:alert(1)",
      "JaVaScRiPt:alert(1)",
      " javascript:alert(1)",
      "\u0001javascript:alert(1)",
      "java\tscript:alert(1)",
      "java\nscript:alert(1)",
      "data:text/html,<script>alert(1)</script>",
      "vbscript:msgbox(1)",
      "mailto:",
      "mailto:?subject=hi",
      "file:///etc/passwd",
      "http://",
      "",
      " \u0002 ",
    ]) {
      expect(linkTarget(raw), JSON.stringify(raw)).toBeNull();
    }
  });
});
