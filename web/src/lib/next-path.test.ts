import { describe, expect, it } from "vitest";
import { safeNext, signInHref } from "./next-path";

describe("safeNext", () => {
  it("keeps a path on this site, with its query and fragment", () => {
    for (const path of [
      "/attempts",
      "/attempts?verdict=ACCEPTED&page=2",
      "/problems/two-sum#hints",
    ]) {
      expect(safeNext(path), path).toBe(path);
    }
  });

  it("sends anything that could leave the site to the home page", () => {
    for (const raw of [
      "https://evil.example/",
      "//evil.example",
      "/\\evil.example",
      "/%5Cevil.example",
      "javascript:alert(1)",
      "mailto:someone@example.org",
      "attempts",
      "?next=/",
      "",
      undefined,
      42,
    ]) {
      expect(safeNext(raw), JSON.stringify(raw)).toBe("/");
    }
  });

  it("never leads back to the sign-in pages, which would sign in again", () => {
    expect(safeNext("/sign-in")).toBe("/");
    expect(safeNext("/sign-in/link?token=abc")).toBe("/");
    expect(safeNext("/sign-in?next=/attempts")).toBe("/");
    expect(safeNext("/sign-inside")).toBe("/sign-inside");
  });
});

describe("signInHref", () => {
  it("carries the page to come back to, encoded", () => {
    expect(signInHref("/attempts?page=2")).toBe("/sign-in?next=%2Fattempts%3Fpage%3D2");
  });

  it("leaves out a next that is only the home page or is refused", () => {
    expect(signInHref("/")).toBe("/sign-in");
    expect(signInHref("//evil.example")).toBe("/sign-in");
  });
});
