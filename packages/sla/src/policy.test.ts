import { describe, expect, it } from "vitest";
import { type SlaPolicy, selectPolicy } from "./policy";

type Policy = SlaPolicy & { name: string };

const policy = (
  name: string,
  position: number,
  channel: string | null,
  priority: string | null,
  enabled = true,
) =>
  ({
    name,
    position,
    enabled,
    channel,
    priority,
    firstResponseSeconds: 3600,
    nextResponseSeconds: null,
    resolutionSeconds: null,
  }) satisfies Policy;

const policies: Policy[] = [
  policy("catch-all", 100, null, null),
  policy("urgent anywhere", 10, null, "urgent"),
  policy("x urgent", 1, "x", "urgent"),
  policy("x any", 20, "x", null),
  policy("whatsapp high (disabled)", 0, "whatsapp", "high", false),
  policy("email low", 30, "email", "low"),
];

describe("selectPolicy", () => {
  it.each<[string, string, string, string | null]>([
    ["x", "urgent", "most specific first by position", "x urgent"],
    ["facebook", "urgent", "null channel matches any channel", "urgent anywhere"],
    ["x", "normal", "null priority matches any priority", "x any"],
    ["x", "low", "channel-only policy", "x any"],
    ["email", "low", "exact match", "email low"],
    ["email", "high", "falls through to the catch-all", "catch-all"],
    ["whatsapp", "high", "disabled policies are skipped", "catch-all"],
    ["webchat", "normal", "nothing specific: catch-all", "catch-all"],
  ])("%s/%s: %s", (channel, priority, _why, expected) => {
    expect(selectPolicy(policies, { channel, priority })?.name ?? null).toBe(expected);
  });

  it.each<[string, Policy[], string | null]>([
    ["no policies", [], null],
    ["only disabled", [policy("off", 0, null, null, false)], null],
    ["no match", [policy("email only", 0, "email", null)], null],
    ["position beats list order", [policy("second", 2, null, null), policy("first", 1, null, null)], "first"],
    ["equal positions keep list order", [policy("a", 5, null, null), policy("b", 5, null, null)], "a"],
    [
      "negative positions sort first",
      [policy("zero", 0, null, null), policy("minus", -1, null, null)],
      "minus",
    ],
    [
      "a later specific policy loses to an earlier general one",
      [policy("general", 1, null, null), policy("specific", 2, "x", "urgent")],
      "general",
    ],
  ])("%s", (_name, list, expected) => {
    expect(selectPolicy(list, { channel: "x", priority: "urgent" })?.name ?? null).toBe(expected);
  });

  it("does not reorder the caller's list", () => {
    const list = [policy("b", 2, null, null), policy("a", 1, null, null)];
    selectPolicy(list, { channel: "x", priority: "normal" });
    expect(list.map((p) => p.name)).toEqual(["b", "a"]);
  });
});
