import { useEffect, useState } from "react";
import { Button } from "../../../components/ui/button";
import {
  loadTimer,
  pauseTimer,
  readout,
  resumeTimer,
  saveTimer,
  type TimerState,
} from "../model/timer";

/** The attempt timer: counts down from the estimate, then into overtime; pausable; kept per problem. */
export function Timer({
  problemId,
  estimateMinutes,
}: {
  problemId: string;
  estimateMinutes: number;
}) {
  const [state, setState] = useState<TimerState>(() => loadTimer(problemId, Date.now()));
  const [now, setNow] = useState(() => Date.now());
  const running = state.pausedAt === null;

  useEffect(() => {
    if (!running) return;
    const id = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(id);
  }, [running]);

  const update = (next: TimerState) => {
    setState(next);
    setNow(Date.now());
    saveTimer(problemId, next);
  };

  const shown = readout(state, estimateMinutes, now);
  return (
    <div className="flex items-center gap-1">
      <span
        role="timer"
        aria-label={`${shown.label}${running ? "" : ", paused"}`}
        title={`Estimate: ${estimateMinutes} min`}
        className={`min-w-[4.5rem] rounded-md px-2 py-1 text-center font-mono text-sm tabular-nums ${
          shown.overtime ? "bg-verdict-limit/12 text-verdict-limit" : "text-ink"
        } ${running ? "" : "opacity-60"}`}
      >
        {shown.text}
      </span>
      <Button
        variant="ghost"
        size="sm"
        aria-pressed={!running}
        aria-label={running ? "Pause timer" : "Resume timer"}
        onClick={() =>
          update(running ? pauseTimer(state, Date.now()) : resumeTimer(state, Date.now()))
        }
      >
        <span aria-hidden="true" className="w-3 text-center">
          {running ? "❚❚" : "▶"}
        </span>
      </Button>
    </div>
  );
}
