import { useNavigate } from "@tanstack/react-router";
import { useId, useState } from "react";
import { Button } from "../../../components/ui/button";
import {
  LOCAL_CONFIRMATION,
  confirmationMatches,
  exportFileName,
  fetchAccountExport,
  useDeleteAccount,
} from "../api/account-data";
import { rememberDeleted } from "../model/deleted-notice";

type Download =
  | { state: "idle" }
  | { state: "pending" }
  | { state: "saved"; file: string }
  | { state: "failed"; message: string };

/** Saves `text` as a file named `name` through a short-lived Blob URL. */
function save(text: string, name: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: "application/json" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // The click has handed the blob to the download; a later revoke only frees memory.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function DownloadData() {
  const [download, setDownload] = useState<Download>({ state: "idle" });
  const start = async () => {
    setDownload({ state: "pending" });
    try {
      const document = await fetchAccountExport();
      const file = exportFileName(document.exportedAt);
      save(JSON.stringify(document, null, 2), file);
      setDownload({ state: "saved", file });
    } catch (error) {
      setDownload({
        state: "failed",
        message: error instanceof Error ? error.message : String(error),
      });
    }
  };
  return (
    <div className="mt-3">
      <Button disabled={download.state === "pending"} onClick={() => void start()}>
        Download my data
      </Button>
      <p className="mt-2 text-xs text-ink-muted">
        One JSON file with your attempts, submissions and their code, hints and solutions you
        opened, generated problems, and your sign-in history.
      </p>
      <p role="status" className="mt-2 text-sm empty:hidden">
        {download.state === "pending" && "Preparing your data…"}
        {download.state === "saved" && `Saved ${download.file}.`}
      </p>
      {download.state === "failed" && (
        <p role="alert" className="mt-2 text-sm text-verdict-wrong">
          Could not download your data: {download.message}
        </p>
      )}
    </div>
  );
}

function DeleteAccount({ local, email }: { local: boolean; email: string | null }) {
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState("");
  const deletion = useDeleteAccount();
  const navigate = useNavigate();
  const inputId = useId();
  const explainId = useId();
  const expected = local ? LOCAL_CONFIRMATION : (email ?? "");
  const matches = expected !== "" && confirmationMatches(typed, expected);

  if (!open) {
    return (
      <div className="mt-3">
        <Button variant="danger" onClick={() => setOpen(true)}>
          {local ? "Delete my data" : "Delete my account and data"}
        </Button>
      </div>
    );
  }
  const confirm = () =>
    deletion.mutate(typed, {
      onSuccess: () => {
        rememberDeleted();
        void navigate({ to: local ? "/" : "/sign-in", replace: true });
      },
    });
  const cancel = () => {
    setOpen(false);
    setTyped("");
    deletion.reset();
  };
  return (
    <form
      aria-label="Confirm the deletion"
      className="mt-3 rounded-md border border-verdict-wrong p-4"
      onSubmit={(event) => {
        event.preventDefault();
        if (matches && !deletion.isPending) confirm();
      }}
    >
      <div id={explainId} className="text-sm">
        <p>
          {local
            ? "This erases everything on this server's local account, for good:"
            : "This deletes your account and everything kept for it, for good:"}
        </p>
        <ul className="mt-2 list-disc pl-5">
          <li>your attempts, with their timers, hints and solutions you opened</li>
          <li>your submissions and their code</li>
          <li>your drafts</li>
          <li>the problems you asked to be generated, and their progress</li>
          {!local && <li>your passkeys</li>}
          {!local && <li>your sessions: you are signed out on every device</li>}
        </ul>
        <p className="mt-2 text-ink-muted">
          {local
            ? "The local account then starts empty. Download your data first to keep a copy."
            : "Signing in again with this email starts a new, empty account. Download your data first to keep a copy."}
        </p>
      </div>
      <label htmlFor={inputId} className="mt-4 block text-sm font-medium">
        Type <span className="font-mono">{expected}</span> to confirm
      </label>
      <input
        id={inputId}
        aria-describedby={explainId}
        className="mt-1 w-full rounded-md border border-line bg-surface px-2 py-1 text-sm"
        autoComplete="off"
        autoCapitalize="off"
        spellCheck={false}
        value={typed}
        onChange={(event) => setTyped(event.target.value)}
      />
      <div className="mt-3 flex flex-wrap gap-3">
        <Button type="submit" variant="danger" disabled={!matches || deletion.isPending}>
          {deletion.isPending ? "Deleting…" : "Delete permanently"}
        </Button>
        <Button onClick={cancel} disabled={deletion.isPending}>
          Cancel
        </Button>
      </div>
      {deletion.isError && (
        <p role="alert" className="mt-3 text-sm text-verdict-wrong">
          Nothing was deleted: {deletion.error.message}
        </p>
      )}
    </form>
  );
}

/**
 * The account page's "Your data": download everything as JSON, or delete the account and its
 * data after typing what the server asks (docs/security.md, "Export and deletion of an account").
 */
export function YourData({ mode, email }: { mode: "local" | "accounts"; email: string | null }) {
  const local = mode === "local";
  return (
    <section aria-labelledby="your-data-title" className="mt-8 border-t border-line pt-6">
      <h2 id="your-data-title" className="text-sm font-semibold">
        Your data
      </h2>
      <DownloadData />
      <section aria-labelledby="danger-title" className="mt-6 rounded-md border border-line p-4">
        <h3 id="danger-title" className="text-sm font-semibold text-verdict-wrong">
          {local ? "Delete my data" : "Delete my account and data"}
        </h3>
        <DeleteAccount local={local} email={email} />
      </section>
    </section>
  );
}
