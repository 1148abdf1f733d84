import { describe, expect, it } from "vitest";
import { settleVisibility, type VisibilityState } from "./visibility";

describe("settleVisibility", () => {
  it("waits for the messages, then takes the default once", () => {
    const loading: VisibilityState = { conversationId: "c1", value: null };
    expect(settleVisibility(loading, "c1", null)).toBe(loading);
    expect(settleVisibility(loading, "c1", "public")).toEqual({ conversationId: "c1", value: "public" });
  });

  it("keeps the agent's choice when a refetch changes the default of the same conversation", () => {
    // The agent switched Private on; auto-routing then refetched and the default became public.
    const chosen: VisibilityState = { conversationId: "c1", value: "private" };
    expect(settleVisibility(chosen, "c1", "public")).toBe(chosen);
    expect(settleVisibility(chosen, "c1", null)).toBe(chosen);
  });

  it("starts over for another conversation", () => {
    const chosen: VisibilityState = { conversationId: "c1", value: "private" };
    expect(settleVisibility(chosen, "c2", "public")).toEqual({ conversationId: "c2", value: "public" });
    expect(settleVisibility(chosen, "c2", null)).toEqual({ conversationId: "c2", value: null });
  });
});
