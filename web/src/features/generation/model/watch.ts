import { GENERATION_STEPS } from "../../../lib/closed-sets";
import {
  generationEventSchema,
  generationPath,
  getGeneration,
  isFinal,
  type Generation,
} from "../api/generation";
import { applyEvent, applySnapshot } from "./progress";
import { isFinalStep } from "./steps";

/** The part of `EventSource` the watcher uses, so tests can stand in for it. */
export interface EventStream {
  addEventListener(type: string, listener: (message: MessageEvent<string>) => void): void;
  onerror: ((event: Event) => void) | null;
  close(): void;
}

export interface WatchDeps {
  /** Opens the event stream; null where the browser has none, which means polling. */
  openStream?: ((url: string) => EventStream) | null;
  load?: (id: string, signal: AbortSignal) => Promise<Generation>;
  wait?: (ms: number, signal: AbortSignal) => Promise<void>;
  pollMillis?: number;
  /** Network failures in a row the polling tolerates before giving up. */
  maxFailures?: number;
}

const browserStream = (url: string): EventStream => new EventSource(url);

/**
 * Follows a generation until it is final, calling `update` with each new view of it: its event
 * stream first (past events are replayed, so nothing is missed); if the stream breaks before a
 * final step, polling instead. Resolves with the final generation; rejects with an AbortError when
 * `signal` aborts, or with the error that stopped the polling.
 */
export async function watchGeneration(
  initial: Generation,
  update: (generation: Generation) => void,
  signal: AbortSignal,
  {
    openStream = typeof EventSource === "function" ? browserStream : null,
    load = getGeneration,
    wait = sleep,
    pollMillis = 500,
    maxFailures = 5,
  }: WatchDeps = {},
): Promise<Generation> {
  let current = initial;
  const set = (next: Generation) => {
    current = next;
    update(next);
  };
  if (isFinal(current)) return current;

  if (openStream && (await follow(openStream, initial.id, () => current, set, signal))) {
    // The stream says how it ended, not why or from where: one read fills in reason and source.
    try {
      set(applySnapshot(current, await load(initial.id, signal)));
    } catch (error) {
      if (signal.aborted) throw error;
    }
    return current;
  }

  for (let failures = 0; ;) {
    try {
      set(applySnapshot(current, await load(initial.id, signal)));
      failures = 0;
      if (isFinal(current)) return current;
    } catch (error) {
      if (signal.aborted || !(error instanceof TypeError) || ++failures >= maxFailures) throw error;
    }
    await wait(pollMillis, signal);
  }
}

/** Listens until a final step (true) or until the stream breaks or sends nonsense (false). */
function follow(
  open: (url: string) => EventStream,
  id: string,
  current: () => Generation,
  set: (generation: Generation) => void,
  signal: AbortSignal,
): Promise<boolean> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(abortReason(signal));
    const stream = open(`${generationPath(id)}/events`);
    let settled = false;
    const finish = (final: boolean) => {
      if (settled) return;
      settled = true;
      // Closed by us either way: after a final step the server ends the stream, and a broken one
      // must not reconnect on its own while we poll.
      stream.close();
      signal.removeEventListener("abort", onAbort);
      resolve(final);
    };
    const onAbort = () => {
      settled = true;
      stream.close();
      reject(abortReason(signal));
    };
    signal.addEventListener("abort", onAbort, { once: true });
    // Each event is named for its step, so every step needs its own listener.
    for (const step of GENERATION_STEPS) {
      stream.addEventListener(step, (message) => {
        if (settled) return;
        const event = parseEvent(message.data);
        if (!event) return finish(false);
        set(applyEvent(current(), event));
        if (isFinalStep(event.step)) finish(true);
      });
    }
    stream.onerror = () => finish(isFinal(current()));
  });
}

function parseEvent(data: string) {
  try {
    const parsed = generationEventSchema.safeParse(JSON.parse(data));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(abortReason(signal));
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortReason(signal));
    };
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal.addEventListener("abort", onAbort, { once: true });
  });
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException("Aborted", "AbortError");
}
