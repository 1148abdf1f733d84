import { describe, expect, it } from "vitest";
import {
  currentLag,
  displayHandle,
  formatLag,
  isSandbox,
  lagLevel,
  lastEventLabel,
  SLOW_AFTER_S,
  STALE_AFTER_S,
  shortUrl,
  webhookUrl,
} from "./health";

describe("lagLevel", () => {
  it("turns orange after 5 minutes and red after 30 without events", () => {
    expect(lagLevel(null)).toBe("none");
    expect(lagLevel(0)).toBe("ok");
    expect(lagLevel(SLOW_AFTER_S - 1)).toBe("ok");
    expect(lagLevel(SLOW_AFTER_S)).toBe("slow");
    expect(lagLevel(STALE_AFTER_S - 1)).toBe("slow");
    expect(lagLevel(STALE_AFTER_S)).toBe("stale");
  });
});

describe("currentLag", () => {
  it("adds the time since the answer was fetched to the server's lag", () => {
    const fetchedAt = Date.parse("2026-03-10T12:00:00Z");
    expect(currentLag(10, fetchedAt, fetchedAt)).toBe(10);
    expect(currentLag(10, fetchedAt, fetchedAt + 2_900)).toBe(12);
    expect(currentLag(null, fetchedAt, fetchedAt + 60_000)).toBeNull();
  });

  it("never goes back when the answer is newer than the clock", () => {
    const fetchedAt = Date.parse("2026-03-10T12:00:00Z");
    expect(currentLag(5, fetchedAt, fetchedAt - 1_000)).toBe(5);
  });
});

describe("formatLag", () => {
  it("is short and picks the two most useful units", () => {
    expect(formatLag(0)).toBe("0 s");
    expect(formatLag(12.7)).toBe("12 s");
    expect(formatLag(4 * 60 + 59)).toBe("4 min");
    expect(formatLag(3600 + 5 * 60)).toBe("1 h 05 min");
    expect(formatLag(2 * 3600 + 30)).toBe("2 h");
    expect(formatLag((2 * 24 + 3) * 3600)).toBe("2 d 3 h");
    expect(formatLag(3 * 86_400 + 59)).toBe("3 d");
    expect(formatLag(-5)).toBe("0 s");
  });

  it("reads as a sentence in the health cell", () => {
    expect(lastEventLabel(null)).toBe("No events yet");
    expect(lastEventLabel(1)).toBe("Last event just now");
    expect(lastEventLabel(12)).toBe("Last event 12 s ago");
  });
});

describe("endpoints", () => {
  it("spots sandbox base URLs with or without a trailing path", () => {
    expect(isSandbox("http://127.0.0.1:3000/sandbox/x")).toBe(true);
    expect(isSandbox("http://127.0.0.1:3000/sandbox/meta/v21.0")).toBe(true);
    expect(isSandbox("https://api.x.com")).toBe(false);
    expect(isSandbox("https://sandboxed.example.com/api")).toBe(false);
  });

  it("builds the webhook URL from the page origin", () => {
    expect(
      webhookUrl("https://care.acme.example/", { webhook_path: "/ingest/x/abc", webhook_url: null }),
    ).toBe("https://care.acme.example/ingest/x/abc");
  });
});

describe("display", () => {
  it("drops the scheme of URLs shown in a narrow column", () => {
    expect(shortUrl("https://graph.facebook.com")).toBe("graph.facebook.com");
    expect(shortUrl("http://127.0.0.1:3190/sandbox/x")).toBe("127.0.0.1:3190/sandbox/x");
  });

  it("puts an at sign before usernames but not before phone numbers", () => {
    expect(displayHandle("acme")).toBe("@acme");
    expect(displayHandle("@acme.telecom")).toBe("@acme.telecom");
    expect(displayHandle("447700900001")).toBe("+447700900001");
    expect(displayHandle("+44 20 7946 0000")).toBe("+44 20 7946 0000");
    expect(displayHandle("  ")).toBeNull();
    expect(displayHandle(null)).toBeNull();
  });
});
