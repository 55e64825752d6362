import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { RouterProvider, createMemoryHistory, createRouter } from "@tanstack/react-router";
import { render } from "@testing-library/react";
import { vi } from "vitest";
import { signInThrough } from "../lib/router-sign-in";
import { routeTree } from "../routeTree.gen";

// The whole app on a memory history, against a stubbed server, for route-level tests.

window.scrollTo = () => {};
// jsdom lays nothing out; the router scrolls to a link's #hash.
Element.prototype.scrollIntoView = () => {};

const catalog = {
  categories: [
    { id: "arrays-hashing", label: "Arrays & hashing" },
    { id: "strings", label: "Strings" },
  ],
  difficulties: [
    { id: "easy", label: "Easy" },
    { id: "medium", label: "Medium" },
    { id: "hard", label: "Hard" },
  ],
  languages: [{ id: "javascript", label: "JavaScript" }],
};

const summary = (id: string, title: string, tags: string[]) => ({
  id,
  title,
  category: "arrays-hashing",
  difficulty: "easy",
  tags,
  estimatedMinutes: 15,
  source: "bank",
});

export const problems = [
  summary("two-sum", "Two sum", ["hash map"]),
  summary("valid-anagram", "Valid anagram", ["hash map", "counting"]),
  summary("longest-run", "Longest run", ["sliding window"]),
];

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": status < 400 ? "application/json" : "application/problem+json" },
  });

// The server as the edge of the world; `problemsStatus` fails the problem list.
export function stubServer(problemsStatus = 200) {
  const fetch = vi.fn(async (path: string) => {
    if (path === "/api/catalog") return json(catalog);
    if (path.startsWith("/api/problems?") || path === "/api/problems") {
      return problemsStatus === 200
        ? json(problems)
        : json({ status: problemsStatus, detail: "Database unavailable." }, problemsStatus);
    }
    if (path.startsWith("/api/problems/")) {
      return json({ status: 404, detail: "No problem with id nope." }, 404);
    }
    return json({ status: 404, detail: "Not found." }, 404);
  });
  vi.stubGlobal("fetch", fetch);
  return fetch;
}

let signedInThrough: (() => void) | undefined;

export async function open(url: string) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const router = createRouter({
    routeTree,
    context: { queryClient },
    history: createMemoryHistory({ initialEntries: [url] }),
  });
  signedInThrough?.();
  signedInThrough = signInThrough(router);
  await router.load();
  render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return router;
}
