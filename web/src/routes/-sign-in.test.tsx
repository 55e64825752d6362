import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { open } from "./-test-app";

// The authenticator is the edge of the world: the library that talks to it answers as told.
const webauthn = vi.hoisted(() => ({
  browserSupportsWebAuthn: vi.fn(() => true),
  startRegistration: vi.fn(),
  startAuthentication: vi.fn(),
}));
vi.mock("@simplewebauthn/browser", () => webauthn);

afterEach(() => {
  cleanup();
  localStorage.clear();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  webauthn.startAuthentication.mockReset();
  webauthn.browserSupportsWebAuthn.mockReturnValue(true);
});

const json = (body: unknown, status = 200) =>
  new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { "Content-Type": status < 400 ? "application/json" : "application/problem+json" },
  });
const problem = (status: number, type: string, detail: string) =>
  json({ type: `https://improview.dev/problems/${type}`, status, detail }, status);

const account = { id: "7f1c0e3a-2b1d-4c55-9a0e-1d2b3c4d5e6f", email: "ada@example.org", roles: [] };

const assertion = {
  id: "a2V5",
  rawId: "a2V5",
  type: "public-key",
  response: { authenticatorData: "YQ", clientDataJSON: "Yw", signature: "cw", userHandle: "dQ" },
  clientExtensionResults: {},
  authenticatorAttachment: "platform",
};

/**
 * An accounts-mode server: nobody is signed in until a token is posted (`tokens` are valid once)
 * or a passkey assertion for one of `passkeys` is.
 */
function accountsServer({
  devMailbox = true,
  tokens = ["good"],
  signedInAlready = false,
  passkeys = ["a2V5"],
} = {}) {
  let signedIn = signedInAlready;
  const unused = new Set(tokens);
  const fetch = vi.fn(async (path: string, init?: RequestInit) => {
    const method = init?.method ?? "GET";
    if (path === "/api/auth/options") return json({ mode: "accounts", devMailbox });
    if (path === "/api/me") {
      return signedIn ? json(account) : problem(401, "unauthenticated", "Sign in first.");
    }
    if (path === "/api/auth/magic-link" && method === "POST") {
      const { email } = JSON.parse(String(init!.body)) as { email: string };
      return json({ detail: `If ${email} may sign in, a link is on its way.` }, 202);
    }
    if (path === "/api/auth/magic-link/sign-in" && method === "POST") {
      const token = new URLSearchParams(String(init!.body)).get("token") ?? "";
      if (!unused.delete(token)) {
        return problem(401, "sign-in-failed", "This sign-in link is unknown, used or expired.");
      }
      signedIn = true;
      return json(account);
    }
    if (path === "/webauthn/authenticate/options" && method === "POST") {
      return json({ challenge: "Y2g", rpId: "localhost", userVerification: "preferred" });
    }
    if (path === "/login/webauthn" && method === "POST") {
      const { id } = JSON.parse(String(init!.body)) as { id: string };
      if (!passkeys.includes(id)) {
        return problem(
          401,
          "sign-in-failed",
          "That passkey did not sign you in. Try again, or ask for an email link.",
        );
      }
      signedIn = true;
      return json(account);
    }
    if (path === "/api/account/passkeys") return json([]);
    if (path.startsWith("/api/auth/sign-out") && method === "POST") {
      if (!signedIn) return problem(401, "unauthenticated", "Sign in first.");
      signedIn = false;
      return new Response(null, { status: 204 });
    }
    if (path.startsWith("/api/attempts")) {
      return signedIn
        ? json({ items: [], page: 0, size: 20, total: 0 })
        : problem(401, "unauthenticated", "Sign in first.");
    }
    if (path === "/api/attempts/stats") return json({});
    if (path === "/api/catalog") {
      return json({ categories: [], difficulties: [], languages: [] });
    }
    return problem(404, "not-found", "Not found.");
  });
  vi.stubGlobal("fetch", fetch);
  return fetch;
}

const posts = (fetch: ReturnType<typeof vi.fn>) =>
  fetch.mock.calls
    .filter(([, init]) => (init as RequestInit | undefined)?.method === "POST")
    .map(([path]) => String(path));

