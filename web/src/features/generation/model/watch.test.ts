import { afterEach, describe, expect, it, vi } from "vitest";
import type { Generation } from "../api/generation";
import { FakeEventSource, event, generation } from "./fixtures";
import { watchGeneration, type WatchDeps } from "./watch";

afterEach(() => {
  FakeEventSource.instances = [];
});

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

/** A watch over fakes: the stream, the server's answers in turn, and waits that return at once. */
function watch(initial: Generation, answers: (Generation | Error)[], deps: WatchDeps = {}) {
  const seen: Generation[] = [];
  const load = vi.fn(async () => {
    const answer = answers.shift();
    if (!answer) throw new Error("asked the server more often than the test expected");
    if (answer instanceof Error) throw answer;
    return answer;
  });
  const wait = vi.fn(async () => {});
  const abort = new AbortController();
  const done = watchGeneration(initial, (g) => seen.push(g), abort.signal, {
    openStream: (url) => new FakeEventSource(url),
    load,
    wait,
    ...deps,
  });
  return { done, seen, load, wait, abort };
}

const seqs = (g: Generation) => g.events.map((e) => e.seq);

describe("watching a generation", () => {
  it("follows the stream through replayed and live events, each once, then reads it once", async () => {
    const initial = generation({ events: [event(1, "queued")] });
    const final = generation({
      state: "ready",
      source: "bank",
      problemId: "two-sum",
      events: [event(1, "queued"), event(2, "searching-bank"), event(3, "ready")],
    });
    const { done, seen, load } = watch(initial, [final]);
    const stream = FakeEventSource.latest();
    expect(stream.url).toBe("/api/generations/g1/events");
    stream.emit(event(1, "queued")); // replayed
    stream.emit(event(2, "searching-bank"));
    stream.emit(event(2, "searching-bank")); // a duplicate
    expect(seqs(seen.at(-1)!)).toEqual([1, 2]);
    expect(seen.at(-1)!.state).toBe("running");
    stream.emit(event(3, "ready", { problemId: "two-sum" }));
    expect(stream.closed).toBe(true);
    const result = await done;
    expect(result).toMatchObject({ state: "ready", source: "bank", problemId: "two-sum" });
    expect(seqs(result)).toEqual([1, 2, 3]);
    expect(load).toHaveBeenCalledTimes(1);
    // The server ending the stream afterwards changes nothing and opens nothing.
    stream.fail();
    expect(FakeEventSource.instances).toHaveLength(1);
  });

  it("polls when the stream breaks before a final step, without opening it again", async () => {
    const running = generation({
      state: "running",
      events: [event(1, "queued"), event(2, "searching-bank")],
    });
    const failed = generation({
      state: "failed",
      reason: "You have tried every easy graphs problem in the bank.",
      events: [...running.events, event(3, "failed")],
    });
    const { done, load, wait } = watch(generation(), [running, running, failed]);
    const stream = FakeEventSource.latest();
    stream.emit(event(1, "queued"));
    stream.fail();
    expect(stream.closed).toBe(true);
    const result = await done;
    expect(result.state).toBe("failed");
    expect(result.reason).toBe("You have tried every easy graphs problem in the bank.");
    expect(seqs(result)).toEqual([1, 2, 3]);
    expect(load).toHaveBeenCalledTimes(3);
    expect(wait).toHaveBeenCalledTimes(2);
    expect(wait).toHaveBeenCalledWith(500, expect.anything());
    expect(FakeEventSource.instances).toHaveLength(1);
  });

  it("polls when the stream sends something it cannot read", async () => {
    const ready = generation({ state: "ready", problemId: "p", events: [event(2, "ready")] });
    const { done } = watch(generation(), [ready]);
    FakeEventSource.latest().emit(event(2, "searching-bank"), "{not json");
    expect(FakeEventSource.latest().closed).toBe(true);
    expect((await done).state).toBe("ready");
  });

  it("polls where there is no EventSource, through network failures", async () => {
    const ready = generation({ state: "ready", problemId: "p", events: [] });
    const { done, load } = watch(
      generation(),
      [new TypeError("Failed to fetch"), generation({ state: "running" }), ready],
      { openStream: null },
    );
    expect((await done).problemId).toBe("p");
    expect(load).toHaveBeenCalledTimes(3);
    expect(FakeEventSource.instances).toHaveLength(0);
  });

  it("gives up on an answer it cannot use, and on too many network failures", async () => {
    const refused = watch(generation(), [new Error("404")], { openStream: null });
    await expect(refused.done).rejects.toThrow("404");
    const offline = watch(generation(), Array(3).fill(new TypeError("Failed to fetch")), {
      openStream: null,
      maxFailures: 3,
    });
    await expect(offline.done).rejects.toThrow(TypeError);
  });

  it("does nothing for a generation already final", async () => {
    const ready = generation({ state: "ready", problemId: "p" });
    const { done, load } = watch(ready, []);
    expect(await done).toBe(ready);
    expect(load).not.toHaveBeenCalled();
    expect(FakeEventSource.instances).toHaveLength(0);
  });

  it("closes the stream when the page goes away", async () => {
    const { done, abort } = watch(generation(), []);
    abort.abort();
    await expect(done).rejects.toMatchObject({ name: "AbortError" });
    expect(FakeEventSource.latest().closed).toBe(true);
    await flush();
  });
});
