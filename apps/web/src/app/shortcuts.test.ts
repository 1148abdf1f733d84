import { describe, expect, it } from "vitest";
import { normalizeKey, SHORTCUTS } from "./shortcuts";

const press = (
  key: string,
  mods: Partial<Record<"shiftKey" | "ctrlKey" | "metaKey" | "altKey", boolean>> = {},
) => normalizeKey({ key, shiftKey: false, ctrlKey: false, metaKey: false, altKey: false, ...mods });

describe("normalizeKey", () => {
  it("names letters with shift and mod, and symbols as typed", () => {
    expect(press("j")).toBe("j");
    expect(press("J", { shiftKey: true })).toBe("shift+j");
    expect(press("a", { metaKey: true })).toBe("mod+a");
    expect(press("a", { ctrlKey: true })).toBe("mod+a");
    expect(press("?", { shiftKey: true })).toBe("?");
    expect(press("/")).toBe("/");
    expect(press("Enter")).toBe("enter");
    expect(press("Escape")).toBe("escape");
  });

  it("leaves alt chords and ctrl+symbol to the browser", () => {
    expect(press("j", { altKey: true })).toBeNull();
    expect(press("/", { ctrlKey: true })).toBeNull();
  });
});

describe("SHORTCUTS", () => {
  it("lists the conversation shortcuts the issue names, and no key twice in one scope", () => {
    const conversation = SHORTCUTS.filter((s) => s.scope === "conversation").map((s) => s.keys.join(" "));
    expect(conversation).toEqual(expect.arrayContaining(["r", "p", "n", "/", "e", "a", "escape"]));
    const seen = new Set<string>();
    for (const s of SHORTCUTS) {
      const id = `${s.scope}:${s.keys.join(" ")}`;
      expect(seen.has(id), id).toBe(false);
      seen.add(id);
    }
  });
});
