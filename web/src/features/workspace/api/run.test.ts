import { afterEach, describe, expect, it, vi } from "vitest";
import { UnexpectedResponseError } from "../../../lib/api-client";
import { runCode } from "./run";

afterEach(() => vi.unstubAllGlobals());

const answer = (body: unknown) =>
  vi.stubGlobal(
    "fetch",
    vi.fn(async () => new Response(JSON.stringify(body), { status: 200 })),
  );

const request = { problemId: "two-sum", language: "javascript" as const, code: "" };
const test = { index: 0, kind: "public", verdict: "PASSED", args: [[1], 2] };

describe("runCode", () => {
  it("accepts every verdict the server has, COMPLETED included", async () => {
    answer({ verdict: "COMPLETED", tests: [{ ...test, verdict: "COMPLETED" }], diagnostics: [] });
    await expect(runCode(request)).resolves.toMatchObject({ verdict: "COMPLETED" });
  });

  it("fails loudly on a verdict it does not know, naming it and where it was", async () => {
    answer({ verdict: "PASSED", tests: [{ ...test, verdict: "SANDBOX_LOST" }], diagnostics: [] });
    const error = await runCode(request).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnexpectedResponseError);
    expect((error as Error).message).toContain(
      '/api/runs is not what this page expects: .tests[0].verdict is "SANDBOX_LOST", not one of PASSED, COMPLETED,',
    );
  });
});
