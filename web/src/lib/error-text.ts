import { ApiError, UnexpectedResponseError } from "./api-client";

/** What an error page says: a heading in plain words, a sentence on what to do, the detail. */
export interface ErrorText {
  title: string;
  advice: string;
  /** The server's or the browser's own words, in small print; null when the title says it all. */
  detail: string | null;
  /** Whether trying again could help (it cannot for a page or problem that does not exist). */
  retry: boolean;
}

/**
 * An error in words a new user understands. `subject` names what the page shows ("problem"), so
 * a 404 says that this problem, not "the page", does not exist.
 */
export function errorText(error: unknown, subject = "page"): ErrorText {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof ApiError) {
    if (error.status === 401) {
      // Seen only for a moment: the API client is already on its way to the sign-in page.
      return {
        title: "Sign in to see this page",
        advice: "This server keeps each person's work private.",
        detail: null,
        retry: false,
      };
    }
    if (error.status === 404) {
      return {
        title:
          subject === "page"
            ? "There is no page at this address"
            : `This ${subject} does not exist`,
        advice:
          subject === "page"
            ? "The link may be mistyped or out of date."
            : `The link may be mistyped, or the ${subject} was removed.`,
        detail: subject === "page" ? null : message,
        retry: false,
      };
    }
    if (error.status === 429 || error.status === 503) {
      return {
        title: "The server is busy",
        advice: "Wait a moment, then try again.",
        detail: message,
        retry: true,
      };
    }
    if (error.status >= 500) {
      return {
        title: "Something went wrong on the server",
        advice: "It is not your doing; trying again often helps.",
        detail: message,
        retry: true,
      };
    }
    return { title: "The server refused this request", advice: "", detail: message, retry: false };
  }
  if (error instanceof UnexpectedResponseError) {
    return {
      title: "This page could not be displayed",
      advice:
        "The server sent something this version of the page does not know; reloading may help.",
      detail: message,
      retry: true,
    };
  }
  if (error instanceof TypeError && /fetch|network|load failed/i.test(message)) {
    return {
      title: "The server could not be reached",
      advice: "Check your connection, then try again.",
      detail: null,
      retry: true,
    };
  }
  return {
    title: "This page could not be displayed",
    advice: "Trying again may help; if it does not, go back to the problems.",
    detail: message,
    retry: true,
  };
}
