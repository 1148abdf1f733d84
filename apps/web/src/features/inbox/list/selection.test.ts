import { describe, expect, it } from "vitest";
import { chunks, EMPTY_SELECTION, extendTo, prune, selectAll, toggle } from "./selection";

const order = ["a", "b", "c", "d", "e"];
const ids = (s: { ids: ReadonlySet<string> }) => [...s.ids].sort();

describe("selection", () => {
  it("toggles one row and remembers it as the anchor", () => {
    const one = toggle(EMPTY_SELECTION, "b");
    expect(ids(one)).toEqual(["b"]);
    expect(one.anchor).toBe("b");
    expect(ids(toggle(one, "b"))).toEqual([]);
  });

  it("extends from the anchor in either direction, keeping earlier picks", () => {
    const start = toggle(toggle(EMPTY_SELECTION, "e"), "b");
    expect(ids(extendTo(start, order, "d"))).toEqual(["b", "c", "d", "e"]);
    const up = toggle(EMPTY_SELECTION, "d");
    expect(ids(extendTo(up, order, "a"))).toEqual(["a", "b", "c", "d"]);
  });

  it("starts a range at the row when the anchor is not in the list", () => {
    expect(ids(extendTo(EMPTY_SELECTION, order, "c"))).toEqual(["c"]);
    const gone = { ids: new Set(["z"]), anchor: "z" };
    expect(ids(extendTo(gone, order, "c"))).toEqual(["c", "z"]);
    const twice = extendTo(extendTo(EMPTY_SELECTION, order, "c"), order, "c");
    expect(ids(twice)).toEqual(["c"]);
  });

  it("selects all rows and prunes rows that left the list", () => {
    const all = selectAll(order);
    expect(all.ids.size).toBe(5);
    const pruned = prune(all, ["b", "c"]);
    expect(ids(pruned)).toEqual(["b", "c"]);
    expect(pruned.anchor).toBeNull();
    expect(prune(pruned, ["b", "c", "x"])).toBe(pruned);
  });

  it("splits into bulk-sized chunks", () => {
    const many = Array.from({ length: 450 }, (_, i) => String(i));
    expect(chunks(many).map((c) => c.length)).toEqual([200, 200, 50]);
    expect(chunks([])).toEqual([]);
  });
});
