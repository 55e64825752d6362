import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiError } from "../../../lib/api-client";
import type { SubmissionRequest } from "../api/submission";
import { submission } from "./fixtures";
import { runSubmission, type SubmitState } from "./submit-flow";

afterEach(() => vi.unstubAllGlobals());

const request: SubmissionRequest = {
  attemptId: "22222222-2222-4222-8222-222222222222",
  language: "python",
  code: "def f(): pass\n",
};
const noWait = async () => {};

function run(deps: Parameters<typeof runSubmission>[3], signal = new AbortController().signal) {
  const states: SubmitState["status"][] = [];
  const result = runSubmission(request, (s) => states.push(s.status), signal, {
    newKey: () => "key-1",
    wait: noWait,
    ...deps,
  });
  return { states, result };
}

describe("runSubmission", () => {
  it("a 201 is final: no polling", async () => {
    const load = vi.fn();
    const { states, result } = run({ create: async () => submission(), load });
    await expect(result).resolves.toMatchObject({ verdict: "ACCEPTED" });
    expect(states).toEqual(["sending", "done"]);
    expect(load).not.toHaveBeenCalled();
  });

  it("a queued answer is polled until finished", async () => {
    const queued = submission({ state: "queued", verdict: null, passed: null });
    const answers = [submission({ state: "running", verdict: null }), submission()];
    const load = vi.fn(async () => answers.shift()!);
    const { states, result } = run({ create: async () => queued, load });
    await expect(result).resolves.toMatchObject({ state: "finished" });
    expect(states).toEqual(["sending", "judging", "judging", "done"]);
    expect(load).toHaveBeenCalledWith(queued.id, expect.anything());
  });

  it("sends the same idempotency key again after a network failure", async () => {
    const keys: string[] = [];
    const create = vi.fn(async (_r: SubmissionRequest, key: string) => {
      keys.push(key);
      if (keys.length === 1) throw new TypeError("Failed to fetch");
      return submission();
    });
    const { result } = run({ create });
    await result;
    expect(keys).toEqual(["key-1", "key-1"]);
  });

  it("a 409 attempt-closed offers a new attempt", async () => {
    const closed = new ApiError(409, "ended", "https://improview.dev/problems/attempt-closed");
    const { states, result } = run({ create: async () => Promise.reject(closed) });
    await expect(result).resolves.toBeUndefined();
    expect(states).toEqual(["sending", "closed"]);
  });

  it("failed_to_run is a result (the banner offers to submit again)", async () => {
    const failed = submission({ state: "failed_to_run", verdict: null, failure: "lost" });
    const { states, result } = run({ create: async () => failed });
    await expect(result).resolves.toMatchObject({ state: "failed_to_run" });
    expect(states).toEqual(["sending", "done"]);
  });

  it("says nothing more once aborted (the page went away)", async () => {
    const controller = new AbortController();
    const load = vi.fn(async () => {
      controller.abort();
      throw new DOMException("Aborted", "AbortError");
    });
    const queued = submission({ state: "queued", verdict: null });
    const { states, result } = run({ create: async () => queued, load }, controller.signal);
    await expect(result).resolves.toBeUndefined();
    expect(states).toEqual(["sending", "judging"]);
  });

  it("sends the key as the Idempotency-Key header and parses the answer", async () => {
    const fetchMock = vi.fn(
      async () => new Response(JSON.stringify(submission()), { status: 201 }),
    );
    vi.stubGlobal("fetch", fetchMock);
    const states: string[] = [];
    await runSubmission(request, (s) => states.push(s.status), new AbortController().signal, {
      newKey: () => "click-7",
    });
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe(`/api/attempts/${request.attemptId}/submissions`);
    expect((init.headers as Record<string, string>)["Idempotency-Key"]).toBe("click-7");
    expect(JSON.parse(init.body as string)).toEqual({ language: "python", code: request.code });
    expect(states).toEqual(["sending", "done"]);
  });
});
