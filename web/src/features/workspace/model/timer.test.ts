import { describe, expect, it } from "vitest";
import { displayedElapsed, formatClock, readout, reconcile, type TimerReading } from "./timer";

const MIN = 60_000;

const timer = (elapsedMillis: number, running: boolean, started = true) => ({
  elapsedMillis,
  running,
  started,
  estimateMinutes: 15,
});

describe("readout", () => {
  it("counts down from the estimate, rounding up to the next second", () => {
    expect(readout(0, 15)).toMatchObject({ text: "15:00", overtime: false });
    expect(readout(1, 15)).toMatchObject({ text: "15:00" });
    expect(readout(1000, 15)).toMatchObject({ text: "14:59" });
    expect(readout(15 * MIN - 1, 15)).toMatchObject({ text: "00:01", overtime: false });
  });

  it("goes into overtime after the estimate", () => {
    expect(readout(15 * MIN, 15)).toMatchObject({ text: "+00:00", overtime: true });
    expect(readout(16 * MIN + 5_000, 15)).toMatchObject({
      text: "+01:05",
      overtime: true,
      label: "1 minute 5 seconds over the estimate",
    });
  });

  it("formats hours", () => {
    expect(formatClock(3 * 3600 + 4 * 60 + 5)).toBe("3:04:05");
    expect(formatClock(59)).toBe("00:59");
  });
});

describe("displayedElapsed", () => {
  it("advances the server's value from when it arrived while it runs", () => {
    const reading = { timer: timer(90_000, true), receivedAt: 1_000 };
    expect(displayedElapsed(reading, 1_000)).toBe(90_000);
    expect(displayedElapsed(reading, 31_000)).toBe(120_000);
    // A local clock behind the arrival never counts backwards.
    expect(displayedElapsed(reading, 500)).toBe(90_000);
  });

  it("holds a paused or unstarted timer", () => {
    expect(displayedElapsed({ timer: timer(90_000, false), receivedAt: 0 }, 10 * MIN)).toBe(90_000);
    expect(displayedElapsed({ timer: timer(0, false, false), receivedAt: 0 }, MIN)).toBe(0);
  });
});

describe("reconcile", () => {
  const shown: TimerReading = { timer: timer(60_000, true), receivedAt: 0 };

  it("keeps what is shown when the server agrees to within a second: no jump", () => {
    const next = reconcile(shown, timer(70_600, true), 10_000);
    expect(displayedElapsed(next, 10_000)).toBe(70_000);
    expect(displayedElapsed(next, 11_000)).toBe(71_000);
  });

  it("adopts the server's value when it differs by more than a second", () => {
    const next = reconcile(shown, timer(40_000, true), 10_000);
    expect(next).toEqual({ timer: timer(40_000, true), receivedAt: 10_000 });
  });

  it("adopts a pause without moving the clock, then holds it", () => {
    const next = reconcile(shown, timer(70_300, false), 10_000);
    expect(next.timer.running).toBe(false);
    expect(displayedElapsed(next, 99_000)).toBe(70_000);
  });

  it("adopts a reset exactly, and the first timer as it comes", () => {
    expect(reconcile(shown, timer(0, false, false), 500)).toEqual({
      timer: timer(0, false, false),
      receivedAt: 500,
    });
    expect(reconcile(null, timer(5_000, true), 7)).toEqual({
      timer: timer(5_000, true),
      receivedAt: 7,
    });
  });
});
