import { afterEach, describe, expect, it, vi } from "vitest";
import { UnexpectedResponseError } from "../../../lib/api-client";
import { submission } from "../../submissions/model/fixtures";
import { attemptDetailQuery } from "./attempt-detail";
import { attemptsQuery, attemptsSearch } from "./attempts";
import { statsQuery } from "./stats";

afterEach(() => vi.unstubAllGlobals());

function answer(body: unknown) {
  const fetchMock = vi.fn<(url: string) => Promise<Response>>(
    async () => new Response(JSON.stringify(body), { status: 200 }),
  );
  vi.stubGlobal("fetch", fetchMock);
  return fetchMock;
}

const timer = { elapsedMillis: 60_000, running: false, started: true, estimateMinutes: 20 };
const item = {
  id: "a1",
  problemId: "two-sum",
  title: "Two sum",
  category: "arrays-hashing",
  difficulty: "easy",
  language: "python",
  state: "accepted",
  startedAt: "2025-01-01T10:00:00Z",
  endedAt: "2025-01-01T10:18:40Z",
  timer,
  hintsUsed: 1,
  solutionViewed: false,
  submissionCount: 2,
  lastVerdict: "ACCEPTED",
  solvedMillis: 1_120_000,
};
const context = { signal: new AbortController().signal } as never;

describe("history schemas", () => {
  it("reads a page of attempts, with a filter in a fixed order", async () => {
    const fetchMock = answer({
      items: [
        item,
        { ...item, id: "a2", state: "open", endedAt: null, lastVerdict: null, solvedMillis: null },
      ],
      page: 0,
      size: 20,
      total: 2,
    });
    const query = attemptsQuery({ state: "open", category: "strings", size: 20 });
    const page = await query.queryFn!(context);
    expect(page.items.map((a) => a.state)).toEqual(["accepted", "open"]);
    expect(fetchMock.mock.calls[0]![0]).toBe("/api/attempts?category=strings&state=open&size=20");
    expect(attemptsSearch({})).toBe("");
  });

  it("rejects an attempt state it does not know, naming the field", async () => {
    answer({ items: [{ ...item, state: "abandoned" }], page: 0, size: 20, total: 1 });
    const error = await Promise.resolve(attemptsQuery({}).queryFn!(context)).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UnexpectedResponseError);
    expect((error as Error).message).toContain('.items[0].state is "abandoned"');
  });

  it("reads the stats", async () => {
    answer({
      totals: { attempts: 3, open: 1, accepted: 1, givenUp: 1 },
      solveTimes: [
        {
          attemptId: "a1",
          endedAt: item.endedAt,
          solvedMillis: 1_120_000,
          estimateMinutes: 20,
          difficulty: "easy",
        },
      ],
      byCategory: [{ category: "arrays-hashing", attempts: 2, accepted: 1 }],
      byDifficulty: [
        { difficulty: "easy", attempts: 2, accepted: 1, averageHints: 0.5, solutionViewed: 0 },
      ],
    });
    const stats = await statsQuery.queryFn!(context);
    expect(stats.byCategory[0]).toEqual({ category: "arrays-hashing", attempts: 2, accepted: 1 });
  });

  it("reads an attempt's detail with events and submissions (with code)", async () => {
    answer({
      ...item,
      problemVersion: 1,
      events: [
        { kind: "opened", at: item.startedAt, detail: { language: "python", problemVersion: 1 } },
        { kind: "timer_started", at: item.startedAt },
        {
          kind: "judged",
          at: item.endedAt,
          detail: { submissionId: "s1", verdict: "ACCEPTED", passed: 15, total: 15 },
        },
      ],
      reveals: { hints: [{ index: 0, text: "Use a map" }], solutionViewed: false },
      submissions: [submission({ code: "def f(): pass" })],
    });
    const detail = await attemptDetailQuery("a1").queryFn!(context);
    expect(detail.events.map((e) => e.kind)).toEqual(["opened", "timer_started", "judged"]);
    expect(detail.submissions[0]!.code).toBe("def f(): pass");
  });
});
