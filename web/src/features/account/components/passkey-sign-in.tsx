import { browserSupportsWebAuthn } from "@simplewebauthn/browser";
import { useState } from "react";
import { Button } from "../../../components/ui/button";
import { usePasskeySignIn } from "../api/passkey-sign-in";
import { ceremonyErrorText, isCancelled } from "../model/passkey-ceremony";

/**
 * "Sign in with a passkey": the browser offers this site's passkeys, the server checks the one
 * chosen. A closed prompt is only a notice; a refused passkey shows the server's sentence.
 */
export function PasskeySignIn({ onSignedIn }: { onSignedIn: () => void }) {
  const signIn = usePasskeySignIn();
  const [notice, setNotice] = useState<string | null>(null);

  if (!browserSupportsWebAuthn()) {
    return (
      <p className="text-sm text-ink-muted">
        This browser cannot use passkeys: sign in with an email link below.
      </p>
    );
  }
  const failed = signIn.isError && !isCancelled(signIn.error) ? signIn.error : null;
  return (
    <div className="flex flex-col gap-3">
      <h2 className="text-sm font-semibold">Use a passkey</h2>
      <div>
        <Button
          variant="primary"
          disabled={signIn.isPending || signIn.isSuccess}
          onClick={() => {
            setNotice(null);
            signIn.mutate(undefined, {
              onSuccess: onSignedIn,
              onError: (error) => {
                if (isCancelled(error)) setNotice(ceremonyErrorText(error, "sign-in"));
              },
            });
          }}
        >
          {signIn.isPending || signIn.isSuccess ? "Signing in…" : "Sign in with a passkey"}
        </Button>
      </div>
      {failed && (
        <p role="alert" className="text-sm text-verdict-wrong">
          {ceremonyErrorText(failed, "sign-in")}
        </p>
      )}
      {notice && (
        <p role="status" className="text-sm text-ink-muted">
          {notice}
        </p>
      )}
    </div>
  );
}
