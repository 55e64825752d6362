import { useSuspenseQuery } from "@tanstack/react-query";
import { createFileRoute, redirect, useNavigate } from "@tanstack/react-router";
import type { ReactNode } from "react";
import { Button } from "../components/ui/button";
import { ErrorPanel } from "../components/ui/error-panel";
import { authOptionsQuery } from "../features/account/api/auth-options";
import { meQuery } from "../features/account/api/me";
import { useSignOut } from "../features/account/api/sign-out";
import { PasskeyList } from "../features/account/components/passkey-list";
import { YourData } from "../features/account/components/your-data";

export const Route = createFileRoute("/account")({
  loader: async ({ context }) => {
    const [, me] = await Promise.all([
      context.queryClient.ensureQueryData(authOptionsQuery),
      context.queryClient.ensureQueryData(meQuery),
    ]);
    if (!me) throw redirect({ to: "/sign-in", search: { next: "/account" } });
  },
  component: AccountPage,
  pendingComponent: () => (
    <Page>
      <p role="status" className="mt-6 text-sm text-ink-muted">
        Loading your account…
      </p>
    </Page>
  ),
  errorComponent: ({ error }) => <ErrorPanel error={error} />,
});

function Page({ children }: { children: ReactNode }) {
  return (
    <div className="mx-auto max-w-xl px-4 py-8">
      <h1 className="text-2xl font-semibold tracking-tight">Account</h1>
      {children}
    </div>
  );
}

function AccountPage() {
  const { data: options } = useSuspenseQuery(authOptionsQuery);
  const { data: me } = useSuspenseQuery(meQuery);
  const navigate = useNavigate();
  const signOut = useSignOut();
  // Signed out a moment ago: the page is on its way to /sign-in.
  if (!me) return <Page>{null}</Page>;
  const end = (where: "here" | "everywhere") =>
    signOut.mutate(where, { onSuccess: () => void navigate({ to: "/sign-in", replace: true }) });

  return (
    <Page>
      <dl className="mt-6 grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2 text-sm">
        <dt className="text-ink-muted">Email</dt>
        <dd>{me.email ?? "The local account has no email."}</dd>
        <dt className="text-ink-muted">Roles</dt>
        <dd>
          {me.roles.length === 0 ? (
            "None: you practise and see your own history."
          ) : (
            <ul aria-label="Roles" className="flex gap-2">
              {me.roles.map((role) => (
                <li key={role} className="rounded border border-line px-1.5 font-mono text-xs">
                  {role}
                </li>
              ))}
            </ul>
          )}
        </dd>
      </dl>
      {options.mode === "accounts" && <PasskeyList />}
      {options.mode === "local" ? (
        <p className="mt-8 text-sm text-ink-muted">
          This server runs in local mode: nobody signs in, so there is nothing to sign out of.
        </p>
      ) : (
        <section aria-labelledby="sessions-title" className="mt-8 border-t border-line pt-6">
          <h2 id="sessions-title" className="text-sm font-semibold">
            Sessions
          </h2>
          <div className="mt-3 flex flex-wrap items-center gap-3">
            <Button disabled={signOut.isPending} onClick={() => end("here")}>
              Sign out
            </Button>
            <Button variant="danger" disabled={signOut.isPending} onClick={() => end("everywhere")}>
              Sign out everywhere
            </Button>
          </div>
          <p className="mt-2 text-xs text-ink-muted">
            Sign out everywhere ends every session of this account, on every device.
          </p>
          {signOut.isError && (
            <p role="alert" className="mt-3 text-sm text-verdict-wrong">
              Could not sign out: {signOut.error.message}
            </p>
          )}
        </section>
      )}
      <YourData mode={options.mode} email={me.email} />
    </Page>
  );
}
