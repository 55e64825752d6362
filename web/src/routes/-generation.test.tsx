import { act, cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Generation } from "../features/generation/api/generation";
import { FakeEventSource, event, generation } from "../features/generation/model/fixtures";
import { open, stubServer } from "./-test-app";

beforeEach(() => {
  vi.stubGlobal("EventSource", FakeEventSource);
  // A problem page the stub server does not know is reported as React's caught error; these tests
  // only check that the page was reached.
  vi.spyOn(console, "error").mockImplementation(() => {});
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  localStorage.clear();
  FakeEventSource.instances = [];
});

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: {
      "Content-Type": status < 400 ? "application/json" : "application/problem+json",
      ...headers,
    },
  });

const generator = {
  provider: "none",
  model: null,
  dailyQuota: 20,
  usedToday: 3,
  note: "No model is configured: problems come from the built-in bank. Set IMPROVIEW_LLM_PROVIDER to generate new ones.",
};

type Answer = Response | (() => Response);

/**
 * The app's usual stub server plus the generation API: `post` answers POST /api/generations,
 * `reads` answer GET /api/generations/g1 in turn (the last one repeats).
 */
function stubGenerations({ post, reads = [] }: { post?: Answer; reads?: Generation[] } = {}) {
  const base = stubServer();
  const fetch = vi.fn(async (path: string, init?: RequestInit) => {
    if (path === "/api/generator") return json(generator);
    if (path === "/api/generations" && init?.method === "POST") {
      if (!post) throw new Error("unexpected POST");
      return typeof post === "function" ? post() : post;
    }
    if (path === "/api/generations/g1") {
      const read = reads.length > 1 ? reads.shift()! : reads[0];
      return read ? json(read) : json({ status: 404, detail: "No generation g1." }, 404);
    }
    return base(path);
  });
  vi.stubGlobal("fetch", fetch);
  return fetch;
}

const posts = (fetch: ReturnType<typeof stubGenerations>) =>
  fetch.mock.calls
    .filter(([path, init]) => path === "/api/generations" && init?.method === "POST")
    .map(([, init]) => JSON.parse(String(init!.body)) as unknown);

const panel = () => screen.getByRole("region", { name: "Generate a problem" });
/** Each row of the progress list: "status: step label message". */
const steps = () =>
  within(screen.getByRole("list", { name: "Steps" }))
    .getAllByRole("listitem")
    .map((item) => `${item.dataset.status}: ${item.querySelector("[data-step]")!.textContent}`);

async function fillTheForm() {
  const form = await screen.findByRole("region", { name: "Generate a problem" });
  fireEvent.click(
    within(within(form).getByRole("radiogroup", { name: "Category" })).getByRole("radio", {
      name: "Strings",
    }),
  );
  fireEvent.click(
    within(within(form).getByRole("radiogroup", { name: "Difficulty" })).getByRole("radio", {
      name: "Medium",
    }),
  );
  fireEvent.change(within(form).getByRole("combobox", { name: "Language" }), {
    target: { value: "java" },
  });
  fireEvent.change(within(form).getByRole("textbox", { name: /Topic hint/ }), {
    target: { value: "  palindromes  " },
  });
}

