import { describe, expect, it } from "vitest";
import { anchorScroll, arrivals } from "./anchor";

const H = 68;
const rows = (n: number, prefix = "r") => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

describe("anchorScroll", () => {
  it("holds the row under the reader when new rows arrive above it", () => {
    const before = rows(100);
    const after = ["n1", "n2", ...before];
    const result = anchorScroll(before, after, 10 * H + 20, H);
    expect(result.scrollTop).toBe(12 * H + 20);
    expect(result.insertedAbove).toBe(2);
  });

  it("lets new rows appear at the top when the reader is at the top", () => {
    expect(anchorScroll(rows(10), ["n", ...rows(10)], 0, H)).toEqual({ scrollTop: 0, insertedAbove: 0 });
  });

  it("follows the next visible row when the anchored one left the list", () => {
    const before = rows(50);
    const after = before.filter((id) => id !== "r10" && id !== "r3");
    // r10 was first on screen and is gone; r11 (second on screen, now index 9) stays second
    expect(anchorScroll(before, after, 10 * H, H).scrollTop).toBe(8 * H);
  });

  it("does not move when nothing changed above", () => {
    const before = rows(30);
    expect(anchorScroll(before, [...before, "tail"], 5 * H, H).scrollTop).toBe(5 * H);
  });
});

describe("arrivals", () => {
  it("names new ids, but none on the first load", () => {
    expect(arrivals([], rows(3))).toEqual([]);
    expect(arrivals(rows(3), ["x", ...rows(3)])).toEqual(["x"]);
  });
});
