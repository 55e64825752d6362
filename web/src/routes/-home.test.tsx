import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { open, stubServer } from "./-test-app";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

const titles = () =>
  screen
    .getAllByRole("row")
    .slice(1)
    .map((row) => within(row).getByRole("link").textContent);

describe("home", () => {
  it("shows each problem's tags in the table", async () => {
    stubServer();
    await open("/");
    const row = (await screen.findByRole("link", { name: "Valid anagram" })).closest("tr")!;
    const tags = within(within(row).getByRole("list", { name: "Tags" })).getAllByRole("listitem");
    expect(tags.map((t) => t.textContent)).toEqual(["hash map", "counting"]);
  });

  it("searches titles and tags as you type", async () => {
    stubServer();
    await open("/");
    await screen.findByRole("link", { name: "Two sum" });
    const search = screen.getByRole("searchbox", { name: /Search problems/ });
    fireEvent.change(search, { target: { value: "hash" } });
    expect(titles()).toEqual(["Two sum", "Valid anagram"]);
    fireEvent.change(search, { target: { value: "LONGEST" } });
    expect(titles()).toEqual(["Longest run"]);
    expect(screen.getByText(/1 of 3 problems match “LONGEST”/)).toBeTruthy();
    fireEvent.change(search, { target: { value: "graph" } });
    expect(screen.getByText("No problems match.")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Random problem" }).hasAttribute("disabled")).toBe(
      true,
    );
  });

  it("opens a random problem from the ones shown", async () => {
    stubServer();
    const router = await open("/");
    await screen.findByRole("link", { name: "Two sum" });
    fireEvent.change(screen.getByRole("searchbox"), { target: { value: "hash" } });
    // The last of the two shown; the unfiltered list's last would be "Longest run".
    vi.spyOn(Math, "random").mockReturnValue(0.99);
    fireEvent.click(screen.getByRole("button", { name: "Random problem" }));
    await waitFor(() => expect(router.state.location.pathname).toBe("/problems/valid-anagram"));
  });
});
