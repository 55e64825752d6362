import { useSuspenseQuery } from "@tanstack/react-query";
import { createFileRoute } from "@tanstack/react-router";
import type { ReactNode } from "react";
import { Button } from "../components/ui/button";
import { ErrorPanel } from "../components/ui/error-panel";
import { devMailboxQuery, type DevMail } from "../features/account/api/dev-mailbox";
import { linkTarget } from "../lib/link-target";
import { whenWording } from "../lib/relative-time";

export const Route = createFileRoute("/mailbox")({
  loader: ({ context }) => context.queryClient.ensureQueryData(devMailboxQuery),
  component: MailboxPage,
  pendingComponent: () => (
    <Page>
      <p role="status" className="mt-6 text-sm text-ink-muted">
        Loading the mailbox…
      </p>
    </Page>
  ),
  errorComponent: ({ error }) => <ErrorPanel error={error} />,
});

function Page({ children }: { children: ReactNode }) {
  return (
    <div className="mx-auto max-w-3xl px-4 py-8">
      <h1 className="text-2xl font-semibold tracking-tight">Dev mailbox</h1>
      {children}
    </div>
  );
}

function MailboxPage() {
  const { data: mailbox, refetch, isFetching } = useSuspenseQuery(devMailboxQuery);
  if (!mailbox.on) {
    return (
      <Page>
        <div role="note" className="mt-6 rounded-lg border border-dashed border-line p-6">
          <p className="font-medium">The dev mailbox is off on this server.</p>
          <p className="mt-1 text-sm text-ink-muted">{mailbox.reason}</p>
        </div>
      </Page>
    );
  }
  return (
    <Page>
      <div className="mt-2 flex items-center gap-4">
        <p className="text-sm text-ink-muted">
          Mail this server would have sent, newest first. It has no SMTP server, so nothing left it.
        </p>
        <Button size="sm" className="ml-auto" disabled={isFetching} onClick={() => void refetch()}>
          {isFetching ? "Checking…" : "Check again"}
        </Button>
      </div>
      {mailbox.mails.length === 0 ? (
        <p className="mt-6 rounded-lg border border-dashed border-line p-8 text-center text-ink-muted">
          No mail yet. Ask for a sign-in link, then check again.
        </p>
      ) : (
        <ul aria-label="Mail" className="mt-6 flex flex-col gap-3">
          {mailbox.mails.map((mail, index) => (
            <MailItem key={`${mail.sentAt}-${index}`} mail={mail} />
          ))}
        </ul>
      )}
    </Page>
  );
}

function MailItem({ mail }: { mail: DevMail }) {
  // Written by this server, but shown as a link only if it is one (http or https).
  const target = linkTarget(mail.link);
  return (
    <li className="rounded-lg border border-line bg-surface p-4">
      <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <span className="font-medium">{mail.subject}</span>
        <span className="text-sm text-ink-muted">to {mail.to}</span>
        <time dateTime={mail.sentAt} title={mail.sentAt} className="ml-auto text-xs text-ink-muted">
          {whenWording(mail.sentAt)}
        </time>
      </div>
      <p className="mt-2 font-mono text-xs break-all">
        {target ? (
          <a href={target.href} className="text-accent underline">
            {mail.link}
          </a>
        ) : (
          mail.link
        )}
      </p>
    </li>
  );
}
