import { cleanup, screen, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { open, stubServer } from "./-test-app";

// React reports each error a boundary caught; these tests cause them on purpose.
beforeEach(() => void vi.spyOn(console, "error").mockImplementation(() => {}));

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

/** The site's header is there, with its way back to the problems. */
function expectSiteHeader() {
  expect(screen.getByRole("navigation", { name: "Main" })).toBeTruthy();
  expect(screen.getByRole("link", { name: "Improview" }).getAttribute("href")).toBe("/");
}

describe("error pages", () => {
  it("ignores an unknown filter value in the URL and lists the problems", async () => {
    const fetch = stubServer();
    await open("/?category=trees-graphs&difficulty=impossible");
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
