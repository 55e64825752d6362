import { z } from "zod";

/** An RFC 9457 problem detail as the server sends it. */
export const problemDetailSchema = z.object({
  type: z.string().optional(),
  title: z.string().optional(),
  status: z.number().optional(),
  detail: z.string().optional(),
});

/** An API error carrying the server's problem detail, so the UI can show its `detail`. */
export class ApiError extends Error {
  readonly status: number;
  readonly type: string | undefined;

  constructor(status: number, detail: string, type?: string) {
    super(detail);
    this.name = "ApiError";
    this.status = status;
    this.type = type;
  }
}

/** GETs a JSON resource and validates it with `schema`; errors become {@link ApiError}. */
export async function getJson<T>(path: string, schema: z.ZodType<T>): Promise<T> {
  const response = await fetch(path, { headers: { Accept: "application/json" } });
  if (!response.ok) {
    throw await toApiError(response);
  }
  return schema.parse(await response.json());
}

async function toApiError(response: Response): Promise<ApiError> {
  try {
    const body = problemDetailSchema.parse(await response.json());
    return new ApiError(
      response.status,
      body.detail ?? body.title ?? `Request failed (${response.status})`,
      body.type,
    );
  } catch {
    return new ApiError(response.status, `Request failed (${response.status})`);
  }
}
