import { browserSupportsWebAuthn } from "@simplewebauthn/browser";
import { useQuery } from "@tanstack/react-query";
import { useId, useRef, useState, type FormEvent, type KeyboardEvent, type RefObject } from "react";
import { Button } from "../../../components/ui/button";
import { Dialog } from "../../../components/ui/dialog";
import { whenWording } from "../../../lib/relative-time";
import { useAddPasskey } from "../api/add-passkey";
import { passkeysQuery, type Passkey } from "../api/passkeys";
import { useRemovePasskey } from "../api/remove-passkey";
import { useRenamePasskey } from "../api/rename-passkey";
import { deviceName } from "../model/device-name";
import {
  ceremonyErrorText,
  isCancelled,
  labelProblem,
  MAX_LABEL_LENGTH,
} from "../model/passkey-ceremony";

const field = "h-8 min-w-0 flex-1 rounded-md border border-line bg-surface px-2.5 text-sm";

/**
 * The account page's passkeys: list, add (the registration ceremony), rename inline and remove
 * after a confirmation. A browser without WebAuthn can still rename and remove, not add.
 */
export function PasskeyList() {
  const passkeys = useQuery(passkeysQuery);
  const supported = browserSupportsWebAuthn();
  const [notice, setNotice] = useState<string | null>(null);
  const [removing, setRemoving] = useState<Passkey | null>(null);
  const remove = useRemovePasskey();
  const addButton = useRef<HTMLButtonElement>(null);
  const titleId = useId();

  const confirmRemove = () => {
    if (!removing) return;
    const { id, label } = removing;
    remove.mutate(id, {
      onSuccess: () => {
        setRemoving(null);
        setNotice(`Removed the passkey “${label}”.`);
        // Its row is gone, and with it the button that opened the dialog.
        addButton.current?.focus();
      },
    });
  };

  return (
    <section aria-labelledby={titleId} className="mt-8 border-t border-line pt-6">
      <h2 id={titleId} className="text-sm font-semibold">
        Passkeys
      </h2>
      <p className="mt-1 text-xs text-ink-muted">
        A passkey signs you in with this device’s screen lock or a security key, without waiting for
        an email.
      </p>
      {!supported && (
        <p className="mt-3 text-sm">
          This browser cannot create or use passkeys (it has no WebAuthn). The ones you added
          elsewhere are listed here, and you can rename or remove them.
        </p>
      )}
      {passkeys.isPending ? (
        <p role="status" className="mt-3 text-sm text-ink-muted">
          Loading your passkeys…
        </p>
      ) : passkeys.isError ? (
        <p role="alert" className="mt-3 text-sm text-verdict-wrong">
          Could not load your passkeys: {passkeys.error.message}
        </p>
      ) : passkeys.data.length === 0 ? (
        <p className="mt-3 text-sm">No passkeys yet: add one to sign in without email.</p>
      ) : (
        <ul aria-label="Your passkeys" className="mt-3 flex flex-col divide-y divide-line text-sm">
          {passkeys.data.map((passkey) => (
            <PasskeyRow
              key={passkey.id}
              passkey={passkey}
              onRenamed={(label) => setNotice(`Renamed the passkey to “${label}”.`)}
              onRemove={() => {
                remove.reset();
                setRemoving(passkey);
              }}
            />
          ))}
        </ul>
      )}
      {supported && (
        <AddPasskey
          buttonRef={addButton}
          onNotice={setNotice}
          onAdded={(label) => setNotice(`Added the passkey “${label}”.`)}
        />
      )}
      {notice && (
        <p role="status" className="mt-3 text-sm text-ink-muted">
          {notice}
        </p>
      )}
      <Dialog
        open={removing !== null}
        onClose={() => setRemoving(null)}
        title={`Remove the passkey “${removing?.label ?? ""}”?`}
        actions={
          <>
            <Button onClick={() => setRemoving(null)}>Keep it</Button>
            <Button variant="danger" disabled={remove.isPending} onClick={confirmRemove}>
              {remove.isPending ? "Removing…" : "Remove passkey"}
            </Button>
          </>
        }
      >
        <p>
          It will no longer sign you in here. Your device may still offer it; delete it in the
          device’s passkey settings as well.
        </p>
        {remove.isError && (
          <p role="alert" className="mt-2 text-verdict-wrong">
            Could not remove it: {remove.error.message}
          </p>
        )}
      </Dialog>
    </section>
  );
}

