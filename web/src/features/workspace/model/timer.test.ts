import { beforeEach, describe, expect, it } from "vitest";
import {
  elapsedMs,
  formatClock,
  loadTimer,
  pauseTimer,
  readout,
  resumeTimer,
  saveTimer,
  startTimer,
} from "./timer";

const MIN = 60_000;

describe("timer", () => {
  beforeEach(() => localStorage.clear());

  it("counts down from the estimate, rounding up to the next second", () => {
    const t = startTimer(0);
    expect(readout(t, 15, 0)).toMatchObject({ text: "15:00", overtime: false });
    expect(readout(t, 15, 1)).toMatchObject({ text: "15:00" });
    expect(readout(t, 15, 1000)).toMatchObject({ text: "14:59" });
    expect(readout(t, 15, 15 * MIN - 1)).toMatchObject({ text: "00:01", overtime: false });
  });

  it("goes into overtime after the estimate", () => {
    const t = startTimer(0);
    expect(readout(t, 15, 15 * MIN)).toMatchObject({ text: "+00:00", overtime: true });
    expect(readout(t, 15, 16 * MIN + 5_000)).toMatchObject({
      text: "+01:05",
      overtime: true,
      label: "1 minute 5 seconds over the estimate",
    });
  });

  it("does not count paused time", () => {
    let t = startTimer(0);
    t = pauseTimer(t, 2 * MIN);
    expect(elapsedMs(t, 10 * MIN)).toBe(2 * MIN);
    t = resumeTimer(t, 10 * MIN);
    expect(elapsedMs(t, 11 * MIN)).toBe(3 * MIN);
    // Pausing twice or resuming a running timer changes nothing.
    expect(pauseTimer(pauseTimer(t, 12 * MIN), 13 * MIN).pausedAt).toBe(12 * MIN);
    expect(resumeTimer(t, 12 * MIN)).toBe(t);
  });

  it("formats hours", () => {
    expect(formatClock(3 * 3600 + 4 * 60 + 5)).toBe("3:04:05");
    expect(formatClock(59)).toBe("00:59");
  });

  it("survives a reload through storage, paused state included", () => {
    const started = loadTimer("p1", 1_000);
    expect(started).toEqual(startTimer(1_000));
    saveTimer("p1", pauseTimer(started, 5_000));
    expect(loadTimer("p1", 99_000)).toEqual({ startedAt: 1_000, pausedAt: 5_000, pausedMs: 0 });
  });

  it("starts afresh when the saved timer is unreadable", () => {
    localStorage.setItem("improview.timer.p2", '{"startedAt":"yesterday"}');
    expect(loadTimer("p2", 7)).toEqual(startTimer(7));
  });
});
