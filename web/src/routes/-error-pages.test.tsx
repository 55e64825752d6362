import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { RouterProvider, createMemoryHistory, createRouter } from "@tanstack/react-router";
import { cleanup, render, screen, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { routeTree } from "../routeTree.gen";

window.scrollTo = () => {};

// React reports each error a boundary caught; these tests cause them on purpose.
beforeEach(() => void vi.spyOn(console, "error").mockImplementation(() => {}));

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

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

const problems = [
  {
    id: "two-sum",
    title: "Two sum",
    category: "arrays-hashing",
    difficulty: "easy",
    tags: ["hash map"],
    estimatedMinutes: 15,
    source: "bank",
  },
];

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": status < 400 ? "application/json" : "application/problem+json" },
  });

// The server as the edge of the world; `problemsStatus` fails the problem list.
function stubServer(problemsStatus = 200) {
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

async function open(url: string) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const router = createRouter({
    routeTree,
    context: { queryClient },
    history: createMemoryHistory({ initialEntries: [url] }),
  });
  await router.load();
  render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return router;
}

/** The site's header is there, with its way back to the problems. */
function expectSiteHeader() {
  expect(screen.getByRole("navigation", { name: "Main" })).toBeTruthy();
  expect(screen.getByRole("link", { name: "Improview" }).getAttribute("href")).toBe("/");
}

describe("error pages", () => {
  it("ignores an unknown filter value in the URL and lists the problems", async () => {
    const fetch = stubServer();
    await open("/?category=graphs&difficulty=impossible");
    expect(await screen.findByRole("link", { name: "Two sum" })).toBeTruthy();
    expect(screen.queryByRole("alert")).toBeNull();
    expect(fetch.mock.calls.map(([path]) => path)).toContain("/api/problems");
  });

  it("says in plain words that a page does not exist, in the layout, with a way back", async () => {
    stubServer();
    await open("/no/such/page");
    const alert = await screen.findByRole("alert");
    expect(within(alert).getByRole("heading", { level: 1 }).textContent).toBe(
      "There is no page at this address",
    );
    expect(alert.textContent).not.toMatch(/404/);
    expect(within(alert).getByRole("link", { name: "See all problems" })).toBeTruthy();
    expect(within(alert).queryByRole("button", { name: "Try again" })).toBeNull();
    expectSiteHeader();
  });

  it("says an unknown problem does not exist, with the server's words in small print", async () => {
    stubServer();
    await open("/problems/nope");
    const alert = await screen.findByRole("alert");
    expect(within(alert).getByRole("heading", { level: 1 }).textContent).toBe(
      "This problem does not exist",
    );
    expect(within(alert).getByTestId("error-detail").textContent).toBe("No problem with id nope.");
    expect(within(alert).queryByRole("button", { name: "Try again" })).toBeNull();
    expectSiteHeader();
  });

  it("keeps the layout when the home page's data fails, and offers to try again", async () => {
    stubServer(500);
    await open("/");
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("Something went wrong on the server");
    expect(within(alert).getByRole("button", { name: "Try again" })).toBeTruthy();
    expectSiteHeader();
  });
});
