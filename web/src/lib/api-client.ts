import { z } from "zod/mini";
import { signInHref } from "./next-path";

// The schemas this module and the routes' loaders use are wrapped in z.lazy: built on first use,
// they cost nothing while the entry evaluates (zod construction was half of that, ~20 ms).

/** An RFC 9457 problem detail as the server sends it. */
export const problemDetailSchema = z.lazy(() =>
  z.object({
    type: z.optional(z.string()),
    title: z.optional(z.string()),
    status: z.optional(z.number()),
    detail: z.optional(z.string()),
  }),
);

/** An API error carrying the server's problem detail, so the UI can show its `detail`. */
export class ApiError extends Error {
  readonly status: number;
  readonly type: string | undefined;
  /** Seconds the server asked us to wait (429/503), when it said. */
  readonly retryAfter: number | undefined;
  /** The whole problem detail as sent, for extension members (e.g. a 409's current `timer`). */
  readonly body: unknown;

  constructor(status: number, detail: string, type?: string, retryAfter?: number, body?: unknown) {
    super(detail);
    this.name = "ApiError";
    this.status = status;
    this.type = type;
    this.retryAfter = retryAfter;
    this.body = body;
  }
}

/**
 * A response whose body is not what this page expects, e.g. a verdict it does not know: shown as
 * an error, never rendered as something else.
 */
export class UnexpectedResponseError extends Error {
  constructor(path: string, detail: string) {
    super(`The server's answer to ${path} is not what this page expects: ${detail}`);
    this.name = "UnexpectedResponseError";
  }
}

function validate<T>(path: string, schema: z.ZodMiniType<T>, body: unknown): T {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  throw new UnexpectedResponseError(path, describeIssues(result.error.issues, body));
}

// zod/mini carries no messages ("Invalid input"), so say where and what was found instead.
function describeIssues(issues: readonly z.core.$ZodIssue[], body: unknown): string {
  const described = issues.slice(0, 3).map((issue) => {
    let value = body;
    for (const key of issue.path) value = (value as Record<PropertyKey, unknown> | null)?.[key];
    const found = (JSON.stringify(value) ?? "nothing").slice(0, 60);
    const where =
      issue.path.map((k) => (typeof k === "number" ? `[${k}]` : `.${String(k)}`)).join("") || ".";
    if (issue.code === "invalid_value") {
      return `${where} is ${found}, not one of ${issue.values.join(", ")}`;
    }
    if (issue.code === "invalid_type") return `${where} is ${found}, not a ${issue.expected}`;
    if (issue.code === "custom") return `${where}: ${issue.message}`;
    return `${where} is ${found} (${issue.code})`;
  });
  return described.join("; ") + (issues.length > 3 ? `; and ${issues.length - 3} more` : "");
}

function headers(extra: Record<string, string> = {}): Record<string, string> {
  return { Accept: "application/json", ...extra };
}

declare global {
  interface Window {
    /** Requests public/boot.js started before the bundle ran, by path; each is used once. */
    __improviewEarly?: Record<string, Promise<Response> | undefined>;
  }
}

function takeEarly(path: string): Promise<Response> | undefined {
  const early = typeof window === "undefined" ? undefined : window.__improviewEarly?.[path];
  if (early) delete window.__improviewEarly![path];
  return early;
}

// Accounts mode (docs/security.md): every unsafe request echoes the XSRF-TOKEN cookie in
// X-XSRF-TOKEN. Local mode sets no such cookie, so its requests go out exactly as before.
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
const CSRF_COOKIE = "XSRF-TOKEN";
const CSRF_HEADER = "X-XSRF-TOKEN";

function csrfToken(): string | undefined {
  if (typeof document === "undefined") return undefined;
  for (const pair of document.cookie.split(";")) {
    const at = pair.indexOf("=");
    if (at >= 0 && pair.slice(0, at).trim() === CSRF_COOKIE) {
      return decodeURIComponent(pair.slice(at + 1).trim());
    }
  }
  return undefined;
}

function withCsrf(init: RequestInit): RequestInit {
  const token = csrfToken();
  if (token === undefined) return init;
  return {
    ...init,
    headers: { ...(init.headers as Record<string, string>), [CSRF_HEADER]: token },
  };
}

/** Whether `response` is a problem detail whose `type` is `name` (`…/problems/<name>`). */
async function isProblem(response: Response, name: string): Promise<boolean> {
  try {
    const type = problemDetailSchema.parse(await response.clone().json()).type ?? "";
    return type === name || type.endsWith(`/${name}`);
  } catch {
    return false;
  }
}

let signInNeeded: () => void = () => {
  const here = window.location;
  window.location.assign(signInHref(here.pathname + here.search + here.hash));
};

/**
 * Who sends the user to sign in when a private endpoint answers 401 `unauthenticated`: a full page
 * load of `/sign-in?next=…` unless the app gives its router's way. Returns the undo.
 */
export function onSignInNeeded(handler: () => void): () => void {
  const previous = signInNeeded;
  signInNeeded = handler;
  return () => {
    signInNeeded = previous;
  };
}

