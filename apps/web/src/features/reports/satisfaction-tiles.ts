import type { SatisfactionFigures } from "@parley/contracts";
import { formatCount, formatPercent, NONE } from "./format";
import type { KpiGroup } from "./tiles";

/*
 * The Satisfaction row of the reports page: CSAT and NPS of the surveys asked in the period
 * (docs/metrics.md "M6 Satisfaction"), in the same tiles as the other figures.
 */

const responses = (n: number) => `${formatCount(n)} ${n === 1 ? "response" : "responses"}`;

/** An NPS score as "+16.7", "−20", "0"; one decimal only where it has one. */
export function formatNps(score: number | null): string {
  if (score === null) return NONE;
  const text = Number.isInteger(score) ? String(Math.abs(score)) : Math.abs(score).toFixed(1);
  return score > 0 ? `+${text}` : score < 0 ? `\u2212${text}` : "0";
}

export function satisfactionGroup({ csat, nps, response }: SatisfactionFigures): KpiGroup {
  return {
    title: "Satisfaction",
    tiles: [
      {
        id: "csat",
        label: "CSAT",
        value: formatPercent(csat.satisfied_share),
        detail: `4 or 5 of 5 · ${responses(csat.responses)}`,
        definition:
          "Customer satisfaction: CSAT answers of 4 or 5 (of 5) / all CSAT answers, for the surveys asked in the period.",
      },
      {
        id: "csat-average",
        label: "CSAT mean score",
        value: csat.average === null ? NONE : `${csat.average.toFixed(2)} / 5`,
        detail: responses(csat.responses),
        definition: "The mean CSAT answer, on the 1 (poor) to 5 (great) scale.",
      },
      {
        id: "nps",
        label: "NPS",
        value: formatNps(nps.score),
        detail: nps.responses
          ? `${formatCount(nps.promoters)} promoters · ${formatCount(nps.detractors)} detractors of ${formatCount(nps.responses)}`
          : responses(0),
        definition:
          "Net Promoter Score: % promoters (9–10) − % detractors (0–6) of the NPS answers, from −100 to +100; passives (7–8) count only in the total.",
      },
      {
        id: "survey-response-rate",
        label: "Survey response rate",
        value: formatPercent(response.rate),
        detail: `${formatCount(response.answered)} of ${formatCount(response.asked)} answered${response.waiting ? ` · ${formatCount(response.waiting)} waiting` : ""}`,
        definition:
          "Surveys answered / surveys asked in the period (answered, still waiting or expired unanswered; questions that failed to send are left out).",
      },
    ],
  };
}
