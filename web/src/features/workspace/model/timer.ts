import { readJson, writeJson } from "../../../lib/storage";

/**
 * A pausable stopwatch as plain data, so it survives reloads: elapsed time is derived from
 * wall-clock timestamps rather than counted by ticks (a background tab never drifts).
 */
export interface TimerState {
  startedAt: number;
  /** When the timer was paused, or null while it runs. */
  pausedAt: number | null;
  /** Total time spent paused before the current pause. */
  pausedMs: number;
}

export function startTimer(now: number): TimerState {
  return { startedAt: now, pausedAt: null, pausedMs: 0 };
}

export function elapsedMs(state: TimerState, now: number): number {
  const end = state.pausedAt ?? now;
  return Math.max(0, end - state.startedAt - state.pausedMs);
}

export function pauseTimer(state: TimerState, now: number): TimerState {
  return state.pausedAt === null ? { ...state, pausedAt: now } : state;
}

export function resumeTimer(state: TimerState, now: number): TimerState {
  if (state.pausedAt === null) return state;
  return { ...state, pausedAt: null, pausedMs: state.pausedMs + Math.max(0, now - state.pausedAt) };
}

export interface Readout {
  /** "12:34" counting down, "+01:05" in overtime. */
  text: string;
  overtime: boolean;
  /** A sentence for screen readers. */
  label: string;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** Formats whole seconds as m:ss, or h:mm:ss past an hour. */
export function formatClock(totalSeconds: number): string {
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  return hours > 0 ? `${hours}:${pad(minutes)}:${pad(seconds)}` : `${pad(minutes)}:${pad(seconds)}`;
}

/** Counts down from the estimate, then up into overtime. */
export function readout(state: TimerState, estimateMinutes: number, now: number): Readout {
  const remainingMs = estimateMinutes * 60_000 - elapsedMs(state, now);
  if (remainingMs > 0) {
    // Round up so the clock shows 00:01 until the last second has really passed.
    const seconds = Math.ceil(remainingMs / 1000);
    return { text: formatClock(seconds), overtime: false, label: `${speak(seconds)} remaining` };
  }
  const seconds = Math.floor(-remainingMs / 1000);
  return {
    text: `+${formatClock(seconds)}`,
    overtime: true,
    label: `${speak(seconds)} over the estimate`,
  };
}

function speak(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  const parts = [];
  if (minutes > 0) parts.push(`${minutes} ${minutes === 1 ? "minute" : "minutes"}`);
  if (rest > 0 || minutes === 0) parts.push(`${rest} ${rest === 1 ? "second" : "seconds"}`);
  return parts.join(" ");
}

const timerKey = (problemId: string) => `improview.timer.${problemId}`;

function isTimerState(value: unknown): value is TimerState {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.startedAt === "number" &&
    (v.pausedAt === null || typeof v.pausedAt === "number") &&
    typeof v.pausedMs === "number"
  );
}

/** The problem's saved timer, or a fresh one started now (and saved). */
export function loadTimer(problemId: string, now: number): TimerState {
  const saved = readJson(timerKey(problemId));
  if (isTimerState(saved)) return saved;
  const fresh = startTimer(now);
  writeJson(timerKey(problemId), fresh);
  return fresh;
}

export function saveTimer(problemId: string, state: TimerState) {
  writeJson(timerKey(problemId), state);
}
