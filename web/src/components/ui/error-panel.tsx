import { Link, useRouter } from "@tanstack/react-router";
import { errorText } from "../../lib/error-text";
import { Button } from "./button";

/**
 * A page's error in place of its content, inside the site's layout: what happened in plain
 * words, what to do, the technical detail in small print, and a way back.
 */
export function ErrorPanel({ error, subject }: { error: unknown; subject?: string }) {
  const router = useRouter();
  const text = errorText(error, subject);
  return (
    <div role="alert" className="mx-auto max-w-xl px-4 py-16 text-center">
      <h1 className="text-xl font-semibold">{text.title}</h1>
      {text.advice && <p className="mt-2 text-ink-muted">{text.advice}</p>}
      {text.detail && (
        <p className="mt-2 text-xs break-words text-ink-muted" data-testid="error-detail">
          {text.detail}
        </p>
      )}
      <div className="mt-6 flex items-center justify-center gap-4">
        {text.retry && <Button onClick={() => void router.invalidate()}>Try again</Button>}
        <Link to="/" className="text-accent underline">
          See all problems
        </Link>
      </div>
    </div>
  );
}