describe("the generator panel", () => {
  it("posts the chosen category, difficulty, language and hint, then shows the progress", async () => {
    const queued = generation({ category: "strings", difficulty: "medium", language: "java" });
    const fetch = stubGenerations({ post: () => json(queued, 202) });
    const router = await open("/");
    expect(await within(panel()).findByText(/No model is configured/)).toBeTruthy();
    expect(within(panel()).getByText(/3 of 20/).textContent).toBe("3 of 20 generations today");
    await fillTheForm();
    fireEvent.click(within(panel()).getByRole("button", { name: "Generate" }));
    await waitFor(() => expect(router.state.location.pathname).toBe("/generate/g1"));
    expect(posts(fetch)).toEqual([
      { category: "strings", difficulty: "medium", language: "java", topicHint: "palindromes" },
    ]);
    expect(await screen.findByRole("heading", { name: "Generating a medium Strings problem" }));
    // The page it moved to keeps the choices, and the seeded generation needed no second read.
    const form = panel();
    expect(within(form).getByRole("radio", { name: "Strings" })).toHaveProperty("checked", true);
    expect(within(form).getByRole("radio", { name: "Medium" })).toHaveProperty("checked", true);
    expect(within(form).getByRole("button", { name: "Generating…" })).toHaveProperty(
      "disabled",
      true,
    );
    expect(fetch.mock.calls.filter(([path]) => path === "/api/generations/g1")).toHaveLength(0);
    expect(FakeEventSource.latest().url).toBe("/api/generations/g1/events");
  });

  it("leaves out an empty hint and starts in the language last used in the editor", async () => {
    localStorage.setItem("improview.language", "python");
    const fetch = stubGenerations({ post: () => json(generation(), 202) });
    await open("/");
    const form = await screen.findByRole("region", { name: "Generate a problem" });
    expect(within(form).getByRole("combobox", { name: "Language" })).toHaveProperty(
      "value",
      "python",
    );
    fireEvent.click(within(form).getByRole("button", { name: "Generate" }));
    await waitFor(() => expect(posts(fetch)).toHaveLength(1));
    expect(posts(fetch)[0]).toEqual({
      category: "arrays-hashing",
      difficulty: "easy",
      language: "python",
    });
  });

  it("shows a 429's detail and when the quota resets, keeping the choices", async () => {
    const fetch = stubGenerations({
      post: () =>
        json(
          {
            type: "https://improview.dev/problems/generation-quota",
            title: "Daily generation quota reached",
            status: 429,
            detail: "You have used all 20 generations for today; the quota resets at midnight UTC.",
          },
          429,
          { "Retry-After": "7200" },
        ),
    });
    const router = await open("/");
    await fillTheForm();
    fireEvent.click(within(panel()).getByRole("button", { name: "Generate" }));
    const alert = await within(panel()).findByRole("alert");
    expect(alert.textContent).toContain(
      "You have used all 20 generations for today; the quota resets at midnight UTC.",
    );
    expect(alert.textContent).toMatch(/again in 2 h, at \d\d:\d\d/);
    expect(router.state.location.pathname).toBe("/");
    expect(within(panel()).getByRole("radio", { name: "Strings" })).toHaveProperty("checked", true);
    expect(within(panel()).getByRole("textbox", { name: /Topic hint/ })).toHaveProperty(
      "value",
      "  palindromes  ",
    );
    // The form can send again.
    fireEvent.click(within(panel()).getByRole("button", { name: "Generate" }));
    await waitFor(() => expect(posts(fetch)).toHaveLength(2));
  });

  it("shows a 400's detail by the form", async () => {
    stubGenerations({
      post: () =>
        json(
          { status: 400, title: "Bad Request", detail: "topicHint: at most 200 characters" },
          400,
        ),
    });
    await open("/");
    await fillTheForm();
    fireEvent.click(within(panel()).getByRole("button", { name: "Generate" }));
    const alert = await within(panel()).findByRole("alert");
    expect(alert.textContent).toBe("topicHint: at most 200 characters");
    expect(within(panel()).getByRole("combobox", { name: "Language" })).toHaveProperty(
      "value",
      "java",
    );
  });
});

