import { readString, writeString } from "./storage";

// public/boot.js reads (and, on a first visit, mints) the same key to fetch reveals early.
const KEY = "improview.client";
let memory: string | undefined;

/** This browser's id, generated once and kept in localStorage (memory only if storage is off). */
export function clientId(): string {
  if (memory) return memory;
  const saved = readString(KEY);
  if (saved) {
    memory = saved;
    return saved;
  }
  memory = crypto.randomUUID();
  writeString(KEY, memory);
  return memory;
}
