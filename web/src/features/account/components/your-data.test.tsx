import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { open } from "../../../routes/-test-app";

afterEach(() => {
  cleanup();
  localStorage.clear();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

const json = (body: unknown, status = 200) =>
  new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { "Content-Type": status < 400 ? "application/json" : "application/problem+json" },
  });
const problem = (status: number, type: string, detail: string) =>
  json({ type: `https://improview.dev/problems/${type}`, status, detail }, status);

const EMAIL = "Ada@Example.org";
const exported = {
  format: "improview-export",
  formatVersion: 1,
  exportedAt: "2026-03-04T05:06:07Z",
  account: { id: "a1", email: "ada@example.org", roles: [], createdAt: "2026-01-01T00:00:00Z" },
  sections: { attempts: { attempts: [{ id: "t1", problemId: "two-sum" }] } },
};

/** A server with one signed-in account (or the local one) whose deletion answers `deleteWith`. */
function server({
  mode = "accounts" as "accounts" | "local",
  exportWith = () => json(exported),
  deleteWith = (): Response => new Response(null, { status: 204 }),
} = {}) {
  let signedIn = true;
  const fetch = vi.fn(async (path: string, init?: RequestInit) => {
    const method = init?.method ?? "GET";
    if (path === "/api/auth/options") return json({ mode, devMailbox: false });
    if (path === "/api/me") {
      if (!signedIn) return problem(401, "unauthenticated", "Sign in first.");
      return json(
        mode === "local"
          ? { id: "l", email: null, roles: ["admin"] }
          : { id: "a1", email: "ada@example.org", roles: [] },
      );
    }
    if (path === "/api/account/export") return exportWith();
    if (path === "/api/account" && method === "DELETE") {
      const answer = deleteWith();
      if (answer.status === 204 && mode === "accounts") signedIn = false;
      return answer;
    }
    if (path === "/api/catalog") return json({ categories: [], difficulties: [], languages: [] });
    if (path.startsWith("/api/problems")) return json([]);
    if (path.startsWith("/api/attempts")) return json({ items: [], page: 0, size: 20, total: 0 });
    return problem(404, "not-found", "Not found.");
  });
  vi.stubGlobal("fetch", fetch);
  return fetch;
}

// jsdom's Blob has no text(); its FileReader reads it.
const blobText = (blob: Blob) =>
  new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(blob);
  });

const deletes = (fetch: ReturnType<typeof vi.fn>) =>
  fetch.mock.calls.filter(([, init]) => (init as RequestInit | undefined)?.method === "DELETE");

async function openConfirmation(name: RegExp) {
  const yourData = await screen.findByRole("region", { name: "Your data" });
  fireEvent.click(within(yourData).getByRole("button", { name }));
  return screen.findByRole("form", { name: "Confirm the deletion" });
}

describe("your data", () => {
  it("downloads the export as improview-data-<date>.json through a Blob URL", async () => {
    server();
    const saved: Blob[] = [];
    const createObjectURL = vi.fn((blob: Blob) => {
      saved.push(blob);
      return "blob:export";
    });
    vi.stubGlobal("URL", Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() }));
    const clicked: { href: string; download: string }[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicked.push({ href: this.href, download: this.download });
    });
    await open("/account");
    fireEvent.click(await screen.findByRole("button", { name: "Download my data" }));
    await screen.findByText("Saved improview-data-2026-03-04.json.");
    expect(clicked).toEqual([{ href: "blob:export", download: "improview-data-2026-03-04.json" }]);
    expect(JSON.parse(await blobText(saved[0]!))).toEqual(exported);
  });

  it("says why a download failed, in the server's words", async () => {
    server({ exportWith: () => problem(503, "busy", "The database is busy.") });
    await open("/account");
    fireEvent.click(await screen.findByRole("button", { name: "Download my data" }));
    const alerts = await screen.findAllByRole("alert");
    expect(alerts.map((a) => a.textContent)).toContain(
      "Could not download your data: The database is busy.",
    );
  });

  it("deletes only once the email is typed, then lands on /sign-in with a notice", async () => {
    const fetch = server();
    const router = await open("/account");
    const form = await openConfirmation(/^Delete my account and data$/);
    expect(form.textContent).toMatch(
      /attempts.*submissions.*drafts.*generated.*passkeys.*sessions/s,
    );
    const input = within(form).getByLabelText(/Type ada@example.org to confirm/);
    const button = within(form).getByRole("button", { name: "Delete permanently" });
    expect(button).toHaveProperty("disabled", true);
    fireEvent.change(input, { target: { value: "someone@example.org" } });
    expect(button).toHaveProperty("disabled", true);
    fireEvent.submit(form);
    expect(deletes(fetch)).toHaveLength(0);
    // The server trims and ignores case: so does the button.
    fireEvent.change(input, { target: { value: `  ${EMAIL} ` } });
    expect(button).toHaveProperty("disabled", false);
    fireEvent.click(button);
    await waitFor(() => expect(router.state.location.pathname).toBe("/sign-in"));
    expect(deletes(fetch).map(([path, init]) => [path, (init as RequestInit).body])).toEqual([
      ["/api/account", JSON.stringify({ confirm: EMAIL })],
    ]);
    expect(
      (await screen.findByText("Your account and data were deleted.")).getAttribute("role"),
    ).toBe("status");
    // Shown once: the sign-in page's next visit does not repeat it.
    cleanup();
    await open("/sign-in");
    await screen.findByRole("heading", { name: "Sign in" });
    expect(screen.queryByText("Your account and data were deleted.")).toBeNull();
  });

  it("shows the server's detail and keeps the page when the server refuses", async () => {
    server({
      deleteWith: () =>
        problem(422, "confirmation-mismatch", "Field 'confirm' must be the account's email."),
    });
    const router = await open("/account");
    const form = await openConfirmation(/^Delete my account and data$/);
    fireEvent.change(within(form).getByRole("textbox"), { target: { value: "ada@example.org" } });
    fireEvent.click(within(form).getByRole("button", { name: "Delete permanently" }));
    expect((await within(form).findByRole("alert")).textContent).toBe(
      "Nothing was deleted: Field 'confirm' must be the account's email.",
    );
    expect(router.state.location.pathname).toBe("/account");
  });

  it("in local mode asks for the words and goes back to practice with the notice", async () => {
    const fetch = server({ mode: "local" });
    const router = await open("/account");
    const form = await openConfirmation(/^Delete my data$/);
    expect(form.textContent).not.toMatch(/passkeys/);
    const button = within(form).getByRole("button", { name: "Delete permanently" });
    fireEvent.change(within(form).getByLabelText(/Type delete my data to confirm/), {
      target: { value: "Delete My Data" },
    });
    expect(button).toHaveProperty("disabled", false);
    fireEvent.click(button);
    await waitFor(() => expect(router.state.location.pathname).toBe("/"));
    expect(deletes(fetch).map(([, init]) => (init as RequestInit).body)).toEqual([
      JSON.stringify({ confirm: "Delete My Data" }),
    ]);
    await screen.findByText("Your account and data were deleted.");
  });

  it("cancelling closes the confirmation and forgets what was typed", async () => {
    server();
    await open("/account");
    let form = await openConfirmation(/^Delete my account and data$/);
    fireEvent.change(within(form).getByRole("textbox"), { target: { value: "ada@" } });
    fireEvent.click(within(form).getByRole("button", { name: "Cancel" }));
    expect(screen.queryByRole("form", { name: "Confirm the deletion" })).toBeNull();
    form = await openConfirmation(/^Delete my account and data$/);
    expect(within(form).getByRole("textbox")).toHaveProperty("value", "");
  });
});
