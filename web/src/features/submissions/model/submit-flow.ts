import { ApiError } from "../../../lib/api-client";
import { newUuid } from "../../../lib/client-id";
import {
  createSubmission,
  getSubmission,
  isPending,
  type Submission,
  type SubmissionRequest,
} from "../api/submission";
import { isAbort, pollUntil, withNetworkRetry, type PollOptions } from "./poller";

/** Where a submission is, from the click to its verdict. */
export type SubmitState =
  | { status: "idle" }
  | { status: "sending"; request: SubmissionRequest }
  | { status: "judging"; request: SubmissionRequest; submission: Submission }
  /** Finished (judged) or failed_to_run (could not be judged: offer to submit again). */
  | { status: "done"; request: SubmissionRequest; submission: Submission }
  /** The attempt has ended (409 attempt-closed): offer a new attempt. */
  | { status: "closed"; request: SubmissionRequest }
  | { status: "error"; request: SubmissionRequest; message: string };

export const isBusy = (state: SubmitState) =>
  state.status === "sending" || state.status === "judging";

export interface SubmitDeps {
  create?: typeof createSubmission;
  load?: typeof getSubmission;
  newKey?: () => string;
  wait?: PollOptions["wait"];
}

/**
 * One click of Submit: sends the code with a fresh idempotency key (the same key on a network
 * retry), then, while the server has it queued or running, polls it with backoff. Reports every
 * step to `report`; an abort (the page went away) ends it silently.
 */
export async function runSubmission(
  request: SubmissionRequest,
  report: (state: SubmitState) => void,
  signal: AbortSignal,
  { create = createSubmission, load = getSubmission, newKey = newUuid, wait }: SubmitDeps = {},
): Promise<Submission | undefined> {
  const key = newKey();
  report({ status: "sending", request });
  try {
    let submission = await withNetworkRetry(() => create(request, key, signal), { signal, wait });
    if (isPending(submission)) {
      report({ status: "judging", request, submission });
      const id = submission.id;
      submission = await pollUntil(
        (s) => load(id, s),
        (s) => !isPending(s),
        {
          signal,
          wait,
          onProgress: (s) => report({ status: "judging", request, submission: s }),
        },
      );
    }
    report({ status: "done", request, submission });
    return submission;
  } catch (error) {
    if (isAbort(error) || signal.aborted) return undefined;
    if (
      error instanceof ApiError &&
      error.status === 409 &&
      error.type?.endsWith("/attempt-closed")
    ) {
      report({ status: "closed", request });
    } else {
      report({ status: "error", request, message: messageOf(error) });
    }
    return undefined;
  }
}

function messageOf(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof TypeError) return "The server could not be reached. Check your connection.";
  return error instanceof Error ? error.message : String(error);
}
