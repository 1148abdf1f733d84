import { describe, expect, it } from "vitest";
import { insertAtSlash, slashQueryAt } from "./slash";

describe("slashQueryAt", () => {
  it("reads the word after a slash at the start of a word", () => {
    expect(slashQueryAt("/out", 4)).toEqual({ query: "out", start: 0, end: 4 });
    expect(slashQueryAt("Hi! /refu", 9)).toEqual({ query: "refu", start: 4, end: 9 });
    expect(slashQueryAt("Hi\n/", 4)).toEqual({ query: "", start: 3, end: 4 });
  });

  it("ignores slashes inside words and URLs, and queries the caret has left", () => {
    expect(slashQueryAt("and/or", 6)).toBeNull();
    expect(slashQueryAt("see https://acme.example/help", 29)).toBeNull();
    expect(slashQueryAt("/out now", 8)).toBeNull();
    expect(slashQueryAt("//", 2)).toBeNull();
  });

  it("only reads up to the caret", () => {
    expect(slashQueryAt("/outage", 3)).toEqual({ query: "ou", start: 0, end: 3 });
  });
});

describe("insertAtSlash", () => {
  it("replaces the slash query and puts the caret after the insertion", () => {
    const text = "Hello /out";
    expect(insertAtSlash(text, { query: "out", start: 6, end: 10 }, "We are on it.")).toEqual({
      text: "Hello We are on it.",
      caret: 19,
    });
  });

  it("keeps a space before the text that followed", () => {
    expect(insertAtSlash("/kbthanks", { query: "kb", start: 0, end: 3 }, "https://acme.example/kb")).toEqual({
      text: "https://acme.example/kb thanks",
      caret: 24,
    });
  });
});
