import { Link } from "@tanstack/react-router";
import { useId, useState, type FormEvent } from "react";
import { Button } from "../../../components/ui/button";
import { useRequestMagicLink } from "../api/magic-link";

const field = "h-8 rounded-md border border-line bg-surface px-2.5 text-sm";

/**
 * Sign-in by email link: the address, then "check your email" with the server's own sentence
 * (the same whether or not the address has an account). With the dev mailbox on, no mail leaves
 * the server, so the page points at `/mailbox` instead.
 */
export function EmailLinkForm({
  devMailbox,
  onRequested,
}: {
  devMailbox: boolean;
  /** Called before the link is asked for, to remember where to go once it is used. */
  onRequested?: () => void;
}) {
  const [email, setEmail] = useState("");
  const request = useRequestMagicLink();
  const emailId = useId();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onRequested?.();
    request.mutate(email.trim());
  };

  if (request.isSuccess) {
    return (
      <section aria-labelledby={`${emailId}-sent`} className="flex flex-col gap-2">
        <h2 id={`${emailId}-sent`} className="text-lg font-semibold">
          Check your email
        </h2>
        <p role="status" className="text-sm">
          {request.data.detail}
        </p>
        {devMailbox && (
          <p className="text-sm text-ink-muted">
            This server sends no mail: the link is in the{" "}
            <Link to="/mailbox" className="text-accent underline">
              dev mailbox
            </Link>
            .
          </p>
        )}
        <div className="mt-2">
          <Button size="sm" onClick={() => request.reset()}>
            Use another email
          </Button>
        </div>
      </section>
    );
  }

  return (
    <form onSubmit={submit} aria-labelledby={`${emailId}-title`} className="flex flex-col gap-3">
      <h2 id={`${emailId}-title`} className="text-sm font-semibold">
        Email me a sign-in link
      </h2>
      <div className="flex flex-col gap-1.5">
        <label htmlFor={emailId} className="text-xs font-medium text-ink-muted">
          Email
        </label>
        <input
          id={emailId}
          type="email"
          required
          autoComplete="email"
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          aria-describedby={request.isError ? `${emailId}-error` : undefined}
          className={field}
        />
      </div>
      {request.isError && (
        <p id={`${emailId}-error`} role="alert" className="text-sm text-verdict-wrong">
          {request.error.message}
        </p>
      )}
      <div>
        <Button type="submit" variant="primary" disabled={request.isPending}>
          {request.isPending ? "Sending…" : "Email me a link"}
        </Button>
      </div>
      <p className="text-xs text-ink-muted">The link works once, for a few minutes.</p>
    </form>
  );
}
