import { isFinal, type Generation, type GenerationEvent } from "../api/generation";

/** `events` and `more` as one list: each `seq` once (the later copy wins), in `seq` order. */
export function mergeEvents(
  events: readonly GenerationEvent[],
  more: readonly GenerationEvent[],
): GenerationEvent[] {
  const bySeq = new Map<number, GenerationEvent>();
  for (const event of [...events, ...more]) bySeq.set(event.seq, event);
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

/** The generation after one streamed event: a final step settles its state. */
export function applyEvent(generation: Generation, event: GenerationEvent): Generation {
  const events = mergeEvents(generation.events, [event]);
  if (event.step === "ready") {
    return {
      ...generation,
      events,
      state: "ready",
      problemId: event.problemId ?? generation.problemId,
      finishedAt: generation.finishedAt ?? event.at,
    };
  }
  if (event.step === "failed") {
    return {
      ...generation,
      events,
      state: "failed",
      reason: generation.reason ?? event.message,
      finishedAt: generation.finishedAt ?? event.at,
    };
  }
  // A step past "queued" means the server has started; a late replay never moves a final state back.
  const state =
    generation.state === "queued" && event.step !== "queued" ? "running" : generation.state;
  return { ...generation, events, state };
}

/**
 * A fresh read of the generation: its fields win and the events seen so far are kept, except that
 * a read older than a final event already seen does not move the generation back to running.
 */
export function applySnapshot(generation: Generation, snapshot: Generation): Generation {
  const events = mergeEvents(generation.events, snapshot.events);
  if (isFinal(generation) && !isFinal(snapshot)) return { ...generation, events };
  return { ...snapshot, events };
}

export type RowStatus = "done" | "current" | "stopped" | "failed";

export interface StepRow {
  event: GenerationEvent;
  status: RowStatus;
}

/**
 * Each event as a row of the progress list. A step is done once a later one arrived; the last is
 * current while the generation runs. When it failed, the step it stopped in is marked so; a
 * checking step that refused a draft (the model then repairs it) is marked failed.
 */
export function stepRows(generation: Generation): StepRow[] {
  const { events } = generation;
  const running = generation.state === "queued" || generation.state === "running";
  const stoppedAt =
    generation.state === "failed" ? events.findLastIndex((e) => e.step !== "failed") : -1;
  return events.map((event, index) => {
    let status: RowStatus = "done";
    if (event.step === "failed" || event.outcome === "failed") status = "failed";
    else if (index === stoppedAt) status = "stopped";
    else if (running && index === events.length - 1) status = "current";
    return { event, status };
  });
}
