import { describe, expect, it } from "vitest";
import { checkRuleQuery } from "./query";
import { extractEntities, weightedLength } from "./text";

describe("weighted length (twitter-text v3)", () => {
  it("counts Latin as 1, CJK as 2, emoji sequences as 2 and URLs as 23", () => {
    expect(weightedLength("hello")).toBe(5);
    expect(weightedLength("日本")).toBe(4);
    expect(weightedLength("😀")).toBe(2);
    expect(weightedLength("👩‍👩‍👧‍👦")).toBe(2);
    expect(weightedLength("👍🏽")).toBe(2);
    expect(weightedLength("🇫🇷")).toBe(2);
    expect(weightedLength("see https://example.org/a/very/long/path/that/is/longer/than/twenty-three")).toBe(
      27,
    );
    expect(weightedLength("“quotes” — dash")).toBe(15);
  });

  it("ends a URL at an emoji or a space", () => {
    expect(weightedLength("https://example.org/a😀")).toBe(25);
    expect(extractEntities("go to https://example.org/a😀 now").urls[0]?.url).toBe("https://example.org/a");
  });

  it("normalizes to NFC before counting", () => {
    expect(weightedLength("cafe\u0301")).toBe(4);
  });

  it("puts the 280 boundary where X does", () => {
    expect(weightedLength("a".repeat(280))).toBe(280);
    expect(weightedLength(`${"a".repeat(256)} https://example.org/x`)).toBe(280);
    expect(weightedLength(`${"a".repeat(278)}😀`)).toBe(280);
    expect(weightedLength(`${"a".repeat(279)}😀`)).toBe(281);
  });
});

describe("entity extraction", () => {
  it("reports code-point indices, end exclusive", () => {
    const found = extractEntities("😀 @acme_help #fail $ACME https://t.co/aB3dE5fG7h.");
    expect(found.mentions).toEqual([{ start: 2, end: 12, username: "acme_help" }]);
    expect(found.hashtags).toEqual([{ start: 13, end: 18, tag: "fail" }]);
    expect(found.cashtags).toEqual([{ start: 19, end: 24, tag: "ACME" }]);
    expect(found.urls).toEqual([{ start: 25, end: 48, url: "https://t.co/aB3dE5fG7h" }]);
  });

  it("ignores e-mail addresses and anchors inside URLs", () => {
    const found = extractEntities("mail me at dana@example.org or https://x.example/#top");
    expect(found.mentions).toEqual([]);
    expect(found.hashtags).toEqual([]);
  });
});

describe("rule syntax", () => {
  it("accepts the reference examples", () => {
    expect("node" in checkRuleQuery('(@acme_help OR "acme router") -is:retweet lang:en')).toBe(true);
    expect("node" in checkRuleQuery('acme (broken OR refund OR "not working") -from:acme_help')).toBe(true);
  });

  it("rejects what X rejects", () => {
    const errors = (q: string) =>
      "errors" in checkRuleQuery(q) ? (checkRuleQuery(q) as { errors: string[] }).errors : [];
    expect(errors("foo:bar acme")[0]).toContain("Reference to invalid operator 'foo'");
    expect(errors("is:reply")[0]).toContain("standalone operator");
    expect(errors("-acme -refund")[0]).toContain("at least one positive");
    expect(errors("acme -(a OR b)")[0]).toContain("Negating a group");
    expect(errors('acme "unterminated')[0]).toContain("Unterminated");
    expect(errors("acme is:banana")[0]).toContain("invalid field 'banana'");
  });
});
