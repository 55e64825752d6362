import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { PasskeyList } from "./passkey-list";

// The authenticator is the edge of the world here: the library that talks to it is replaced, the
// server is a stubbed fetch. The whole ceremony against the real server is e2e/passkeys.test.mjs.
const webauthn = vi.hoisted(() => ({
  browserSupportsWebAuthn: vi.fn(() => true),
  startRegistration: vi.fn(),
  startAuthentication: vi.fn(),
}));
vi.mock("@simplewebauthn/browser", () => webauthn);

// jsdom has no modal dialogs: enough of one for the confirmation to open and close.
beforeEach(() => {
  HTMLDialogElement.prototype.showModal = function (this: HTMLDialogElement) {
    this.open = true;
  };
  HTMLDialogElement.prototype.close = function (this: HTMLDialogElement) {
    this.open = false;
  };
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  webauthn.browserSupportsWebAuthn.mockReturnValue(true);
  webauthn.startRegistration.mockReset();
});

const json = (body: unknown, status = 200) =>
  new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { "Content-Type": status < 400 ? "application/json" : "application/problem+json" },
  });
const problem = (status: number, detail: string) =>
  json({ type: "https://improview.dev/problems/bad-request", status, detail }, status);

const laptop = {
  id: "bGFwdG9w",
  label: "Laptop",
  created: "2026-01-05T10:00:00Z",
  lastUsed: null,
};

const credential = {
  id: "bmV3",
  rawId: "bmV3",
  type: "public-key",
  response: { attestationObject: "YQ", clientDataJSON: "Yw", transports: ["internal"] },
  clientExtensionResults: {},
  authenticatorAttachment: "platform",
};

/** A server holding `keys`; PATCH and DELETE change them, registration adds one. */
function server(keys = [laptop], { listStatus = 200 } = {}) {
  let stored = [...keys];
  const fetch = vi.fn(async (path: string, init?: RequestInit) => {
    const method = init?.method ?? "GET";
    if (path === "/api/account/passkeys" && method === "GET") {
      return listStatus === 200 ? json(stored) : problem(listStatus, "Database unavailable.");
    }
    if (path === "/webauthn/register/options") {
      return json({
        challenge: "Y2g",
        rp: { id: "localhost", name: "Improview" },
        user: { id: "dQ", name: "ada@example.org", displayName: "ada@example.org" },
      });
    }
    if (path === "/webauthn/register") {
      const body = JSON.parse(String(init!.body)) as { publicKey: { label: string } };
      stored.push({ ...laptop, id: "bmV3", label: body.publicKey.label });
      return json({ success: true });
    }
    const id = path.replace("/api/account/passkeys/", "");
    if (method === "PATCH") {
      const { label } = JSON.parse(String(init!.body)) as { label: string };
      if (label.includes("!")) return problem(400, "'label' may not hold '!'.");
      stored = stored.map((k) => (k.id === id ? { ...k, label } : k));
      return json(stored.find((k) => k.id === id));
    }
    if (method === "DELETE") {
      stored = stored.filter((k) => k.id !== id);
      return new Response(null, { status: 204 });
    }
    return problem(404, "Not found.");
  });
  vi.stubGlobal("fetch", fetch);
  return fetch;
}

function show() {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={queryClient}>
      <PasskeyList />
    </QueryClientProvider>,
  );
}

const rows = () =>
  within(screen.getByRole("list", { name: "Your passkeys" }))
    .getAllByRole("listitem")
    .map((row) => row.textContent);

