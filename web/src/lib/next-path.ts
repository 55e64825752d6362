import { linkTarget } from "./link-target";

/**
 * Where to go after signing in: `raw` when it is a path on this site, else `/`. Anything that
 * could leave the site (another origin, `//host`, a scheme) or lead back to the sign-in pages is
 * refused, since `?next=` is whatever the link's author chose.
 */
export function safeNext(raw: unknown): string {
  if (typeof raw !== "string") return "/";
  const target = linkTarget(raw);
  if (!target || target.external || !target.href.startsWith("/")) return "/";
  const { pathname } = new URL(target.href, "https://same-site.invalid");
  if (pathname === "/sign-in" || pathname.startsWith("/sign-in/")) return "/";
  return target.href;
}

/** The sign-in page's address, coming back to `next` afterwards. */
export function signInHref(next: string): string {
  const back = safeNext(next);
  return back === "/" ? "/sign-in" : `/sign-in?next=${encodeURIComponent(back)}`;
}
