import type { SatisfactionFigures } from "@parley/contracts";
import { describe, expect, it } from "vitest";
import { formatNps, satisfactionGroup } from "./satisfaction-tiles";

// docs/metrics.md's example: CSAT 5, 4, 4, 2; NPS 10, 10, 9, 8, 6, 2; 12 asked, 10 answered, 1 waiting.
const figures: SatisfactionFigures = {
  csat: {
    responses: 4,
    average: 3.75,
    satisfied: 3,
    satisfied_share: 0.75,
    distribution: [
      { score: 1, count: 0 },
      { score: 2, count: 1 },
      { score: 3, count: 0 },
      { score: 4, count: 2 },
      { score: 5, count: 1 },
    ],
  },
  nps: { responses: 6, promoters: 3, passives: 1, detractors: 2, score: 16.7 },
  response: { asked: 12, answered: 10, waiting: 1, expired: 1, rate: 10 / 12 },
};

describe("satisfaction tiles", () => {
  const tiles = Object.fromEntries(satisfactionGroup(figures).tiles.map((t) => [t.id, t]));

  it("shows CSAT as the share satisfied and NPS as a signed score, with their response counts", () => {
    expect(tiles.csat).toMatchObject({ value: "75%", detail: "4 or 5 of 5 · 4 responses" });
    expect(tiles["csat-average"]?.value).toBe("3.75 / 5");
    expect(tiles.nps).toMatchObject({ value: "+16.7", detail: "3 promoters · 2 detractors of 6" });
    expect(tiles["survey-response-rate"]).toMatchObject({
      value: "83%",
      detail: "10 of 12 answered · 1 waiting",
    });
    for (const tile of Object.values(tiles)) expect(tile?.metric).toBeUndefined();
  });

  it("shows a dash without answers", () => {
    const none = satisfactionGroup({
      csat: { ...figures.csat, responses: 0, average: null, satisfied: 0, satisfied_share: null },
      nps: { responses: 0, promoters: 0, passives: 0, detractors: 0, score: null },
      response: { asked: 0, answered: 0, waiting: 0, expired: 0, rate: null },
    });
    expect(none.tiles.map((t) => t.value)).toEqual(["–", "–", "–", "–"]);
    expect(none.tiles.find((t) => t.id === "nps")?.detail).toBe("0 responses");
  });

  it("signs NPS scores", () => {
    expect([formatNps(-20), formatNps(0), formatNps(50), formatNps(-3.3)]).toEqual([
      "−20",
      "0",
      "+50",
      "−3.3",
    ]);
  });
});
