import { SURVEY_VARIABLES } from "@parley/contracts";
import { describe, expect, it } from "vitest";
import { isDirty, plural, SURVEY_VARIABLE_SAMPLES, sampleValues, surveyFieldErrors } from "./survey-form";

describe("survey settings form", () => {
  it("offers exactly the server's variables", () => {
    expect(SURVEY_VARIABLE_SAMPLES.map((v) => v.name).sort()).toEqual([...SURVEY_VARIABLES].sort());
  });

  it("fills the preview with the workspace's name", () => {
    expect(sampleValues("Globex").get("brand.name")).toBe("Globex");
    expect(sampleValues(undefined).get("customer.first_name")).toBe("Jamie");
  });

  it("maps the server's field errors onto the inputs", () => {
    expect(
      surveyFieldErrors([
        { field: "body.csat.question", message: "uses unknown variables: {{x}}" },
        { field: "body.nps.question", message: "must be at least 10 characters" },
        { field: "body.channels.1", message: "invalid option" },
        { field: "body.delay_minutes", message: "too big" },
        { field: "body.delay_minutes", message: "second one is dropped" },
      ]),
    ).toEqual({
      "csat.question": "Uses unknown variables: {{x}}",
      "nps.question": "Must be at least 10 characters",
      channels: "Invalid option",
      delay_minutes: "Too big",
    });
  });

  it("ignores the order of channels when telling whether there is something to save", () => {
    const base = {
      csat: { enabled: true, question: "How did we do, 1 to 5?" },
      nps: { enabled: false, question: "Recommend us, 0 to 10?" },
      channels: ["x", "whatsapp"] as ("x" | "whatsapp")[],
      allow_public: false,
      delay_minutes: 5,
      expiry_hours: 48,
      cooldown_days: 30,
    };
    expect(isDirty(base, { ...base, channels: ["whatsapp", "x"] })).toBe(false);
    expect(isDirty(base, { ...base, delay_minutes: 6 })).toBe(true);
    expect(plural(1, "day")).toBe("1 day");
    expect(plural(3, "hour")).toBe("3 hours");
  });
});
