import { Link, createFileRoute, useNavigate } from "@tanstack/react-router";
import type { ReactNode } from "react";
import { z } from "zod/mini";
import { Button } from "../components/ui/button";
import { useMagicLinkSignIn } from "../features/account/api/magic-link-sign-in";
import { takeNext } from "../features/account/model/pending-next";
import { ApiError } from "../lib/api-client";
import { safeNext } from "../lib/next-path";

const searchSchema = z.lazy(() =>
  z.object({
    token: z.catch(z.optional(z.string()), undefined),
    next: z.catch(
      z.optional(
        z.pipe(
          z.string(),
          z.transform((raw: string) => safeNext(raw)),
        ),
      ),
      undefined,
    ),
  }),
);

// Opening the link signs nobody in: the token is posted only when the user presses the button,
// so a mail scanner that fetches every link in a mail spends no one's sign-in (docs/security.md).
export const Route = createFileRoute("/sign-in/link")({
  validateSearch: searchSchema,
  component: MagicLinkPage,
});

function MagicLinkPage() {
  const { token, next } = Route.useSearch();
  const navigate = useNavigate();
  const signIn = useMagicLinkSignIn();
  const again = (
    <Link to="/sign-in" search={next ? { next } : {}} className="text-accent underline">
      Ask for a new link
    </Link>
  );

  if (!token) {
    return (
      <Page>
        <p role="alert" className="mt-4">
          This address has no sign-in token: open the link from the mail as it is, or ask for a new
          one.
        </p>
        <p className="mt-4">{again}</p>
      </Page>
    );
  }
  const failed =
    signIn.error instanceof ApiError && signIn.error.status === 401 ? signIn.error : null;
  if (failed) {
    return (
      <Page>
        <div role="alert" className="mt-4">
          <h2 className="font-semibold text-verdict-wrong">This link was used or has expired</h2>
          <p className="mt-1 text-sm text-ink-muted">
            A sign-in link works once, for a few minutes. Ask for a new one.
          </p>
        </div>
        <p className="mt-4">{again}</p>
      </Page>
    );
  }
  return (
    <Page>
      <p className="mt-2 text-sm text-ink-muted">
        Press the button to finish signing in on this device.
      </p>
      <div className="mt-6">
        <Button
          variant="primary"
          disabled={signIn.isPending || signIn.isSuccess}
          onClick={() =>
            signIn.mutate(token, {
              onSuccess: () => void navigate({ href: takeNext(next), replace: true }),
            })
          }
        >
          {signIn.isPending || signIn.isSuccess ? "Signing in…" : "Sign in"}
        </Button>
      </div>
      {signIn.isError && (
        <p role="alert" className="mt-3 text-sm text-verdict-wrong">
          Could not sign in: {signIn.error.message} Try again in a moment.
        </p>
      )}
    </Page>
  );
}

function Page({ children }: { children: ReactNode }) {
  return (
    <div className="mx-auto max-w-md px-4 py-12">
      <h1 className="text-2xl font-semibold tracking-tight">Sign in to Improview</h1>
      {children}
    </div>
  );
}
