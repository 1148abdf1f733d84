import { describe, expect, it } from "vitest";
import { slashItems } from "./slashItems";

describe("slashItems", () => {
  it("orders templates, articles and playbook entries and says what each inserts", () => {
    const items = slashItems({
      templates: [
        {
          id: "t1",
          name: "Outage",
          shortcut: "outage",
          body: "Hi {{customer.first_name}}",
          rendered: "Hi Sam",
          missing: [],
        },
      ],
      articles: [
        {
          id: "a1",
          title: "Reset your router",
          url: "https://acme.example/kb/1",
          summary: "",
          tags: [],
          updated_at: "2026-01-01T00:00:00Z",
        },
      ],
      playbook: [{ kind: "dont", title: "Blame", text: "Never blame the customer." }],
    });
    expect(items.map((i) => [i.group, i.title, i.insert])).toEqual([
      ["Templates", "Outage · /outage", "Hi Sam"],
      ["Knowledge base", "Reset your router", "Reset your router: https://acme.example/kb/1"],
      ["Playbook", "Don't: Blame", "Never blame the customer."],
    ]);
    expect(slashItems(undefined)).toEqual([]);
  });
});
