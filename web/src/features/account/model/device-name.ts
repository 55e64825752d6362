import { MAX_LABEL_LENGTH } from "./passkey-ceremony";

// Checked in order: Edge and Opera say "Chrome" too, and every iOS browser says "Safari".
const BROWSERS: [RegExp, string][] = [
  [/Edg\//, "Edge"],
  [/OPR\//, "Opera"],
  [/Firefox\/|FxiOS\//, "Firefox"],
  [/Chrome\/|CriOS\/|Chromium\//, "Chrome"],
  [/Safari\//, "Safari"],
];
const SYSTEMS: [RegExp, string][] = [
  [/iPhone/, "iPhone"],
  [/iPad/, "iPad"],
  [/Android/, "Android"],
  [/CrOS/, "ChromeOS"],
  [/Mac OS X|Macintosh/, "macOS"],
  [/Windows/, "Windows"],
  [/Linux/, "Linux"],
];

const first = (table: [RegExp, string][], userAgent: string) =>
  table.find(([pattern]) => pattern.test(userAgent))?.[1];

/**
 * A default name for a passkey made on this device, such as "Chrome on macOS": what the user most
 * likely calls it, so the list tells one passkey from another even if they never rename it.
 */
export function deviceName(userAgent: string): string {
  const browser = first(BROWSERS, userAgent);
  const system = first(SYSTEMS, userAgent);
  const name = browser && system ? `${browser} on ${system}` : (browser ?? system ?? "This device");
  return name.slice(0, MAX_LABEL_LENGTH);
}
