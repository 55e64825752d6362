import { beforeEach, describe, expect, it } from "vitest";
import { CodeBuffer, clearDraft, loadDraft, loadLanguage, saveDraft, saveLanguage } from "./drafts";

describe("drafts", () => {
  beforeEach(() => localStorage.clear());

  it("keeps one draft per problem and language", () => {
    saveDraft("p1", "python", "def f(): pass", 10);
    saveDraft("p1", "java", "class Solution {}", 11);
    saveDraft("p2", "python", "other", 12);
    expect(loadDraft("p1", "python")).toEqual({ code: "def f(): pass", savedAt: 10 });
    expect(loadDraft("p1", "java")?.code).toBe("class Solution {}");
    expect(loadDraft("p1", "javascript")).toBeNull();
    clearDraft("p1", "python");
    expect(loadDraft("p1", "python")).toBeNull();
    expect(loadDraft("p2", "python")?.code).toBe("other");
  });

  it("ignores unreadable drafts", () => {
    localStorage.setItem("improview.draft.v1.p1.python", "{not json");
    expect(loadDraft("p1", "python")).toBeNull();
    localStorage.setItem("improview.draft.v1.p1.python", '{"code": 3}');
    expect(loadDraft("p1", "python")).toBeNull();
  });

  it("remembers the language per problem, falling back to the last one used", () => {
    expect(loadLanguage("p1")).toBe("javascript");
    saveLanguage("p1", "python");
    expect(loadLanguage("p1")).toBe("python");
    expect(loadLanguage("p2")).toBe("python");
    saveLanguage("p2", "java");
    expect(loadLanguage("p1")).toBe("python");
    localStorage.setItem("improview.language.p3", "cobol");
    expect(loadLanguage("p3")).toBe("java");
  });

  it("buffers each language's code, saves it and resets to the starter", () => {
    const buffer = new CodeBuffer("p1", (language) => `starter ${language}`);
    expect(buffer.get("python")).toBe("starter python");
    buffer.set("python", "mine");
    buffer.set("java", "also mine");
    expect(buffer.get("javascript")).toBe("starter javascript");
    expect(buffer.save("python", 42)).toBe(42);
    expect(new CodeBuffer("p1", () => "x").get("python")).toBe("mine");
    // java was never saved: a reload would give the starter back
    expect(new CodeBuffer("p1", () => "x").get("java")).toBe("x");
    buffer.reset("python");
    expect(buffer.get("python")).toBe("starter python");
    expect(loadDraft("p1", "python")).toBeNull();
  });
});
