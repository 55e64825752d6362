import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { act, cleanup, renderHook, waitFor } from "@testing-library/react";
import type { ReactNode } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Language } from "../../../lib/closed-sets";
import { useRunConsole } from "./use-run-console";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

// The server as the edge of the world: every run passes its one public test, in its language.
function stubServer() {
  vi.stubGlobal(
    "fetch",
    vi.fn(async (_path: string, init?: RequestInit) => {
      const { language } = JSON.parse(String(init?.body)) as { language: string };
      const report = {
        verdict: "PASSED",
        diagnostics: [],
        tests: [{ index: 0, kind: "public", verdict: "PASSED", args: [1], expected: 1, actual: 1 }],
        wallMillis: language.length,
      };
      return new Response(JSON.stringify(report), {
        headers: { "Content-Type": "application/json" },
      });
    }),
  );
}

function mount() {
  const codes: Record<Language, string> = { javascript: "js 1", python: "py 1", java: "java 1" };
  const client = new QueryClient();
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={client}>{children}</QueryClientProvider>
  );
  const hook = renderHook(
    ({ language }: { language: Language }) => useRunConsole(language, (l) => codes[l]),
    { wrapper, initialProps: { language: "javascript" as Language } },
  );
  const runNow = async (language: Language) => {
    act(() => hook.result.current.start({ problemId: "p", language, code: codes[language] }, 1));
    await waitFor(() => expect(hook.result.current.pending).toBe(false));
  };
  return { hook, codes, runNow };
}

describe("useRunConsole", () => {
  it("keeps the last result per language and shows none for a language not yet run", async () => {
    stubServer();
    const { hook, runNow } = mount();
    await runNow("javascript");
    expect(hook.result.current.result?.outcome?.report.wallMillis).toBe("javascript".length);

    hook.rerender({ language: "python" });
    expect(hook.result.current.result).toBeNull();
    await runNow("python");
    expect(hook.result.current.result?.outcome?.report.wallMillis).toBe("python".length);

    hook.rerender({ language: "javascript" });
    expect(hook.result.current.result?.outcome?.report.wallMillis).toBe("javascript".length);
    expect(hook.result.current.stale).toBe(false);
  });

  it("marks a result once the code it ran has changed, and unmarks it when changed back", async () => {
    stubServer();
    const { hook, codes, runNow } = mount();
    await runNow("javascript");
    codes.javascript = "js 2";
    act(() => hook.result.current.noteEdit("js 2"));
    expect(hook.result.current.stale).toBe(true);

    // Another language's result is its own: not marked by edits made here.
    hook.rerender({ language: "python" });
    await runNow("python");
    expect(hook.result.current.stale).toBe(false);

    hook.rerender({ language: "javascript" });
    expect(hook.result.current.stale).toBe(true);
    codes.javascript = "js 1";
    act(() => hook.result.current.noteEdit("js 1"));
    expect(hook.result.current.stale).toBe(false);
  });
});
