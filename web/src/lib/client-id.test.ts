import { describe, expect, it } from "vitest";
import { newUuid } from "./client-id";

const V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("newUuid", () => {
  it("uses crypto.randomUUID where the context offers it", () => {
    const id = newUuid({
      getRandomValues: (a) => a,
      randomUUID: () => "11111111-2222-4333-8444-555555555555",
    });
    expect(id).toBe("11111111-2222-4333-8444-555555555555");
  });

  it("builds a version 4 UUID from getRandomValues without randomUUID (plain HTTP)", () => {
    const insecure = { getRandomValues: crypto.getRandomValues.bind(crypto) };
    const ids = new Set(Array.from({ length: 50 }, () => newUuid(insecure)));
    expect(ids.size).toBe(50);
    for (const id of ids) expect(id).toMatch(V4);
  });

  it("sets the version and variant bits whatever the random bytes are", () => {
    const ones = {
      getRandomValues: <T extends ArrayBufferView | null>(a: T) => {
        new Uint8Array((a as unknown as Uint8Array).buffer).fill(0xff);
        return a;
      },
    };
    expect(newUuid(ones)).toBe("ffffffff-ffff-4fff-bfff-ffffffffffff");
  });
});
