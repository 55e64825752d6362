import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod/mini";
import { ApiError, getJson, onSignInNeeded, postJson, postNoContent } from "./api-client";

const problem = (status: number, type: string) =>
  new Response(JSON.stringify({ type: `https://improview.dev/problems/${type}`, status }), {
    status,
    headers: { "Content-Type": "application/problem+json" },
  });
const ok = (body: unknown = { ok: true }) => new Response(JSON.stringify(body), { status: 200 });
const okSchema = z.object({ ok: z.boolean() });

const setCookie = (value: string) => {
  document.cookie = `XSRF-TOKEN=${value}; path=/`;
};

/** The fetch calls made, as method, path and the CSRF header each carried. */
function calls(fetch: ReturnType<typeof vi.fn>) {
  return fetch.mock.calls.map(([path, init]) => {
    const request = (init ?? {}) as RequestInit;
    const headers = (request.headers ?? {}) as Record<string, string>;
    return `${request.method ?? "GET"} ${String(path)} ${headers["X-XSRF-TOKEN"] ?? "-"}`;
  });
}

let undo: () => void;
let signIn: ReturnType<typeof vi.fn>;

beforeEach(() => {
  signIn = vi.fn();
  undo = onSignInNeeded(signIn as () => void);
});

afterEach(() => {
  undo();
  document.cookie = "XSRF-TOKEN=; path=/; expires=Thu, 01 Jan 1970 00:00:00 GMT";
  vi.unstubAllGlobals();
});

describe("the CSRF token (accounts mode)", () => {
  it("echoes the XSRF-TOKEN cookie on unsafe requests only, decoded", async () => {
    setCookie("a%2Bb%3D");
    const fetch = vi.fn(async () => ok());
    vi.stubGlobal("fetch", fetch);
    await postJson("/api/runs", { code: "" }, okSchema);
    await getJson("/api/catalog", okSchema);
    await postNoContent("/api/auth/sign-out");
    expect(calls(fetch)).toEqual([
      "POST /api/runs a+b=",
      "GET /api/catalog -",
      "POST /api/auth/sign-out a+b=",
    ]);
  });

  it("on a 403 csrf renews the cookie with GET /api/auth/options and retries once, with the new token", async () => {
    setCookie("stale");
    const fetch = vi.fn(async (path: string) => {
      if (path === "/api/auth/options") {
        setCookie("fresh");
        return ok({ mode: "accounts", devMailbox: false });
      }
      return fetch.mock.calls.length === 1 ? problem(403, "csrf") : ok();
    });
    vi.stubGlobal("fetch", fetch);
    await expect(postJson("/api/attempts", {}, okSchema)).resolves.toEqual({ ok: true });
    expect(calls(fetch)).toEqual([
      "POST /api/attempts stale",
      "GET /api/auth/options -",
      "POST /api/attempts fresh",
    ]);
    const [, , [, retried]] = fetch.mock.calls as unknown as [
      unknown,
      unknown,
      [string, RequestInit],
    ];
    expect(retried.body).toBe("{}");
  });

  it("retries only once: a second 403 csrf is the caller's error", async () => {
    setCookie("stale");
    const fetch = vi.fn(async (path: string) =>
      path === "/api/auth/options"
        ? ok({ mode: "accounts", devMailbox: false })
        : problem(403, "csrf"),
    );
    vi.stubGlobal("fetch", fetch);
    const error = await postJson("/api/attempts", {}, okSchema).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(403);
    expect(fetch).toHaveBeenCalledTimes(3);
  });

  it("does not retry a 403 that is not about CSRF (a missing role)", async () => {
    setCookie("token");
    const fetch = vi.fn(async () => problem(403, "forbidden"));
    vi.stubGlobal("fetch", fetch);
    await expect(postJson("/api/problems", {}, okSchema)).rejects.toBeInstanceOf(ApiError);
    expect(calls(fetch)).toEqual(["POST /api/problems token"]);
  });

  it("sends no CSRF header when there is no cookie (local mode), and the request is as before", async () => {
    const fetch = vi.fn(async () => ok());
    vi.stubGlobal("fetch", fetch);
    await postJson("/api/runs", { code: "x" }, okSchema, { headers: { "Idempotency-Key": "k" } });
    expect(fetch).toHaveBeenCalledWith("/api/runs", {
      method: "POST",
      headers: {
        Accept: "application/json",
        "Content-Type": "application/json",
        "Idempotency-Key": "k",
      },
      body: '{"code":"x"}',
      signal: undefined,
      keepalive: undefined,
    });
  });
});

describe("a 401 from a private endpoint", () => {
  it("sends the user to sign in, and still fails the request", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => problem(401, "unauthenticated")),
    );
    const error = await getJson("/api/attempts", okSchema).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(401);
    expect(signIn).toHaveBeenCalledTimes(1);
  });

  it("is only an answer where the caller allows being signed out (GET /api/me)", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => problem(401, "unauthenticated")),
    );
    await expect(
      getJson("/api/me", okSchema, undefined, { allowSignedOut: true }),
    ).rejects.toBeInstanceOf(ApiError);
    expect(signIn).not.toHaveBeenCalled();
  });

  it("of another type (a used magic link) is the page's to explain", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => problem(401, "sign-in-failed")),
    );
    await expect(postJson("/api/auth/magic-link/sign-in", {}, okSchema)).rejects.toBeInstanceOf(
      ApiError,
    );
    expect(signIn).not.toHaveBeenCalled();
  });
});
