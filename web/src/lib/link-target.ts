// Decides where a link in problem text may point. Problem text is untrusted, so only three kinds of
// target become links: paths on this site, absolute http(s) URLs, which open as external, and
// mailto: addresses.

export interface LinkTarget {
  href: string;
  /** True for an absolute http(s) URL: it opens in a new tab and is marked as leaving the site. */
  external: boolean;
}

// Any origin will do: it only tells whether a relative target would leave the page's origin.
const PROBE_BASE = "https://same-site.invalid/problems/probe";
const PROBE_ORIGIN = new URL(PROBE_BASE).origin;
const SCHEME = /^([a-z][a-z\d+.-]*):/i;
// `/%5Chost` is `/\host` to a server that decodes the path once more (and `%255C` to one that
// decodes twice); browsers read `/\host` as `//host`, another site.
const ENCODED_SLASH_AFTER_ROOT = /^\/%(?:25)*(?:2f|5c)/i;

/** The target a link may use, or null if it must be shown as plain text. */
export function linkTarget(raw: string): LinkTarget | null {
  const value = normalise(raw);
  if (value === "") return null;
  const scheme = SCHEME.exec(value)?.[1]!.toLowerCase();
  if (scheme !== undefined) {
    const url = parse(value);
    if (scheme === "mailto")
      return url && url.pathname !== "" ? { href: url.href, external: false } : null;
    if (scheme !== "http" && scheme !== "https") return null;
    return url && url.hostname !== "" ? { href: url.href, external: true } : null;
  }
  if (value.startsWith("//") || ENCODED_SLASH_AFTER_ROOT.test(value)) return null;
  // A path, a query or a #fragment: it must resolve, as a browser would, to this same site.
  const resolved = parse(value, PROBE_BASE);
  return resolved?.origin === PROBE_ORIGIN ? { href: value, external: false } : null;
}

/** The URL as a browser reads it: no surrounding C0 controls or spaces, no tabs or newlines, `\` as `/`. */
function normalise(raw: string): string {
  let start = 0;
  let end = raw.length;
  while (start < end && raw.charCodeAt(start) <= 0x20) start++;
  while (end > start && raw.charCodeAt(end - 1) <= 0x20) end--;
  return raw
    .slice(start, end)
    .replace(/[\t\n\r]/g, "")
    .replace(/\\/g, "/");
}

function parse(value: string, base?: string): URL | null {
  try {
    return new URL(value, base);
  } catch {
    return null;
  }
}