export interface RequestOptions {
  signal?: AbortSignal;
  /** A 401 is an answer here (`GET /api/me`: nobody is signed in), not a reason to sign in. */
  allowSignedOut?: boolean;
}

/**
 * `fetch` with the CSRF header on unsafe requests. A stale or missing token (403 `csrf`) is renewed
 * by `GET /api/auth/options` and the request sent once more; a 401 `unauthenticated` sends the user
 * to sign in. The response is returned either way, for the caller to turn into an error.
 */
async function send(
  path: string,
  init: RequestInit,
  options: RequestOptions = {},
): Promise<Response> {
  const unsafe = !SAFE_METHODS.has((init.method ?? "GET").toUpperCase());
  let response = await fetch(path, unsafe ? withCsrf(init) : init);
  if (unsafe && response.status === 403 && (await isProblem(response, "csrf"))) {
    await fetch("/api/auth/options", { headers: headers(), signal: init.signal }).catch(
      () => undefined,
    );
    response = await fetch(path, withCsrf(init));
  }
  if (
    response.status === 401 &&
    !options.allowSignedOut &&
    (await isProblem(response, "unauthenticated"))
  ) {
    signInNeeded();
  }
  return response;
}

/** GETs a JSON resource and validates it with `schema`; errors become {@link ApiError}. */
export async function getJson<T>(
  path: string,
  schema: z.ZodMiniType<T>,
  signal?: AbortSignal,
  options: Omit<RequestOptions, "signal"> = {},
): Promise<T> {
  const early = takeEarly(path);
  const response =
    (early && (await early.catch(() => undefined))) ||
    (await send(path, { headers: headers(), signal }, options));
  if (!response.ok) {
    throw await toApiError(response);
  }
  return validate(path, schema, await response.json());
}

/** POSTs `body` as JSON and validates the JSON answer with `schema`. */
export interface PostOptions {
  signal?: AbortSignal;
  headers?: Record<string, string>;
  /** Let the request outlive the page (a pause sent as the tab closes). */
  keepalive?: boolean;
}

export async function postJson<T>(
  path: string,
  body: unknown,
  schema: z.ZodMiniType<T>,
  options: PostOptions = {},
): Promise<T> {
  const response = await send(path, {
    method: "POST",
    headers: headers({ "Content-Type": "application/json", ...options.headers }),
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: options.signal,
    keepalive: options.keepalive,
  });
  if (!response.ok) {
    throw await toApiError(response);
  }
  return validate(path, schema, await response.json());
}

/** POSTs `fields` as an HTML form would (`application/x-www-form-urlencoded`), for JSON back. */
export async function postForm<T>(
  path: string,
  fields: Record<string, string>,
  schema: z.ZodMiniType<T>,
): Promise<T> {
  const response = await send(path, {
    method: "POST",
    headers: headers({ "Content-Type": "application/x-www-form-urlencoded" }),
    body: new URLSearchParams(fields).toString(),
  });
  if (!response.ok) {
    throw await toApiError(response);
  }
  return validate(path, schema, await response.json());
}

/** POSTs without a body to an endpoint that answers with none (`204`). */
export async function postNoContent(path: string): Promise<void> {
  const response = await send(path, { method: "POST", headers: headers() });
  if (!response.ok) {
    throw await toApiError(response);
  }
}

async function toApiError(response: Response): Promise<ApiError> {
  const retryHeader = Number(response.headers.get("Retry-After"));
  const retryAfter = Number.isFinite(retryHeader) && retryHeader > 0 ? retryHeader : undefined;
  try {
    const raw: unknown = await response.json();
    const body = problemDetailSchema.parse(raw);
    return new ApiError(
      response.status,
      body.detail ?? body.title ?? `Request failed (${response.status})`,
      body.type,
      retryAfter,
      raw,
    );
  } catch {
    return new ApiError(
      response.status,
      `Request failed (${response.status})`,
      undefined,
      retryAfter,
    );
  }
}

/** PATCHes `body` as JSON and validates the JSON answer with `schema`. */
export async function patchJson<T>(
  path: string,
  body: unknown,
  schema: z.ZodMiniType<T>,
): Promise<T> {
  const response = await send(path, {
    method: "PATCH",
    headers: headers({ "Content-Type": "application/json" }),
    body: JSON.stringify(body),
  });
  if (!response.ok) {
    throw await toApiError(response);
  }
  return validate(path, schema, await response.json());
}

/** DELETEs a resource whose endpoint answers with no body (`204`); `body`, if any, goes as JSON. */
export async function deleteNoContent(path: string, body?: unknown): Promise<void> {
  const response = await send(
    path,
    body === undefined
      ? { method: "DELETE", headers: headers() }
      : {
          method: "DELETE",
          headers: headers({ "Content-Type": "application/json" }),
          body: JSON.stringify(body),
        },
  );
  if (!response.ok) {
    throw await toApiError(response);
  }
}
