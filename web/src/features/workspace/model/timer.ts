/** The server's timer as this page last heard it, and when (local clock) the answer arrived. */
export interface TimerReading {
  timer: {
    elapsedMillis: number;
    running: boolean;
    started: boolean;
    estimateMinutes: number;
  };
  receivedAt: number;
}

/** Within this, a new server value is a matter of latency and clock ticks, not news. */
export const RECONCILE_TOLERANCE_MS = 1000;

/** The elapsed time to show at `now`: the server's value, advanced locally while it runs. */
export function displayedElapsed(reading: TimerReading, now: number): number {
  const { elapsedMillis, running } = reading.timer;
  return running ? elapsedMillis + Math.max(0, now - reading.receivedAt) : elapsedMillis;
}

/**
 * Takes in a new server timer without a visible jump: when it agrees with what is shown to within
 * the tolerance, the shown value stays and only the state (running, started, estimate) is adopted.
 */
export function reconcile(
  current: TimerReading | null,
  timer: TimerReading["timer"],
  now: number,
): TimerReading {
  const fresh = { timer, receivedAt: now };
  if (!current || !timer.started) return fresh;
  const shown = displayedElapsed(current, now);
  if (Math.abs(shown - timer.elapsedMillis) > RECONCILE_TOLERANCE_MS) return fresh;
  return { timer: { ...timer, elapsedMillis: shown }, receivedAt: now };
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
export function readout(elapsedMillis: number, estimateMinutes: number): Readout {
  const remainingMs = estimateMinutes * 60_000 - elapsedMillis;
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
