import { cleanup, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { event, generation } from "../model/fixtures";
import { GenerationProgress } from "./generation-progress";

afterEach(cleanup);

const noop = () => undefined;

describe("GenerationProgress", () => {
  it("says each step's label once, however the server words its message", () => {
    render(
      <GenerationProgress
        generation={generation({
          state: "ready",
          source: "llm",
          problemId: "earliest-duplicate-ticket-stub-0a1b2c",
          events: [
            event(1, "queued", { message: "Queued" }),
            event(2, "drafting", { message: "Drafting with fake-model (round 1 of 3)" }),
            event(3, "ready", {
              message: "Ready: Earliest Duplicate Ticket Stub, proven in 1 round",
              problemId: "earliest-duplicate-ticket-stub-0a1b2c",
            }),
          ],
        })}
        subject="an easy Arrays & hashing problem"
        error={null}
        onRetry={noop}
        opening={false}
        onOpen={noop}
        onBrowse={noop}
      />,
    );
    const rows = within(screen.getByRole("list", { name: "Steps" }))
      .getAllByRole("listitem")
      .map((row) => row.querySelector("[data-step]")?.textContent);
    expect(rows).toEqual([
      "Queued",
      "Drafting Drafting with fake-model (round 1 of 3)",
      "Ready Earliest Duplicate Ticket Stub, proven in 1 round",
    ]);
  });
});
