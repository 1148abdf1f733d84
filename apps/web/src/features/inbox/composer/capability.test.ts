import type { Message } from "@parley/contracts";
import { describe, expect, it } from "vitest";
import { defaultVisibility, messagingWindow, replyCapability } from "./capability";

const NOW = Date.parse("2026-03-10T12:00:00Z");
const HOUR = 3_600_000;
type M = Pick<Message, "direction" | "visibility" | "kind" | "sent_at" | "external_id">;
const inbound = (visibility: "public" | "private", kind: Message["kind"], hoursAgo: number): M => ({
  direction: "inbound",
  visibility,
  kind,
  sent_at: new Date(NOW - hoursAgo * HOUR).toISOString(),
  external_id: "e1",
});

describe("messagingWindow", () => {
  it("counts down the 24 h WhatsApp window from the customer's last message", () => {
    const w = messagingWindow({ channel: "whatsapp", messages: [inbound("private", "chat", 21)], now: NOW });
    expect(w).toEqual({ kind: "open", closesAt: NOW + 3 * HOUR, label: "WhatsApp window closes in 3h" });
  });

  it("says what to do once the WhatsApp window has closed", () => {
    const w = messagingWindow({ channel: "whatsapp", messages: [inbound("private", "chat", 30)], now: NOW });
    expect(w.kind).toBe("closed");
    expect(w.kind === "closed" && w.label).toMatch(/approved message template/);
  });

  it("extends Messenger to 7 days for a person's reply (human agent tag)", () => {
    const w = messagingWindow({ channel: "facebook", messages: [inbound("private", "dm", 48)], now: NOW });
    expect(w).toMatchObject({ kind: "extended", closesAt: NOW + 5 * 24 * HOUR });
  });

  it("allows one private reply to a public comment for 7 days", () => {
    const w = messagingWindow({
      channel: "instagram",
      messages: [inbound("public", "comment", 10)],
      now: NOW,
    });
    expect(w).toMatchObject({ kind: "extended", closesAt: NOW + (7 * 24 - 10) * HOUR });
  });

  it("has no window on X", () => {
    expect(messagingWindow({ channel: "x", messages: [], now: NOW })).toEqual({ kind: "none" });
  });
});

describe("replyCapability", () => {
  it("blocks public replies on WhatsApp and private ones when its window is closed", () => {
    const cap = replyCapability({
      channel: "whatsapp",
      messages: [inbound("private", "chat", 30)],
      now: NOW,
    });
    expect(cap.publicBlocked).toMatch(/no public replies/);
    expect(cap.privateBlocked).toMatch(/window is closed/);
  });

  it("needs a comment for a public reply on Instagram", () => {
    const dmOnly = replyCapability({
      channel: "instagram",
      messages: [inbound("private", "dm", 1)],
      now: NOW,
    });
    expect(dmOnly.publicBlocked).toMatch(/answers a comment/);
    expect(dmOnly.privateBlocked).toBeNull();
  });

  it("allows both sides on X once the customer posted publicly", () => {
    const cap = replyCapability({ channel: "x", messages: [inbound("public", "post", 1)], now: NOW });
    expect(cap).toMatchObject({ publicBlocked: null, privateBlocked: null });
    expect(defaultVisibility(cap, "public")).toBe("public");
  });

  it("blocks both sides on channels Parley cannot send on", () => {
    const cap = replyCapability({ channel: "email", messages: [inbound("private", "email", 1)], now: NOW });
    expect(cap.publicBlocked).toBe(cap.privateBlocked);
    expect(cap.publicBlocked).toMatch(/internal note/);
  });

  it("starts private when the customer last wrote privately", () => {
    const cap = replyCapability({ channel: "facebook", messages: [inbound("private", "dm", 1)], now: NOW });
    expect(cap.publicBlocked).toMatch(/no public post/);
    expect(defaultVisibility(cap, "private")).toBe("private");
  });
});