describe("the generation progress page", () => {
  it("shows replayed and live events in seq order, each once, then opens the problem", async () => {
    const running = generation({
      state: "running",
      events: [event(1, "queued"), event(2, "searching-bank", { message: "Looking" })],
    });
    const ready = generation({
      state: "ready",
      source: "bank",
      problemId: "two-sum",
      events: [
        ...running.events,
        event(3, "searching-bank", { message: "Skipping two you have tried" }),
        event(4, "ready", { problemId: "two-sum", message: "Two sum" }),
      ],
    });
    stubGenerations({ reads: [running, ready] });
    const router = await open("/generate/g1");
    expect(steps()).toEqual([
      "done: Queued queued message 1",
      "current: Searching the bank… Looking",
    ]);
    const stream = FakeEventSource.latest();
    act(() => {
      stream.emit(event(2, "searching-bank", { message: "Looking" })); // replayed
      stream.emit(event(1, "queued")); // replayed, out of order
      stream.emit(event(3, "searching-bank", { message: "Skipping two you have tried" }));
      stream.emit(event(3, "searching-bank", { message: "Skipping two you have tried" }));
    });
    // The query cache tells the page on its next tick.
    await waitFor(() =>
      expect(steps()).toEqual([
        "done: Queued queued message 1",
        "done: Searching the bank Looking",
        "current: Searching the bank… Skipping two you have tried",
      ]),
    );
    act(() => stream.emit(event(4, "ready", { problemId: "two-sum", message: "Two sum" })));
    expect(stream.closed).toBe(true);
    await waitFor(() => expect(steps()[3]).toBe("done: Ready Two sum"));
    expect(steps()).toHaveLength(4);
    expect(
      await screen.findByRole("heading", {
        name: "Ready: an easy graphs problem from the built-in bank",
      }),
    ).toBeTruthy();
    expect(screen.getByRole("button", { name: "Open problem" })).toBeTruthy();
    await waitFor(() => expect(router.state.location.pathname).toBe("/problems/two-sum"), {
      timeout: 3000,
    });
    expect(FakeEventSource.instances).toHaveLength(1);
  });

  it("says why a generation failed and offers the bank filtered the same way", async () => {
    const running = generation({ state: "running" });
    const failed = generation({
      state: "failed",
      reason: "You have tried every easy graphs problem in the bank.",
      events: [
        event(1, "queued"),
        event(2, "searching-bank"),
        event(3, "failed", { message: "Nothing left to serve." }),
      ],
    });
    stubGenerations({ reads: [running, failed] });
    const router = await open("/generate/g1");
    act(() => {
      const stream = FakeEventSource.latest();
      stream.emit(event(2, "searching-bank"));
      stream.emit(event(3, "failed", { message: "Nothing left to serve." }));
    });
    expect(
      await screen.findByText("You have tried every easy graphs problem in the bank."),
    ).toBeTruthy();
    expect(screen.getByRole("heading", { name: "No easy graphs problem this time" })).toBeTruthy();
    expect(steps()).toEqual([
      "done: Queued queued message 1",
      "stopped: Searching the bank searching-bank message 2",
      "failed: Failed Nothing left to serve.",
    ]);
    // The form is there to try again.
    expect(within(panel()).getByRole("button", { name: "Generate" })).toHaveProperty(
      "disabled",
      false,
    );
    fireEvent.click(screen.getByRole("button", { name: "Browse the bank" }));
    await waitFor(() => expect(router.state.location.pathname).toBe("/"));
    expect(router.state.location.search).toEqual({ category: "graphs", difficulty: "easy" });
    const list = await screen.findByRole("region", { name: "All problems" });
    await waitFor(() => expect(document.activeElement).toBe(list));
  });

  it("falls back to polling when the stream breaks before the end, and opens the problem", async () => {
    const running = generation({ state: "running" });
    const ready = generation({
      state: "ready",
      source: "bank",
      problemId: "valid-anagram",
      events: [event(1, "queued"), event(2, "searching-bank"), event(3, "ready")],
    });
    const fetch = stubGenerations({ reads: [running, running, running, ready] });
    const router = await open("/generate/g1");
    const stream = FakeEventSource.latest();
    act(() => stream.fail());
    expect(stream.closed).toBe(true);
    await waitFor(() => expect(steps()).toHaveLength(3), { timeout: 3000 });
    await waitFor(() => expect(router.state.location.pathname).toBe("/problems/valid-anagram"), {
      timeout: 3000,
    });
    const reads = fetch.mock.calls.filter(([path]) => path === "/api/generations/g1");
    expect(reads.length).toBe(4); // the loader's, then polls until ready
    expect(FakeEventSource.instances).toHaveLength(1);
  });

  it("shows a generation that was already ready with its button, without opening it", async () => {
    const ready = generation({
      state: "ready",
      source: "llm",
      problemId: "two-sum",
      events: [event(1, "queued"), event(2, "ready")],
    });
    stubGenerations({ reads: [ready] });
    const router = await open("/generate/g1");
    expect(screen.getByRole("heading", { name: /^Ready: an easy graphs problem written/ }));
    await new Promise((resolve) => setTimeout(resolve, 1200));
    expect(router.state.location.pathname).toBe("/generate/g1");
    expect(FakeEventSource.instances).toHaveLength(0);
    fireEvent.click(screen.getByRole("button", { name: "Open problem" }));
    await waitFor(() => expect(router.state.location.pathname).toBe("/problems/two-sum"));
  });

  it("says a generation that does not exist does not", async () => {
    stubGenerations();
    await open("/generate/g1");
    expect((await screen.findByRole("alert")).textContent).toContain(
      "This generation does not exist",
    );
  });
});
