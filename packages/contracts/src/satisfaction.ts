import { z } from "zod";

/*
 * Satisfaction figures (SPEC M6, docs/metrics.md "M6 Satisfaction"): CSAT, NPS and the response
 * rate of surveys. Shared by the survey report (surveys.ts) and the reports summary (reports.ts),
 * and kept apart from both because surveys.ts builds on reports.ts's filters.
 */

const Share = z.number().nullable();

export const CsatFigures = z.object({
  responses: z.number().int(),
  /** Mean score, 1-5. */
  average: z.number().nullable(),
  /** Answers of 4 or 5. */
  satisfied: z.number().int(),
  /** satisfied / responses. */
  satisfied_share: Share,
  /** Answers per score, 1 to 5. */
  distribution: z.array(z.object({ score: z.number().int(), count: z.number().int() })),
});

export const NpsFigures = z.object({
  responses: z.number().int(),
  /** 9-10. */
  promoters: z.number().int(),
  /** 7-8. */
  passives: z.number().int(),
  /** 0-6. */
  detractors: z.number().int(),
  /** % promoters − % detractors, −100..100 (rounded to one decimal). */
  score: z.number().nullable(),
});

export const SurveyRate = z.object({
  /** Questions sent (answered, waiting or expired; not those that failed to send). */
  asked: z.number().int(),
  answered: z.number().int(),
  waiting: z.number().int(),
  expired: z.number().int(),
  /** answered / asked. */
  rate: Share,
});

/** The period's CSAT, NPS and response rate, over the surveys asked in it. */
export const SatisfactionFigures = z.object({ csat: CsatFigures, nps: NpsFigures, response: SurveyRate });
export type SatisfactionFigures = z.infer<typeof SatisfactionFigures>;
