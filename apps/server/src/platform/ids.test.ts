import { describe, expect, it } from "vitest";
import { newId } from "./ids";

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("newId", () => {
  it("mints RFC 9562 version 7 UUIDs carrying the current time", () => {
    const before = Date.now();
    const id = newId();
    expect(id).toMatch(UUID_V7);
    const ms = Number.parseInt(id.replaceAll("-", "").slice(0, 12), 16);
    expect(ms).toBeGreaterThanOrEqual(before);
    expect(ms).toBeLessThanOrEqual(Date.now() + 1);
  });

  it("keeps ids increasing and distinct, many within one millisecond", () => {
    const ids = Array.from({ length: 20_000 }, newId);
    expect(new Set(ids).size).toBe(ids.length);
    for (let i = 1; i < ids.length; i++) expect((ids[i] as string) > (ids[i - 1] as string)).toBe(true);
    for (const id of ids) expect(id).toMatch(UUID_V7);
  });
});
