import { readString, writeString } from "./storage";

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
