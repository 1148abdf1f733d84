import { describe, expect, it } from "vitest";
import { countCharacters } from "./counter";

describe("countCharacters", () => {
  it("counts an X public reply the way X does: a URL is 23, an emoji 2", () => {
    const text = "See https://acme.example/status/very/long/path/to/the/outage/page 👍";
    expect(countCharacters("x", "public", text)).toEqual({
      used: 4 + 23 + 1 + 2,
      max: 280,
      over: false,
      weighted: true,
    });
  });

  it("flags an X public reply over 280 weighted characters", () => {
    const count = countCharacters("x", "public", "界".repeat(141));
    expect(count.used).toBe(282);
    expect(count.over).toBe(true);
  });

  it("counts code points, not UTF-16 units, for an X direct message", () => {
    expect(countCharacters("x", "private", "hi 👍")).toMatchObject({ used: 4, max: 10_000, weighted: false });
  });

  it("requires Messenger messages to be shorter than 2000", () => {
    expect(countCharacters("facebook", "private", "a".repeat(1999))).toMatchObject({
      max: 1999,
      over: false,
    });
    expect(countCharacters("facebook", "private", "a".repeat(2000)).over).toBe(true);
    expect(countCharacters("facebook", "public", "a".repeat(8000)).over).toBe(false);
  });

  it("knows no limit for channels without one", () => {
    expect(countCharacters("email", "private", "hello")).toEqual({
      used: 5,
      max: null,
      over: false,
      weighted: false,
    });
  });
});
