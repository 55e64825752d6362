import { Link, useRouter } from "@tanstack/react-router";
import { ApiError } from "../../lib/api-client";
import { Button } from "./button";

/**
 * A page's error in place of its content. An API error says what the server said; anything else
 * (a bug, or content the page could not show) gets a calm sentence and its message in small print.
 */
export function ErrorPanel({ error, retry = false }: { error: unknown; retry?: boolean }) {
  const router = useRouter();
  const api = error instanceof ApiError ? error : undefined;
  const message = error instanceof Error ? error.message : String(error);
  return (
    <div role="alert" className="mx-auto max-w-xl px-4 py-16 text-center">
      <p className="text-sm text-ink-muted">{api ? `Error ${api.status}` : "Error"}</p>
      <h1 className="mt-2 text-xl font-semibold">
        {api ? message : "This page could not be displayed."}
      </h1>
      {!api && <p className="mt-2 break-words text-xs text-ink-muted">{message}</p>}
      <div className="mt-6 flex items-center justify-center gap-4">
        {retry && <Button onClick={() => void router.invalidate()}>Try again</Button>}
        <Link to="/" className="text-accent underline">
          Back to practice
        </Link>
      </div>
    </div>
  );
}
