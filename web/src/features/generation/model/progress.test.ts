import { describe, expect, it } from "vitest";
import { applyEvent, applySnapshot, mergeEvents, stepRows } from "./progress";
import { event, generation } from "./fixtures";

describe("a generation's progress", () => {
  it("keeps each event once, in seq order, whatever order they arrive in", () => {
    const merged = mergeEvents(
      [event(1, "queued"), event(3, "searching-bank")],
      [event(2, "searching-bank"), event(1, "queued"), event(3, "searching-bank")],
    );
    expect(merged.map((e) => e.seq)).toEqual([1, 2, 3]);
  });

  it("starts running at the first step past queued and settles on a final one", () => {
    let g = applyEvent(generation(), event(2, "searching-bank"));
    expect(g.state).toBe("running");
    g = applyEvent(g, event(3, "ready", { problemId: "two-sum" }));
    expect(g).toMatchObject({
      state: "ready",
      problemId: "two-sum",
      finishedAt: event(3, "ready").at,
    });
    // A replayed early event does not move it back.
    expect(applyEvent(g, event(1, "queued")).state).toBe("ready");
  });

  it("takes a failed step's message as the reason until the server says one", () => {
    const failed = applyEvent(generation(), event(2, "failed", { message: "Nothing left." }));
    expect(failed).toMatchObject({ state: "failed", reason: "Nothing left." });
    const read = applySnapshot(failed, { ...failed, reason: "You have tried them all." });
    expect(read.reason).toBe("You have tried them all.");
  });

  it("lets a fresh read fill in fields, but never move a final generation back to running", () => {
    const ready = applyEvent(generation(), event(2, "ready", { problemId: "p" }));
    const stale = generation({ state: "running", events: [event(1, "queued")] });
    expect(applySnapshot(ready, stale)).toMatchObject({ state: "ready", problemId: "p" });
    expect(applySnapshot(ready, stale).events.map((e) => e.seq)).toEqual([1, 2]);
    const newer = generation({ state: "ready", source: "bank", problemId: "p", events: [] });
    expect(applySnapshot(ready, newer)).toMatchObject({ source: "bank" });
    expect(applySnapshot(ready, newer).events).toHaveLength(2);
  });

  it("marks steps done, the last one under way while it runs, and where a failure stopped", () => {
    const statuses = (g: ReturnType<typeof generation>) => stepRows(g).map((r) => r.status);
    const running = generation({
      state: "running",
      events: [event(1, "queued"), event(2, "searching-bank")],
    });
    expect(statuses(running)).toEqual(["done", "current"]);
    const ready = applyEvent(running, event(3, "ready", { problemId: "p" }));
    expect(statuses(ready)).toEqual(["done", "done", "done"]);
    const failed = applyEvent(running, event(3, "failed"));
    expect(statuses(failed)).toEqual(["done", "stopped", "failed"]);
    // Failed as read, with no failed step among the events: the last one is where it stopped.
    expect(statuses({ ...running, state: "failed" })).toEqual(["done", "stopped"]);
  });
});
