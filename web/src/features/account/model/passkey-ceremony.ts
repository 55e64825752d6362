import type { AuthenticationResponseJSON, RegistrationResponseJSON } from "@simplewebauthn/browser";

// What Spring Security's WebAuthn endpoints read (docs/security.md, "Passkeys"): exactly the fields
// it knows, so a browser or library that adds one (authenticatorData, publicKey, …) does not
// become a refused request.

/** The body of `POST /webauthn/register`: the new credential and the user's label for it. */
export function registrationBody(credential: RegistrationResponseJSON, label: string) {
  return {
    publicKey: {
      credential: {
        id: credential.id,
        rawId: credential.rawId,
        type: credential.type,
        response: {
          attestationObject: credential.response.attestationObject,
          clientDataJSON: credential.response.clientDataJSON,
          transports: credential.response.transports ?? [],
        },
        clientExtensionResults: credential.clientExtensionResults,
        authenticatorAttachment: credential.authenticatorAttachment,
      },
      label: label.trim(),
    },
  };
}

/** The body of `POST /login/webauthn`: the assertion. */
export function authenticationBody(credential: AuthenticationResponseJSON) {
  return {
    id: credential.id,
    rawId: credential.rawId,
    type: credential.type,
    response: {
      authenticatorData: credential.response.authenticatorData,
      clientDataJSON: credential.response.clientDataJSON,
      signature: credential.response.signature,
      userHandle: credential.response.userHandle,
    },
    clientExtensionResults: credential.clientExtensionResults,
    authenticatorAttachment: credential.authenticatorAttachment,
  };
}

/** The longest label the server keeps (identity/internal/PasskeyLabel.java). */
export const MAX_LABEL_LENGTH = 64;

/** Why `label` cannot name a passkey, or undefined when it can. */
export function labelProblem(label: string): string | undefined {
  const trimmed = label.trim();
  if (trimmed === "") return "Give the passkey a name, such as “Laptop”.";
  if ([...trimmed].length > MAX_LABEL_LENGTH) {
    return `A name can be at most ${MAX_LABEL_LENGTH} characters.`;
  }
  return undefined;
}

/** The user closed the browser's prompt or let it time out: their choice, not a failure. */
export function isCancelled(error: unknown): boolean {
  return (
    error instanceof Error && (error.name === "NotAllowedError" || error.name === "AbortError")
  );
}

/**
 * A sentence for a failed ceremony. The browser's own errors (as `@simplewebauthn/browser` passes
 * them on, by name) say what happened: the user closed the prompt, or the authenticator already
 * holds a passkey for this account. Anything else is shown as it came.
 */
export function ceremonyErrorText(error: unknown, during: "registration" | "sign-in"): string {
  const name = error instanceof Error ? error.name : "";
  if (isCancelled(error)) {
    return during === "registration"
      ? "No passkey was created: the request was cancelled or timed out."
      : "No passkey was used: the request was cancelled or timed out.";
  }
  if (name === "InvalidStateError") {
    return "This authenticator already holds a passkey for your account.";
  }
  if (error instanceof Error && error.message) return error.message;
  return during === "registration" ? "The passkey could not be added." : "Sign-in failed.";
}
