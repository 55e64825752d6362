import { describe, expect, it } from "vitest";
import { stepMessage } from "./steps";

describe("stepMessage", () => {
  it("drops a message that only repeats the step's label", () => {
    expect(stepMessage("queued", "Queued")).toBe("");
    expect(stepMessage("queued", " queued. ")).toBe("");
  });

  it("drops the label the message starts with", () => {
    expect(stepMessage("ready", "Ready: Earliest Duplicate Ticket Stub, proven in 1 round")).toBe(
      "Earliest Duplicate Ticket Stub, proven in 1 round",
    );
    expect(stepMessage("ready", "Ready: proven earlier, written by fake-model")).toBe(
      "proven earlier, written by fake-model",
    );
  });

  it("keeps any other message as sent", () => {
    expect(stepMessage("drafting", "Drafting with fake-model (round 1 of 3)")).toBe(
      "Drafting with fake-model (round 1 of 3)",
    );
    expect(stepMessage("references", "references 1/3: the java solution passes")).toBe(
      "references 1/3: the java solution passes",
    );
    expect(stepMessage("ready", "Readying")).toBe("Readying");
    expect(stepMessage("failed", "The model could not be reached.")).toBe(
      "The model could not be reached.",
    );
  });
});
