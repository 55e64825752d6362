import type { AnyRouter } from "@tanstack/react-router";
import { onSignInNeeded } from "./api-client";
import { signInHref } from "./next-path";

/**
 * Sends the user to `/sign-in?next=…` through `router` (no page load) when a private endpoint
 * answers 401, coming back to the page they were going to. Returns the undo.
 */
export function signInThrough(router: AnyRouter): () => void {
  return onSignInNeeded(() => {
    // The location being loaded, not the one still shown: a loader's 401 is about the new page.
    const here = router.latestLocation;
    if (here.pathname === "/sign-in" || here.pathname.startsWith("/sign-in/")) return;
    void router.navigate({ href: signInHref(here.href) });
  });
}
