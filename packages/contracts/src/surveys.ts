import { z } from "zod";
import { Id } from "./dto";
import { Channel } from "./enums";
import { ReportFilters } from "./reports";
import { CsatFigures, NpsFigures, SatisfactionFigures, SurveyRate } from "./satisfaction";

/*
 * CSAT and NPS surveys (SPEC M6): asked in the conversation's own channel after an agent resolves
 * it, answered by the customer in the same channel. Figures are defined in docs/metrics.md
 * ("Satisfaction"); shares are 0..1 and null when there is nothing to divide by.
 */

export const SURVEY_KINDS = ["csat", "nps"] as const;
export const SurveyKind = z.enum(SURVEY_KINDS);
export type SurveyKind = z.infer<typeof SurveyKind>;

/** The scores a kind accepts: CSAT 1-5, NPS 0-10. */
export const SURVEY_SCALE: Record<SurveyKind, { min: number; max: number }> = {
  csat: { min: 1, max: 5 },
  nps: { min: 0, max: 10 },
};

/** Variables a question may use, filled in for the customer (as in acknowledgement templates). */
export const SURVEY_VARIABLES = [
  "customer.name",
  "customer.first_name",
  "customer.handle",
  "conversation.channel",
  "conversation.category",
  "agent.first_name",
  "brand.name",
] as const;

const VARIABLE = /\{\{\s*([a-z_.]+)\s*\}\}/gi;

/** The `{{...}}` names of a text that are not survey variables. */
export function unknownSurveyVariables(text: string): string[] {
  const known = new Set<string>(SURVEY_VARIABLES);
  return [...text.matchAll(VARIABLE)]
    .map((m) => (m[1] as string).toLowerCase())
    .filter((name) => !known.has(name));
}

const Question = z
  .string()
  .trim()
  .min(10, "must be at least 10 characters")
  .max(500, "must be at most 500 characters")
  .superRefine((text, ctx) => {
    const unknown = unknownSurveyVariables(text);
    if (unknown.length > 0)
      ctx.addIssue({
        code: "custom",
        message: `uses unknown variables: ${unknown.map((n) => `{{${n}}}`).join(", ")}`,
      });
  });

/** `workspaces.settings.surveys`. Off until an admin turns a kind on. */
export const SurveySettings = z.strictObject({
  csat: z.strictObject({ enabled: z.boolean(), question: Question }),
  nps: z.strictObject({ enabled: z.boolean(), question: Question }),
  /** The conversation channels surveyed; empty surveys none. */
  channels: z
    .array(Channel)
    .max(8)
    .refine((c) => new Set(c).size === c.length, "lists a channel twice"),
  /** Ask in a public reply when the conversation has no private side (else it is skipped). */
  allow_public: z.boolean(),
  /** Minutes between the resolution and the question (the conversation must still be resolved then). */
  delay_minutes: z.number().int().min(0).max(1440),
  /** How long an answer is accepted; at most 7 days, while a reply still joins the resolved case. */
  expiry_hours: z.number().int().min(1).max(168),
  /** A customer is asked at most once per this many days, whatever the kind (0: every resolution). */
  cooldown_days: z.number().int().min(0).max(365),
});
export type SurveySettings = z.infer<typeof SurveySettings>;

export const DEFAULT_SURVEY_SETTINGS: SurveySettings = {
  csat: {
    enabled: false,
    question:
      "Hi {{customer.first_name}}, how satisfied are you with the help you got today? Reply with a number from 1 (not at all) to 5 (very satisfied), and tell us why if you like.",
  },
  nps: {
    enabled: false,
    question:
      "Hi {{customer.first_name}}, how likely are you to recommend us to a friend, from 0 (not at all) to 10 (extremely likely)? Reply with a number.",
  },
  channels: ["x", "facebook", "instagram", "whatsapp"],
  allow_public: false,
  delay_minutes: 5,
  expiry_hours: 48,
  cooldown_days: 30,
};

export const SurveyStatus = z.enum(["asked", "answered", "expired", "failed"]);

const Breakdown = z.object({
  csat: CsatFigures.omit({ distribution: true }),
  nps: NpsFigures,
  response: SurveyRate,
});

export const SurveyFigures = SatisfactionFigures.extend({
  by_agent: z.array(Breakdown.extend({ user_id: z.string().nullable() })),
  by_team: z.array(Breakdown.extend({ team_id: z.string().nullable() })),
  by_channel: z.array(Breakdown.extend({ channel: z.string() })),
  /** One entry per local day (the workspace's time zone) a survey was asked. */
  series: z.array(
    z.object({
      day: z.string(),
      asked: z.number().int(),
      answered: z.number().int(),
      csat_responses: z.number().int(),
      csat_average: z.number().nullable(),
      nps_responses: z.number().int(),
      nps_score: z.number().nullable(),
    }),
  ),
});
export type SurveyFigures = z.infer<typeof SurveyFigures>;

export const SurveyReport = z.object({
  from: z.string(),
  to: z.string(),
  figures: SurveyFigures,
});
export type SurveyReport = z.infer<typeof SurveyReport>;

/** The surveys of a report: asked in [from, to), narrowed by the report filters. */
export const SurveyResponsesQuery = ReportFilters.extend({
  kind: SurveyKind.optional(),
  /** `detractor` (NPS 0-6), `promoter` (NPS 9-10), `unsatisfied` (CSAT 1-3), `satisfied` (CSAT 4-5). */
  segment: z.enum(["satisfied", "unsatisfied", "promoter", "passive", "detractor"]).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});

export const SurveyResponse = z.object({
  id: Id,
  kind: SurveyKind,
  score: z.number().int(),
  comment: z.string().nullable(),
  conversation_id: Id,
  contact_id: Id.nullable(),
  channel: z.string(),
  agent_id: Id.nullable(),
  team_id: Id.nullable(),
  asked_at: z.string(),
  answered_at: z.string(),
});
export type SurveyResponse = z.infer<typeof SurveyResponse>;

export const SurveyResponsesPage = z.object({
  items: z.array(SurveyResponse),
  next_cursor: z.string().nullable(),
});
