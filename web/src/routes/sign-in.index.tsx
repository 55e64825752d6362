import { useSuspenseQuery } from "@tanstack/react-query";
import { Link, createFileRoute, useNavigate } from "@tanstack/react-router";
import type { ReactNode } from "react";
import { z } from "zod/mini";
import { ErrorPanel } from "../components/ui/error-panel";
import { authOptionsQuery } from "../features/account/api/auth-options";
import { meQuery } from "../features/account/api/me";
import { AccountDeletedNotice } from "../features/account/components/account-deleted-notice";
import { EmailLinkForm } from "../features/account/components/email-link-form";
import { PasskeySignIn } from "../features/account/components/passkey-sign-in";
import { rememberNext, takeNext } from "../features/account/model/pending-next";
import { safeNext } from "../lib/next-path";

// `next` is whoever made the link's choice: only a path on this site is kept (lib/next-path.ts).
const searchSchema = z.lazy(() =>
  z.object({
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

export const Route = createFileRoute("/sign-in/")({
  validateSearch: searchSchema,
  loader: ({ context }) =>
    Promise.all([
      context.queryClient.ensureQueryData(authOptionsQuery),
      context.queryClient.ensureQueryData(meQuery),
    ]),
  component: SignInPage,
  pendingComponent: () => (
    <Page>
      <p role="status" className="mt-6 text-sm text-ink-muted">
        Loading…
      </p>
    </Page>
  ),
  errorComponent: ({ error }) => <ErrorPanel error={error} />,
});

function Page({ children }: { children: ReactNode }) {
  return (
    <div className="mx-auto max-w-md px-4 py-12">
      <h1 className="text-2xl font-semibold tracking-tight">Sign in</h1>
      <AccountDeletedNotice />
      {children}
    </div>
  );
}

function SignInPage() {
  const search = Route.useSearch();
  const { next = "/" } = search;
  const navigate = useNavigate();
  const { data: options } = useSuspenseQuery(authOptionsQuery);
  const { data: me } = useSuspenseQuery(meQuery);

  if (options.mode === "local") {
    return (
      <Page>
        <p className="mt-4 text-ink-muted">
          This server runs in local mode: nobody signs in, and everything on it is yours.
        </p>
        <Link to="/" className="mt-4 inline-block text-accent underline">
          Go to practice
        </Link>
      </Page>
    );
  }
  if (me) {
    return (
      <Page>
        <p className="mt-4">
          You are signed in as <span className="font-medium">{me.email}</span>.
        </p>
        <div className="mt-4 flex gap-4">
          {/* A path with its own query: a plain link, checked by safeNext. */}
          <a href={next} className="text-accent underline">
            Continue
          </a>
          <Link to="/account" className="text-accent underline">
            Your account
          </Link>
        </div>
      </Page>
    );
  }
  return (
    <Page>
      <p className="mt-1 text-sm text-ink-muted">
        Your attempts and history stay with your account.
      </p>
      {/* The ways to sign in, in the order docs/UX.md gives them: a passkey, then an email link. */}
      <div className="mt-6 flex flex-col gap-6">
        <section
          aria-label="Sign in with a passkey"
          className="rounded-lg border border-line bg-surface p-4"
        >
          <PasskeySignIn
            onSignedIn={() => void navigate({ href: takeNext(search.next), replace: true })}
          />
        </section>
        <section
          aria-label="Sign in with an email link"
          className="rounded-lg border border-line bg-surface p-4"
        >
          <EmailLinkForm devMailbox={options.devMailbox} onRequested={() => rememberNext(next)} />
        </section>
      </div>
    </Page>
  );
}
