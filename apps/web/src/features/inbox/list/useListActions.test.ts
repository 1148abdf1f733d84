import { describe, expect, it } from "vitest";
import { describeBulk } from "./useListActions";

const names: Record<string, string> = { a: "Ana", b: "Ben", c: "Cy" };
const nameOf = (id: string) => names[id] ?? "?";

describe("describeBulk", () => {
  it("summarises a clean run", () => {
    const s = describeBulk(
      "Resolved",
      [
        { conversation_id: "a", ok: true },
        { conversation_id: "b", ok: true },
      ],
      nameOf,
    );
    expect(s).toMatchObject({ ok: true, title: "Resolved: 2 conversations", failedIds: [] });
  });

  it("names each failure with the server's reason and keeps those ids", () => {
    const s = describeBulk(
      "Assigned",
      [
        { conversation_id: "a", ok: true },
        {
          conversation_id: "b",
          ok: false,
          error: { status: 403, title: "Forbidden", detail: "You may only assign yourself." },
        },
        { conversation_id: "c", ok: false, error: { status: 404, title: "Not Found", detail: "" } },
      ],
      nameOf,
    );
    expect(s.ok).toBe(false);
    expect(s.title).toBe("Assigned: 1 of 3 done");
    expect(s.message).toBe("2 failed. Ben: You may only assign yourself. · Cy: Not Found");
    expect(s.failedIds).toEqual(["b", "c"]);
  });
});