function PasskeyRow({
  passkey,
  onRenamed,
  onRemove,
}: {
  passkey: Passkey;
  onRenamed: (label: string) => void;
  onRemove: () => void;
}) {
  const [draft, setDraft] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const rename = useRenamePasskey();
  const renameButton = useRef<HTMLButtonElement>(null);
  const inputId = useId();

  const stopEditing = () => {
    setDraft(null);
    setProblem(null);
    rename.reset();
    // The input that had focus is gone: back to the button that opened it.
    requestAnimationFrame(() => renameButton.current?.focus());
  };
  const save = (event?: FormEvent) => {
    event?.preventDefault();
    if (draft === null) return;
    const invalid = labelProblem(draft);
    if (invalid) return setProblem(invalid);
    if (draft.trim() === passkey.label) return stopEditing();
    rename.mutate(
      { id: passkey.id, label: draft },
      {
        onSuccess: (renamed) => {
          stopEditing();
          onRenamed(renamed.label);
        },
      },
    );
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === "Escape") {
      event.preventDefault();
      stopEditing();
    }
  };
  const error = problem ?? (rename.isError ? rename.error.message : null);

  return (
    <li className="flex flex-col gap-1 py-2.5">
      {draft === null ? (
        <div className="flex items-center gap-2">
          <span className="min-w-0 flex-1 truncate font-medium">{passkey.label}</span>
          <Button
            ref={renameButton}
            size="sm"
            variant="ghost"
            aria-label={`Rename ${passkey.label}`}
            onClick={() => setDraft(passkey.label)}
          >
            Rename
          </Button>
          <Button
            size="sm"
            variant="ghost"
            aria-label={`Remove ${passkey.label}`}
            onClick={onRemove}
          >
            Remove
          </Button>
        </div>
      ) : (
        <form onSubmit={save} className="flex items-center gap-2">
          <label htmlFor={inputId} className="sr-only">
            New name for {passkey.label}
          </label>
          <input
            id={inputId}
            autoFocus
            value={draft}
            maxLength={MAX_LABEL_LENGTH}
            onChange={(event) => setDraft(event.target.value)}
            onKeyDown={onKeyDown}
            aria-invalid={error !== null}
            aria-describedby={error !== null ? `${inputId}-error` : undefined}
            className={field}
          />
          <Button type="submit" size="sm" variant="primary" disabled={rename.isPending}>
            {rename.isPending ? "Saving…" : "Save"}
          </Button>
          <Button size="sm" onClick={stopEditing}>
            Cancel
          </Button>
        </form>
      )}
      {error !== null && (
        <p id={`${inputId}-error`} role="alert" className="text-sm text-verdict-wrong">
          {error}
        </p>
      )}
      <p className="text-xs text-ink-muted">
        Added {passkey.created ? whenWording(passkey.created) : "at an unknown time"} · Last used{" "}
        {passkey.lastUsed ? whenWording(passkey.lastUsed) : "never"}
      </p>
    </li>
  );
}

function AddPasskey({
  buttonRef,
  onAdded,
  onNotice,
}: {
  buttonRef: RefObject<HTMLButtonElement | null>;
  onAdded: (label: string) => void;
  onNotice: (notice: string | null) => void;
}) {
  const [label, setLabel] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const add = useAddPasskey();
  const inputId = useId();

  const close = () => {
    setLabel(null);
    setProblem(null);
    requestAnimationFrame(() => buttonRef.current?.focus());
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (label === null) return;
    const invalid = labelProblem(label);
    if (invalid) return setProblem(invalid);
    setProblem(null);
    onNotice(null);
    add.mutate(label, {
      onSuccess: () => {
        close();
        onAdded(label.trim());
      },
      onError: (error) => {
        if (isCancelled(error)) onNotice(ceremonyErrorText(error, "registration"));
        else setProblem(ceremonyErrorText(error, "registration"));
      },
    });
  };

  if (label === null) {
    return (
      <div className="mt-3">
        <Button
          ref={buttonRef}
          onClick={() => {
            add.reset();
            onNotice(null);
            setLabel(deviceName(navigator.userAgent));
          }}
        >
          Add a passkey
        </Button>
      </div>
    );
  }
  return (
    <form onSubmit={submit} className="mt-3 flex flex-col gap-1.5">
      <label htmlFor={inputId} className="text-xs font-medium text-ink-muted">
        Name for the new passkey
      </label>
      <div className="flex items-center gap-2">
        <input
          id={inputId}
          autoFocus
          onFocus={(event) => event.target.select()}
          value={label}
          maxLength={MAX_LABEL_LENGTH}
          onChange={(event) => setLabel(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === "Escape" && !add.isPending) {
              event.preventDefault();
              close();
            }
          }}
          aria-invalid={problem !== null}
          aria-describedby={problem !== null ? `${inputId}-error` : undefined}
          className={field}
        />
        <Button type="submit" variant="primary" disabled={add.isPending}>
          {add.isPending ? "Waiting for the browser…" : "Create passkey"}
        </Button>
        <Button disabled={add.isPending} onClick={close}>
          Cancel
        </Button>
      </div>
      {problem !== null && (
        <p id={`${inputId}-error`} role="alert" className="text-sm text-verdict-wrong">
          {problem}
        </p>
      )}
    </form>
  );
}
