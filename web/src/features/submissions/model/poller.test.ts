import { describe, expect, it, vi } from "vitest";
import { pollUntil, sleep, withNetworkRetry } from "./poller";

// Waits are recorded, not slept, so the tests see the backoff without taking its time.
function recorder() {
  const waits: number[] = [];
  const wait = async (ms: number, signal?: AbortSignal) => {
    if (signal?.aborted) throw new DOMException("Aborted", "AbortError");
    waits.push(ms);
  };
  return { waits, wait };
}

describe("pollUntil", () => {
  it("reads until done, backing off and then holding the last delay", async () => {
    const { waits, wait } = recorder();
    const states = ["queued", "queued", "running", "running", "running", "finished"];
    const load = vi.fn(async () => states.shift()!);
    const progress: string[] = [];
    const result = await pollUntil(load, (s) => s === "finished", {
      wait,
      delays: [100, 200, 400],
      onProgress: (s) => progress.push(s),
    });
    expect(result).toBe("finished");
    expect(load).toHaveBeenCalledTimes(6);
    expect(waits).toEqual([100, 200, 400, 400, 400, 400]);
    expect(progress).toEqual(["queued", "queued", "running", "running", "running"]);
  });

  it("retries network failures, up to a limit", async () => {
    const { wait } = recorder();
    const load = vi
      .fn<() => Promise<string>>()
      .mockRejectedValueOnce(new TypeError("Failed to fetch"))
      .mockResolvedValueOnce("finished");
    await expect(pollUntil(load, (s) => s === "finished", { wait })).resolves.toBe("finished");

    const down = vi.fn(async () => {
      throw new TypeError("Failed to fetch");
    });
    await expect(pollUntil(down, () => true, { wait, maxFailures: 3 })).rejects.toThrow(TypeError);
    expect(down).toHaveBeenCalledTimes(3);
  });

  it("does not retry an answer the server gave (e.g. 404)", async () => {
    const { wait } = recorder();
    const load = vi.fn(async () => {
      throw new Error("not found");
    });
    await expect(pollUntil(load, () => true, { wait })).rejects.toThrow("not found");
    expect(load).toHaveBeenCalledTimes(1);
  });

  it("stops when the signal aborts, with real timers", async () => {
    vi.useFakeTimers();
    try {
      const controller = new AbortController();
      const load = vi.fn(async () => "running");
      const polling = pollUntil(load, () => false, { signal: controller.signal });
      const settled = expect(polling).rejects.toMatchObject({ name: "AbortError" });
      await vi.advanceTimersByTimeAsync(2000);
      const calls = load.mock.calls.length;
      expect(calls).toBeGreaterThan(0);
      controller.abort();
      await settled;
      await vi.advanceTimersByTimeAsync(60_000);
      expect(load).toHaveBeenCalledTimes(calls);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe("sleep", () => {
  it("rejects at once when the signal is already aborted", async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(sleep(10_000, controller.signal)).rejects.toMatchObject({ name: "AbortError" });
  });
});

describe("withNetworkRetry", () => {
  it("sends again after a network failure, and stops after the last delay", async () => {
    const { waits, wait } = recorder();
    const send = vi
      .fn<() => Promise<string>>()
      .mockRejectedValueOnce(new TypeError("Failed to fetch"))
      .mockResolvedValueOnce("ok");
    await expect(withNetworkRetry(send, { wait, delays: [10, 20] })).resolves.toBe("ok");
    expect(waits).toEqual([10]);

    const down = vi.fn(async () => {
      throw new TypeError("Failed to fetch");
    });
    await expect(withNetworkRetry(down, { wait, delays: [10, 20] })).rejects.toThrow(TypeError);
    expect(down).toHaveBeenCalledTimes(3);
  });
});
