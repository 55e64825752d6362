import { useEffect, useState } from "react";
import { Button } from "../../../components/ui/button";
import { Dialog } from "../../../components/ui/dialog";
import type { AttemptTimer } from "../hooks/use-attempt-timer";
import { displayedElapsed, readout } from "../model/timer";

const CLOCK =
  "min-w-[4.5rem] rounded-md px-2 py-1 text-center font-mono text-sm tabular-nums text-ink";

/**
 * The attempt timer as the server keeps it: counts down from the estimate, then into overtime;
 * Start (or the first edit), pause/resume, and reset behind a confirmation.
 */
export function Timer({
  timer,
  estimateMinutes,
}: {
  timer: AttemptTimer;
  /** The problem's estimate, shown until the server's timer arrives. */
  estimateMinutes: number;
}) {
  const { reading } = timer;
  const running = reading?.timer.running ?? false;
  const [now, setNow] = useState(() => Date.now());
  const [resetOpen, setResetOpen] = useState(false);

  useEffect(() => {
    if (!running) return;
    // Four ticks a second, so a whole second is never skipped however the ticks fall.
    const id = window.setInterval(() => setNow(Date.now()), 250);
    return () => window.clearInterval(id);
  }, [running]);

  if (timer.failed) {
    return (
      <div className="flex items-center gap-1">
        <span role="status" className={`${CLOCK} text-xs text-ink-muted`}>
          Timer offline
        </span>
        <Button variant="ghost" size="sm" onClick={timer.retry}>
          Retry
        </Button>
      </div>
    );
  }

  const started = reading?.timer.started ?? false;
  const estimate = reading?.timer.estimateMinutes ?? estimateMinutes;
  const shown = readout(
    reading ? displayedElapsed(reading, Math.max(now, reading.receivedAt)) : 0,
    estimate,
  );
  const state = !started ? ", not started" : running ? "" : ", paused";
  const toggle = !started
    ? { label: "Start timer", icon: "▶", act: timer.start }
    : running
      ? { label: "Pause timer", icon: "❚❚", act: timer.pause }
      : { label: "Resume timer", icon: "▶", act: timer.resume };

  return (
    <div className="flex items-center gap-1">
      <span
        role="timer"
        aria-label={`${shown.label}${state}`}
        title={`Estimate: ${estimate} min`}
        className={`${CLOCK} ${shown.overtime ? "bg-verdict-limit/12 text-verdict-limit" : ""} ${
          running ? "" : "opacity-60"
        }`}
      >
        {shown.text}
      </span>
      <Button
        variant="ghost"
        size="sm"
        aria-label={toggle.label}
        title={toggle.label}
        disabled={!reading}
        onClick={toggle.act}
      >
        <span aria-hidden="true" className="w-3 text-center">
          {toggle.icon}
        </span>
      </Button>
      <Button
        variant="ghost"
        size="sm"
        aria-label="Reset timer"
        title="Reset timer"
        disabled={!started}
        onClick={() => setResetOpen(true)}
      >
        <span aria-hidden="true" className="w-3 text-center">
          ↺
        </span>
      </Button>
      <Dialog
        open={resetOpen}
        onClose={() => setResetOpen(false)}
        title="Reset the timer?"
        actions={
          <>
            <Button onClick={() => setResetOpen(false)}>Keep my time</Button>
            <Button
              variant="danger"
              onClick={() => {
                timer.reset();
                setResetOpen(false);
              }}
            >
              Reset to zero
            </Button>
          </>
        }
      >
        The timer goes back to zero and stops; your next edit or Start begins it again. The time so
        far stays in the attempt&apos;s history.
      </Dialog>
    </div>
  );
}
