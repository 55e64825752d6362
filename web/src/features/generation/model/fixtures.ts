// Test support: generations and events as the server sends them, and an EventSource stand-in.
import type { Generation, GenerationEvent } from "../api/generation";
import type { EventStream } from "./watch";

const START = Date.parse("2026-12-03T10:00:00Z");

export function event(
  seq: number,
  step: GenerationEvent["step"],
  extra: Partial<GenerationEvent> = {},
) {
  return {
    seq,
    step,
    at: new Date(START + seq * 200).toISOString(),
    message: `${step} message ${seq}`,
    problemId: null,
    ...extra,
  } satisfies GenerationEvent;
}

export function generation(extra: Partial<Generation> = {}): Generation {
  return {
    id: "g1",
    category: "graphs",
    difficulty: "easy",
    language: "python",
    topicHint: null,
    state: "queued",
    source: null,
    problemId: null,
    reason: null,
    createdAt: new Date(START).toISOString(),
    finishedAt: null,
    events: [event(1, "queued")],
    ...extra,
  };
}

/** An EventSource the test drives: it sends events and breaks when told. */
export class FakeEventSource implements EventStream {
  static instances: FakeEventSource[] = [];
  private readonly listeners = new Map<string, ((message: MessageEvent<string>) => void)[]>();
  onerror: ((event: Event) => void) | null = null;
  closed = false;

  constructor(readonly url: string) {
    FakeEventSource.instances.push(this);
  }

  static latest(): FakeEventSource {
    const latest = FakeEventSource.instances.at(-1);
    if (!latest) throw new Error("no EventSource was opened");
    return latest;
  }

  addEventListener(type: string, listener: (message: MessageEvent<string>) => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }

  close() {
    this.closed = true;
  }

  /** One event as the server writes it: named for its step, its JSON as data, its seq as id. */
  emit(sent: GenerationEvent, data: string = JSON.stringify(sent)) {
    if (this.closed) return;
    const message = new MessageEvent(sent.step, { data, lastEventId: String(sent.seq) });
    for (const listener of this.listeners.get(sent.step) ?? []) listener(message);
  }

  /** The connection drops (or the server ends the stream): what EventSource reports as error. */
  fail() {
    if (!this.closed) this.onerror?.(new Event("error"));
  }
}