describe("PasskeyList", () => {
  it("lists each passkey with when it was added and last used", async () => {
    server();
    show();
    expect(screen.getByText("Loading your passkeys…").getAttribute("role")).toBe("status");
    await screen.findByRole("list", { name: "Your passkeys" });
    expect(rows()).toEqual([expect.stringMatching(/^Laptop.*Added .*2026 · Last used never$/)]);
  });

  it("says when there are none, and shows the server's detail when the list fails", async () => {
    server([]);
    show();
    await screen.findByText("No passkeys yet: add one to sign in without email.");
    cleanup();
    server([], { listStatus: 503 });
    show();
    expect((await screen.findByRole("alert")).textContent).toBe(
      "Could not load your passkeys: Database unavailable.",
    );
  });

  it("adds a passkey under the name given, defaulting to this browser's", async () => {
    const fetch = server([]);
    webauthn.startRegistration.mockResolvedValue(credential);
    show();
    fireEvent.click(await screen.findByRole("button", { name: "Add a passkey" }));
    const name = screen.getByRole("textbox", { name: "Name for the new passkey" });
    expect((name as HTMLInputElement).value).toBe("This device");
    expect(document.activeElement).toBe(name);
    fireEvent.change(name, { target: { value: "  Test key " } });
    fireEvent.click(screen.getByRole("button", { name: "Create passkey" }));
    await waitFor(() => expect(rows()).toEqual([expect.stringMatching(/^Test key/)]));
    expect(screen.getByText("Added the passkey “Test key”.").getAttribute("role")).toBe("status");
    expect(webauthn.startRegistration).toHaveBeenCalledWith({
      optionsJSON: expect.objectContaining({
        challenge: "Y2g",
        rp: { id: "localhost", name: "Improview" },
        user: { id: "dQ", name: "ada@example.org", displayName: "ada@example.org" },
      }),
    });
    const [, init] = fetch.mock.calls.find(([path]) => path === "/webauthn/register")!;
    expect(JSON.parse(String(init!.body))).toMatchObject({
      publicKey: { label: "Test key", credential: { id: "bmV3" } },
    });
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole("button", { name: "Add a passkey" })),
    );
  });

  it("a cancelled browser prompt is a quiet notice, not an error", async () => {
    const fetch = server([]);
    webauthn.startRegistration.mockRejectedValue(
      Object.assign(new Error("The operation either timed out or was not allowed."), {
        name: "NotAllowedError",
      }),
    );
    show();
    fireEvent.click(await screen.findByRole("button", { name: "Add a passkey" }));
    fireEvent.click(screen.getByRole("button", { name: "Create passkey" }));
    await screen.findByText("No passkey was created: the request was cancelled or timed out.");
    expect(screen.queryByRole("alert")).toBeNull();
    expect(fetch.mock.calls.map(([path]) => path)).not.toContain("/webauthn/register");
  });

  it("refuses a blank name before asking the browser", async () => {
    server([]);
    show();
    fireEvent.click(await screen.findByRole("button", { name: "Add a passkey" }));
    fireEvent.change(screen.getByRole("textbox", { name: "Name for the new passkey" }), {
      target: { value: "   " },
    });
    fireEvent.click(screen.getByRole("button", { name: "Create passkey" }));
    expect(screen.getByRole("alert").textContent).toBe(
      "Give the passkey a name, such as “Laptop”.",
    );
    expect(webauthn.startRegistration).not.toHaveBeenCalled();
  });

  it("renames inline: Enter saves, Escape cancels, a refused name shows the server's detail", async () => {
    const fetch = server();
    show();
    fireEvent.click(await screen.findByRole("button", { name: "Rename Laptop" }));
    const input = screen.getByRole("textbox", { name: "New name for Laptop" });
    fireEvent.change(input, { target: { value: "Nope" } });
    fireEvent.keyDown(input, { key: "Escape" });
    expect(screen.queryByRole("textbox")).toBeNull();
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole("button", { name: "Rename Laptop" })),
    );
    expect(fetch.mock.calls.some(([, init]) => init?.method === "PATCH")).toBe(false);

    fireEvent.click(screen.getByRole("button", { name: "Rename Laptop" }));
    fireEvent.change(screen.getByRole("textbox"), { target: { value: "Bad!" } });
    fireEvent.submit(screen.getByRole("textbox"));
    expect((await screen.findByRole("alert")).textContent).toBe("'label' may not hold '!'.");

    fireEvent.change(screen.getByRole("textbox"), { target: { value: "Work laptop" } });
    fireEvent.submit(screen.getByRole("textbox"));
    await screen.findByRole("button", { name: "Rename Work laptop" });
    expect(screen.getByText("Renamed the passkey to “Work laptop”.").getAttribute("role")).toBe(
      "status",
    );
  });

  it("removes a passkey only after the confirmation", async () => {
    const fetch = server();
    show();
    fireEvent.click(await screen.findByRole("button", { name: "Remove Laptop" }));
    const dialog = screen.getByRole("dialog", { name: "Remove the passkey “Laptop”?" });
    fireEvent.click(within(dialog).getByRole("button", { name: "Keep it" }));
    expect(fetch.mock.calls.some(([, init]) => init?.method === "DELETE")).toBe(false);

    fireEvent.click(screen.getByRole("button", { name: "Remove Laptop" }));
    fireEvent.click(within(dialog).getByRole("button", { name: "Remove passkey" }));
    await screen.findByText("No passkeys yet: add one to sign in without email.");
    expect(screen.getByText("Removed the passkey “Laptop”.").getAttribute("role")).toBe("status");
    const [path] = fetch.mock.calls.find(([, init]) => init?.method === "DELETE")!;
    expect(path).toBe("/api/account/passkeys/bGFwdG9w");
  });

  it("in a browser without WebAuthn, explains and offers no add button", async () => {
    webauthn.browserSupportsWebAuthn.mockReturnValue(false);
    server();
    show();
    await screen.findByRole("list", { name: "Your passkeys" });
    expect(screen.getByText(/This browser cannot create or use passkeys/)).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Add a passkey" })).toBeNull();
    expect(screen.getByRole("button", { name: "Rename Laptop" })).toBeTruthy();
  });
});
