import { TEMPLATE_VARIABLES } from "@parley/contracts";
import { describe, expect, it } from "vitest";
import { BLANK_CONTACT, isBlankExample, keptIndex, toRequest } from "./playbook-form";
import { insertVariable, previewParts, unknownVariables, VARIABLES, variablesIn } from "./template-preview";

describe("template variables", () => {
  it("offers exactly the variables the server accepts", () => {
    expect(VARIABLES.map((v) => v.name)).toEqual([...TEMPLATE_VARIABLES]);
  });

  it("finds used and unknown variables", () => {
    const body = "Hi {{customer.first_name}}, {{ agent.name }} here. {{order.id}} {{customer.first_name}}";
    expect(variablesIn(body)).toEqual(["customer.first_name", "agent.name", "order.id"]);
    expect(unknownVariables(body)).toEqual(["order.id"]);
  });

  it("previews with sample values and keeps unknown ones visible", () => {
    expect(previewParts("Hi {{customer.first_name}}! {{x}}")).toEqual([
      { kind: "text", text: "Hi " },
      { kind: "value", text: "Jamie" },
      { kind: "text", text: "! " },
      { kind: "unknown", text: "{{x}}" },
    ]);
  });

  it("inserts at the caret, replacing a selection", () => {
    expect(insertVariable("Hi !", 3, 3, "customer.name")).toEqual({
      body: "Hi {{customer.name}}!",
      caret: 20,
    });
    expect(insertVariable("Hi you!", 3, 6, "agent.name").body).toBe("Hi {{agent.name}}!");
  });
});

describe("playbook request", () => {
  it("drops blank rows, trims, and turns empty optional fields into null", () => {
    const body = toRequest({
      tone_of_voice: "  Warm, brief. ",
      dos: ["Use their name", "  ", ""],
      donts: [" Blame the customer "],
      examples: [
        { title: "", situation: "", response: "" },
        { title: "Outage", situation: "Down", response: "Sorry" },
      ],
      escalation_contacts: [
        { ...BLANK_CONTACT },
        { ...BLANK_CONTACT, name: "Pat", role: "PR lead", email: " ", when: "Press" },
      ],
    });
    expect(body.tone_of_voice).toBe("Warm, brief.");
    expect(body.dos).toEqual(["Use their name"]);
    expect(body.donts).toEqual(["Blame the customer"]);
    expect(body.examples).toHaveLength(1);
    expect(body.escalation_contacts).toEqual([
      { name: "Pat", role: "PR lead", team: null, email: null, phone: null, when: "Press" },
    ]);
  });

  it("maps a server error's index (of kept rows) back to the editor's row", () => {
    const rows = [
      { title: "", situation: "", response: "" },
      { title: "a", situation: "", response: "" },
      { title: "", situation: "", response: "" },
      { title: "b", situation: "", response: "" },
    ];
    expect(keptIndex(rows, isBlankExample, 1)).toBe(3);
    expect(keptIndex(rows, isBlankExample, 5)).toBe(-1);
  });
});
