/** Waits `ms`, or rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortReason(signal));
    const id = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(id);
      reject(abortReason(signal!));
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException("Aborted", "AbortError");
}

export const isAbort = (error: unknown) =>
  error instanceof DOMException && error.name === "AbortError";

/** A request that never reached the server (offline, connection reset): worth trying again. */
export const isNetworkFailure = (error: unknown) => error instanceof TypeError;

export interface PollOptions {
  signal?: AbortSignal;
  /** Waits between reads; the last one repeats. Starts quick, backs off to a calm pace. */
  delays?: readonly number[];
  /** Network failures in a row before giving up. */
  maxFailures?: number;
  /** Called with every answer still pending, e.g. to say "queued" or "running". */
  onProgress?: (value: unknown) => void;
  wait?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export const POLL_DELAYS = [500, 750, 1000, 1500, 2000, 3000, 5000] as const;

/**
 * Reads `load` until `done` says the value is final, waiting longer between reads each time.
 * Stops (rejecting with an AbortError) when `signal` aborts; network failures are retried.
 */
export async function pollUntil<T>(
  load: (signal?: AbortSignal) => Promise<T>,
  done: (value: T) => boolean,
  {
    signal,
    delays = POLL_DELAYS,
    maxFailures = 5,
    onProgress,
    wait = sleep,
  }: Omit<PollOptions, "onProgress"> & { onProgress?: (value: T) => void } = {},
): Promise<T> {
  let failures = 0;
  for (let attempt = 0; ; attempt++) {
    await wait(delays[Math.min(attempt, delays.length - 1)]!, signal);
    let value: T;
    try {
      value = await load(signal);
    } catch (error) {
      if (isAbort(error) || !isNetworkFailure(error) || ++failures >= maxFailures) throw error;
      continue;
    }
    failures = 0;
    if (done(value)) return value;
    onProgress?.(value);
  }
}

/**
 * Calls `send` and, when it fails before reaching the server, once or twice more: the caller sends
 * the same idempotency key each time, so a request that did arrive is not judged twice.
 */
export async function withNetworkRetry<T>(
  send: () => Promise<T>,
  {
    signal,
    delays = [1000, 3000],
    wait = sleep,
  }: { signal?: AbortSignal; delays?: readonly number[]; wait?: PollOptions["wait"] } = {},
): Promise<T> {
  for (let retry = 0; ; retry++) {
    try {
      return await send();
    } catch (error) {
      if (isAbort(error) || !isNetworkFailure(error) || retry >= delays.length) throw error;
      await wait(delays[retry]!, signal);
    }
  }
}
