import { useCallback, useEffect, useRef, useState } from "react";
import type { Language } from "../../../lib/closed-sets";
import {
  heartbeat,
  timerAction,
  useOpenAttempt,
  type ServerTimer,
  type TimerAction,
} from "../api/attempt";
import { reconcile, type TimerReading } from "../model/timer";

/** How often a visible page with a running timer tells the server it is still there. */
export const HEARTBEAT_MS = 60_000;

export interface AttemptTimer {
  /** The open attempt's id; null until it is open. */
  attemptId: string | null;
  /** The last server timer and when it arrived; null until the attempt is open. */
  reading: TimerReading | null;
  /** The attempt could not be opened: the clock shows a calm note instead. */
  failed: boolean;
  retry: () => void;
  start: () => void;
  pause: () => void;
  resume: () => void;
  reset: () => void;
  /** Call on every edit of the code: the first one starts the timer. */
  onEdit: () => void;
  /** Shows a timer the server sent with another answer (e.g. frozen by an accepted submission). */
  adopt: (timer: ServerTimer) => void;
}

/**
 * The attempt's timer with the server as the truth: opens (or resumes) the attempt, starts on the
 * first edit, pauses while the page is hidden and sends heartbeats while it runs and is visible.
 */
export function useAttemptTimer(problemId: string, language: Language): AttemptTimer {
  const attempt = useOpenAttempt(problemId, language);
  const attemptId = attempt.data?.id;
  // Server answers after the opening one; the opening one counts from when it arrived.
  const [latest, setLatest] = useState<{ id: string; reading: TimerReading } | null>(null);
  const reading =
    latest && latest.id === attemptId
      ? latest.reading
      : attempt.data
        ? { timer: attempt.data.timer, receivedAt: attempt.dataUpdatedAt }
        : null;

  const readingRef = useRef(reading);
  // Actions go one after another, so "pause then resume" reaches the server in that order.
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const startSent = useRef(false);
  const pausedByHiding = useRef(false);
  useEffect(() => {
    readingRef.current = reading;
  });

  const adopt = useCallback((id: string, timer: ServerTimer) => {
    const next = reconcile(readingRef.current, timer, Date.now());
    readingRef.current = next;
    setLatest({ id, reading: next });
  }, []);

  const send = useCallback(
    (action: TimerAction) => {
      if (!attemptId) return;
      queue.current = queue.current
        .then(() => timerAction(attemptId, action))
        .then((timer) => adopt(attemptId, timer))
        // The clock keeps showing the last known value; the next action or heartbeat corrects it.
        .catch(() => undefined);
      return queue.current;
    },
    [attemptId, adopt],
  );

  const beat = useCallback(() => {
    if (!attemptId) return;
    heartbeat(attemptId).then(
      (timer) => adopt(attemptId, timer),
      () => undefined,
    );
  }, [attemptId, adopt]);

  const running = reading?.timer.running ?? false;

  useEffect(() => {
    if (!running) return;
    const id = window.setInterval(() => {
      if (document.visibilityState === "visible") beat();
    }, HEARTBEAT_MS);
    return () => window.clearInterval(id);
  }, [running, beat]);

  useEffect(() => {
    const onVisibility = () => {
      const current = readingRef.current;
      if (document.visibilityState === "hidden") {
        if (current?.timer.running) {
          pausedByHiding.current = true;
          send("pause");
        }
      } else if (pausedByHiding.current) {
        pausedByHiding.current = false;
        send("resume");
      } else if (current?.timer.running) {
        beat();
      }
    };
    document.addEventListener("visibilitychange", onVisibility);
    return () => document.removeEventListener("visibilitychange", onVisibility);
  }, [send, beat]);

  const onEdit = useCallback(() => {
    if (startSent.current || !readingRef.current || readingRef.current.timer.started) return;
    startSent.current = true;
    // Once answered the timer is started (or another tab's truth is adopted); after a reset the
    // next edit starts it again.
    void send("start")?.finally(() => (startSent.current = false));
  }, [send]);

  return {
    /** The open attempt's id once it is known: runs and submissions are recorded on it. */
    attemptId: attemptId ?? null,
    reading,
    failed: attempt.isError,
    retry: () => void attempt.refetch(),
    start: () => void send("start"),
    pause: () => void send("pause"),
    resume: () => void send("resume"),
    reset: () => void send("reset"),
    onEdit,
    adopt: (timer) => attemptId && adopt(attemptId, timer),
  };
}
