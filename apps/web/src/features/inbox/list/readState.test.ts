import { describe, expect, it } from "vitest";
import { isUnread } from "./readState";

describe("isUnread", () => {
  const c = { id: "c1", status: "open", last_customer_message_at: "2026-03-10T12:00:00.000Z" };

  it("treats a never-opened conversation as unread only while it is new", () => {
    expect(isUnread({ ...c, status: "new" }, {})).toBe(true);
    expect(isUnread(c, {})).toBe(false);
  });

  it("is unread again when the customer wrote after it was last opened", () => {
    expect(isUnread(c, { c1: "2026-03-10T11:00:00.000Z" })).toBe(true);
    expect(isUnread(c, { c1: "2026-03-10T12:00:00.000Z" })).toBe(false);
    expect(isUnread({ ...c, status: "new" }, { c1: "2026-03-10T12:30:00.000Z" })).toBe(false);
  });
});
