import { describe, expect, it } from "vitest";
import { compileProfiles, type ListeningProfile, matchProfiles, matchTokens } from "./match";

function profile(over: Partial<ListeningProfile> & { id: string }): ListeningProfile {
  return {
    name: over.id,
    kind: "brand",
    include: [],
    requireAny: [],
    exclude: [],
    languages: [],
    locations: [],
    ...over,
  };
}

const acme = profile({
  id: "acme",
  include: ["acme", '"Acme Mobile"', "@acmehelp"],
  exclude: ["acme anvil*"],
});
const care = profile({
  id: "care",
  kind: "care",
  include: ["my phone is broken", "going to switch*", "mi teléfono no funciona"],
  requireAny: ["acme", "acmehelp"],
  languages: ["en", "es"],
});
const rival = profile({
  id: "rival",
  kind: "competitor",
  include: ["globex*"],
  locations: ["New York", "NYC"],
});
const compiled = compileProfiles([acme, care, rival]);

const ids = (text: string, language: string | null = "en", location: string | null = null) =>
  matchProfiles(compiled, { text, language, location }).map((m) => m.profileId);

describe("phrases", () => {
  it("matches whole words, case-insensitively, and reports the phrase as written", () => {
    expect(
      matchProfiles(compiled, { text: "Switched to ACME yesterday", language: "en", location: null }),
    ).toEqual([{ profileId: "acme", name: "acme", kind: "brand", matched: "acme" }]);
    expect(ids("acmecorp and acme-ish")).toEqual(["acme"]); // "acme-ish" holds the word "acme"
    expect(ids("acmecorp is great")).toEqual([]);
  });

  it("finds words in hashtags, @handles, URLs and next to emoji and punctuation", () => {
    for (const text of ["#acme rocks", "@acme hi", "🔥acme🔥", "(acme)", "see acme.com/deals", "«Acme»"]) {
      expect(ids(text)).toEqual(["acme"]);
    }
    expect(ids("@acme_store hi")).toEqual([]); // another handle, not the word
  });

  it("matches multi-word phrases in order, quoted or not", () => {
    const m = matchProfiles(compiled, { text: "The ACME mobile app", language: null, location: null });
    expect(m[0]?.matched).toBe("acme"); // the first phrase in the text wins
    const mobile = compileProfiles([profile({ id: "m", include: ['"acme mobile"'] })]);
    expect(matchProfiles(mobile, { text: "acme  mobile!", language: null, location: null })[0]?.matched).toBe(
      "acme mobile",
    );
    expect(matchProfiles(mobile, { text: "mobile acme", language: null, location: null })).toEqual([]);
  });

  it("supports a trailing * wildcard", () => {
    expect(ids("Globex's prices again")).toEqual([]); // a location filter applies; see below
    expect(ids("globexcorp outage", "en", "NYC")).toEqual(["rival"]);
    expect(ids("I'm going to switching carriers, acme", "en")).toEqual(["acme", "care"]);
  });

  it("is accent-insensitive and handles non-Latin scripts", () => {
    const p = compileProfiles([
      profile({ id: "cafe", include: ["café crème"] }),
      profile({ id: "sony", include: ["索尼"] }),
      profile({ id: "ru", include: ["мтс"] }),
      profile({ id: "fire", include: ["🔥"] }),
    ]);
    const m = (text: string) =>
      matchProfiles(p, { text, language: null, location: null }).map((x) => x.profileId);
    expect(m("un CAFE CREME svp")).toEqual(["cafe"]);
    expect(m("我的索尼手机坏了")).toEqual(["sony"]);
    expect(m("МТС опять не работает")).toEqual(["ru"]);
    expect(m("this deal 🔥🔥")).toEqual(["fire"]);
    expect(matchTokens("L'Acme n'a pas répondu")).toEqual(["l", "acme", "n", "a", "pas", "repondu"]);
  });
});

describe("filters", () => {
  it("care phrases need a brand word too", () => {
    expect(ids("my phone is broken again")).toEqual([]);
    expect(ids("my phone is broken again @AcmeHelp")).toEqual(["acme", "care"]);
    expect(ids("mi teléfono no funciona, #acme", "es")).toEqual(["acme", "care"]);
  });

  it("an excluded phrase drops the profile", () => {
    expect(ids("bought an ACME anvils set")).toEqual([]);
    expect(ids("bought an ACME anvils set, my phone is broken")).toEqual(["care"]);
  });

  it("filters by language, letting unknown languages through", () => {
    expect(ids("my phone is broken, acme", "fr")).toEqual(["acme"]);
    expect(ids("my phone is broken, acme", "en-GB")).toEqual(["acme", "care"]);
    expect(ids("my phone is broken, acme", "und")).toEqual(["acme", "care"]);
    expect(ids("my phone is broken, acme", null)).toEqual(["acme", "care"]);
  });

  it("filters by location, whole words, case-insensitively; no location fails the filter", () => {
    expect(ids("globex down", "en", "Brooklyn, New York")).toEqual(["rival"]);
    expect(ids("globex down", "en", "nyc 🗽")).toEqual(["rival"]);
    expect(ids("globex down", "en", "New Yorkshire")).toEqual([]);
    expect(ids("globex down", "en", null)).toEqual([]);
  });

  it("ignores phrases with no words and profiles with no include phrases", () => {
    const p = compileProfiles([profile({ id: "empty", include: ["!!!", "  "] }), profile({ id: "none" })]);
    expect(matchProfiles(p, { text: "!!! anything", language: null, location: null })).toEqual([]);
  });
});

describe("many profiles", () => {
  // 200 profiles sharing words, as a large workspace would have them: the trie holds each word once
  // and a message only walks the words it contains, so matching stays linear in the text.
  const many = Array.from({ length: 200 }, (_, i) =>
    profile({
      id: `p${i}`,
      kind: i % 4 === 0 ? "care" : "product",
      include: [`product${i}`, `"acme model ${i}"`, `series${i % 10}*`],
      requireAny: i % 4 === 0 ? ["acme"] : [],
      exclude: [`refurbished${i}`],
    }),
  );
  const big = compileProfiles(many);
  const tweets = [
    "@AcmeHelp my acme model 42 keeps rebooting, any fix? #fail",
    "Loving the new series3x from acme 😍",
    "product199 vs product7, which is better?",
    "nothing to see here, just a normal tweet about lunch",
  ];

  it("matches the right profiles among 200", () => {
    const run = (text: string) =>
      matchProfiles(big, { text, language: "en", location: null }).map((m) => `${m.profileId}:${m.matched}`);
    expect(run(tweets[0] as string)).toEqual(["p42:acme model 42"]);
    expect(run(tweets[1] as string)).toEqual(
      Array.from({ length: 20 }, (_, k) => 3 + 10 * k).map((i) => `p${i}:series3*`),
    );
    expect(run(tweets[2] as string)).toEqual(["p7:product7", "p199:product199"]);
    expect(run(tweets[3] as string)).toEqual([]);
  });

  it("stores each shared phrase once", () => {
    expect(big.phrases.length).toBe(200 + 200 + 10 + 200 + 1);
  });
});