describe("sign-in", () => {
  it("a private page sends a signed-out user to /sign-in, keeping where they were going", async () => {
    accountsServer();
    const router = await open("/attempts?state=open");
    await waitFor(() => expect(router.state.location.pathname).toBe("/sign-in"));
    expect(router.state.location.search).toEqual({ next: "/attempts?state=open" });
    await screen.findByRole("heading", { level: 1, name: "Sign in" });
  });

  it("asks for a link and says to check the email, with the server's sentence and the dev mailbox", async () => {
    const fetch = accountsServer();
    await open("/sign-in?next=%2Fattempts");
    fireEvent.change(await screen.findByLabelText("Email"), {
      target: { value: " ada@example.org " },
    });
    fireEvent.click(screen.getByRole("button", { name: "Email me a link" }));
    await screen.findByRole("heading", { name: "Check your email" });
    expect(screen.getByRole("status").textContent).toBe(
      "If ada@example.org may sign in, a link is on its way.",
    );
    expect(screen.getByRole("link", { name: "dev mailbox" }).getAttribute("href")).toBe("/mailbox");
    expect(posts(fetch)).toEqual(["/api/auth/magic-link"]);
    expect(localStorage.getItem("improview.sign-in.next")).toBe("/attempts");
  });

  it("points at no mailbox when the server sends real mail", async () => {
    accountsServer({ devMailbox: false });
    await open("/sign-in");
    fireEvent.change(await screen.findByLabelText("Email"), {
      target: { value: "ada@example.org" },
    });
    fireEvent.click(screen.getByRole("button", { name: "Email me a link" }));
    await screen.findByRole("heading", { name: "Check your email" });
    expect(screen.queryByRole("link", { name: "dev mailbox" })).toBeNull();
  });

  it("opening the link posts nothing; the button signs in and goes to the remembered page", async () => {
    const fetch = accountsServer();
    localStorage.setItem("improview.sign-in.next", "/attempts");
    const router = await open("/sign-in/link?token=good");
    const button = await screen.findByRole("button", { name: "Sign in" });
    expect(posts(fetch)).toEqual([]);
    fireEvent.click(button);
    await waitFor(() => expect(router.state.location.pathname).toBe("/attempts"));
    expect(posts(fetch)).toEqual(["/api/auth/magic-link/sign-in"]);
    const [, init] = fetch.mock.calls.find(([path]) => path === "/api/auth/magic-link/sign-in")!;
    expect((init as RequestInit).body).toBe("token=good");
    expect((init!.headers as Record<string, string>)["Content-Type"]).toBe(
      "application/x-www-form-urlencoded",
    );
    expect(await screen.findByRole("link", { name: "ada@example.org" })).toBeTruthy();
    expect(localStorage.getItem("improview.sign-in.next")).toBeNull();
  });

  it("a used or expired link says so and offers a new one", async () => {
    accountsServer({ tokens: [] });
    await open("/sign-in/link?token=used&next=%2Fattempts");
    fireEvent.click(await screen.findByRole("button", { name: "Sign in" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("This link was used or has expired");
    expect(screen.getByRole("link", { name: "Ask for a new link" }).getAttribute("href")).toBe(
      "/sign-in?next=%2Fattempts",
    );
  });

  it("refuses a next that leaves the site", async () => {
    accountsServer();
    const router = await open("/sign-in/link?token=good&next=%2F%2Fevil.example");
    fireEvent.click(await screen.findByRole("button", { name: "Sign in" }));
    await waitFor(() => expect(router.state.location.pathname).toBe("/"));
  });

  it("offers a passkey first, then the email link", async () => {
    accountsServer();
    await open("/sign-in");
    const ways = await screen.findAllByRole("region");
    expect(ways.map((way) => way.getAttribute("aria-label"))).toEqual([
      "Sign in with a passkey",
      "Sign in with an email link",
    ]);
    expect(within(ways[0]!).getByRole("button", { name: "Sign in with a passkey" })).toBeTruthy();
  });

  it("a passkey signs in and goes to next, with the account in the header", async () => {
    const fetch = accountsServer();
    webauthn.startAuthentication.mockResolvedValue(assertion);
    const router = await open("/sign-in?next=%2Fattempts");
    fireEvent.click(await screen.findByRole("button", { name: "Sign in with a passkey" }));
    await waitFor(() => expect(router.state.location.pathname).toBe("/attempts"));
    expect(posts(fetch)).toEqual(["/webauthn/authenticate/options", "/login/webauthn"]);
    expect(webauthn.startAuthentication).toHaveBeenCalledWith({
      optionsJSON: expect.objectContaining({ challenge: "Y2g", rpId: "localhost" }),
    });
    expect(await screen.findByRole("link", { name: "ada@example.org" })).toBeTruthy();
  });

  it("a refused passkey says so and stays signed out; a closed prompt is only a notice", async () => {
    accountsServer({ passkeys: [] });
    webauthn.startAuthentication.mockResolvedValue(assertion);
    const router = await open("/sign-in");
    const button = await screen.findByRole("button", { name: "Sign in with a passkey" });
    fireEvent.click(button);
    expect((await screen.findByRole("alert")).textContent).toBe(
      "That passkey did not sign you in. Try again, or ask for an email link.",
    );
    expect(router.state.location.pathname).toBe("/sign-in");

    webauthn.startAuthentication.mockRejectedValue(
      Object.assign(new Error("The operation either timed out or was not allowed."), {
        name: "NotAllowedError",
      }),
    );
    fireEvent.click(button);
    await screen.findByText("No passkey was used: the request was cancelled or timed out.");
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("without WebAuthn the page says so and keeps the email link", async () => {
    webauthn.browserSupportsWebAuthn.mockReturnValue(false);
    accountsServer();
    await open("/sign-in");
    await screen.findByText(/This browser cannot use passkeys/);
    expect(screen.queryByRole("button", { name: "Sign in with a passkey" })).toBeNull();
    expect(screen.getByRole("button", { name: "Email me a link" })).toBeTruthy();
  });

  it("shows a Sign in link in the header when signed out, nothing new in local mode", async () => {
    accountsServer();
    await open("/sign-in");
    const header = await screen.findByRole("banner");
    await waitFor(() =>
      expect(header.querySelector('a[href^="/sign-in"]')?.textContent).toBe("Sign in"),
    );
    cleanup();
    vi.stubGlobal(
      "fetch",
      vi.fn(async (path: string) =>
        path === "/api/auth/options"
          ? json({ mode: "local", devMailbox: true })
          : json({ ...account, email: null, roles: ["admin"] }),
      ),
    );
    await open("/sign-in");
    await screen.findByText(/This server runs in local mode/);
    expect(screen.getByRole("banner").textContent).not.toMatch(/Sign in|Local account/);
  });

  it.each([
    ["Sign out", "/api/auth/sign-out"],
    ["Sign out everywhere", "/api/auth/sign-out-everywhere"],
  ])("the account page's %s ends the session and goes to /sign-in", async (label, endpoint) => {
    const fetch = accountsServer({ signedInAlready: true });
    const router = await open("/account");
    expect((await screen.findByRole("heading", { level: 1, name: "Account" })).textContent).toBe(
      "Account",
    );
    expect(screen.getByText("ada@example.org", { selector: "dd" })).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: label }));
    await waitFor(() => expect(router.state.location.pathname).toBe("/sign-in"));
    expect(posts(fetch)).toEqual([endpoint]);
    await screen.findByRole("textbox", { name: "Email" });
  });

  it("the account page has a Passkeys section in accounts mode", async () => {
    accountsServer({ signedInAlready: true });
    await open("/account");
    await screen.findByRole("heading", { level: 2, name: "Passkeys" });
    await screen.findByText("No passkeys yet: add one to sign in without email.");
  });

  it("the account page sends a signed-out user to sign in first", async () => {
    accountsServer();
    const router = await open("/account");
    await waitFor(() => expect(router.state.location.pathname).toBe("/sign-in"));
    expect(router.state.location.search).toEqual({ next: "/account" });
  });
});
