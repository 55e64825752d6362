import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { act, cleanup, renderHook, waitFor } from "@testing-library/react";
import type { ReactNode } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { useAttemptTimer } from "./use-attempt-timer";

const ID = "0b8c6f5e-3a1d-4c2b-9e7f-1a2b3c4d5e6f";

const timer = (elapsedMillis: number, running: boolean, started: boolean) => ({
  elapsedMillis,
  running,
  started,
  estimateMinutes: 20,
});

const attempt = (t: ReturnType<typeof timer>) => ({
  id: ID,
  problemId: "two-sum",
  problemVersion: 1,
  language: "javascript",
  state: "open",
  startedAt: "2026-01-01T00:00:00Z",
  timer: t,
  reveals: { hints: [], solutionViewed: false },
});

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": status < 400 ? "application/json" : "application/problem+json" },
  });

/** The server as the edge of the world: `answer` gets the path and the timer action, if any. */
function server(answer: (path: string, action?: string) => Response) {
  const fetch = vi.fn(async (path: string, init?: RequestInit) => {
    const body = init?.body ? (JSON.parse(String(init.body)) as { action?: string }) : {};
    return answer(path, body.action);
  });
  vi.stubGlobal("fetch", fetch);
  const actions = () =>
    fetch.mock.calls
      .filter(([path]) => path === `/api/attempts/${ID}/timer`)
      .map(([, init]) => (JSON.parse(String(init?.body)) as { action: string }).action);
  return { fetch, actions };
}

function open() {
  const client = new QueryClient();
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={client}>{children}</QueryClientProvider>
  );
  return renderHook(() => useAttemptTimer("two-sum", "javascript"), { wrapper });
}

function setVisibility(state: DocumentVisibilityState) {
  Object.defineProperty(document, "visibilityState", { configurable: true, get: () => state });
  document.dispatchEvent(new Event("visibilitychange"));
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  setVisibility("visible");
});

describe("useAttemptTimer", () => {
  it("opens the attempt once and sends start once, on the first edit", async () => {
    const { fetch, actions } = server((path, action) =>
      path === "/api/attempts"
        ? json(attempt(timer(0, false, false)), 201)
        : json(action === "start" ? timer(0, true, true) : timer(0, false, false)),
    );
    const { result } = open();
    await waitFor(() => expect(result.current.reading?.timer.started).toBe(false));
    expect(fetch.mock.calls.filter(([path]) => path === "/api/attempts")).toHaveLength(1);

    act(() => {
      result.current.onEdit();
      result.current.onEdit();
    });
    await waitFor(() => expect(result.current.reading?.timer.running).toBe(true));
    act(() => result.current.onEdit());
    expect(actions()).toEqual(["start"]);
  });

  it("pauses when the page is hidden and resumes when it is visible again", async () => {
    const { actions } = server((path, action) =>
      path === "/api/attempts"
        ? json(attempt(timer(30_000, true, true)))
        : json(timer(30_000, action === "resume", true)),
    );
    const { result } = open();
    await waitFor(() => expect(result.current.reading?.timer.running).toBe(true));

    act(() => setVisibility("hidden"));
    await waitFor(() => expect(result.current.reading?.timer.running).toBe(false));
    expect(actions()).toEqual(["pause"]);

    act(() => setVisibility("visible"));
    await waitFor(() => expect(result.current.reading?.timer.running).toBe(true));
    expect(actions()).toEqual(["pause", "resume"]);
  });

  it("does not resume on becoming visible a timer that was paused before", async () => {
    const { actions } = server((path) =>
      path === "/api/attempts"
        ? json(attempt(timer(30_000, false, true)))
        : json(timer(30_000, false, true)),
    );
    const { result } = open();
    await waitFor(() => expect(result.current.reading).not.toBeNull());
    act(() => setVisibility("hidden"));
    act(() => setVisibility("visible"));
    await new Promise((r) => setTimeout(r, 20));
    expect(actions()).toEqual([]);
  });

  it("adopts the timer in a 409 timer-state body: another tab started it", async () => {
    server((path) =>
      path === "/api/attempts"
        ? json(attempt(timer(0, false, false)))
        : json(
            {
              type: "https://improview.dev/problems/timer-state",
              title: "Not possible in the timer's state",
              status: 409,
              detail: "The timer has already been started",
              timer: timer(125_000, true, true),
            },
            409,
          ),
    );
    const { result } = open();
    await waitFor(() => expect(result.current.reading).not.toBeNull());
    act(() => result.current.start());
    await waitFor(() => expect(result.current.reading?.timer.elapsedMillis).toBe(125_000));
    expect(result.current.reading?.timer.running).toBe(true);
  });

  it("reports a failed open calmly, without throwing", async () => {
    server(() => json({ status: 503, detail: "down" }, 503));
    const { result } = open();
    await waitFor(() => expect(result.current.failed).toBe(true), { timeout: 3000 });
    expect(result.current.reading).toBeNull();
  });
});
