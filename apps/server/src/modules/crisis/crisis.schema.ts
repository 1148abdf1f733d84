import { Id } from "@parley/contracts";
import { z } from "zod";
import { TOPIC_KINDS } from "./crisis-counts";

/* HTTP shapes of crisis management (SPEC W6): spike alerts and crisis modes. */

const Timestamp = z.iso.datetime({ offset: true });
const Limit = z.coerce.number().int().min(1).max(200).default(50);
const Cursor = z.string().max(500).optional();

export const TopicKind = z.enum(TOPIC_KINDS);
export const ALERT_STATUSES = ["open", "acknowledged", "dismissed", "crisis"] as const;

export const CrisisAlertDto = z.object({
  id: Id,
  topic_kind: TopicKind,
  topic: z.string().describe("A category key, a listening profile id, or a keyword."),
  topic_name: z.string().describe("What to show: the category, the profile's name, or the keyword."),
  kind: z.enum(["volume", "negative_share"]),
  window_start: Timestamp,
  window_end: Timestamp,
  volume: z.number().int(),
  negative: z.number().int(),
  baseline_volume: z.number().describe("Mean messages per window of the same length over the baseline."),
  baseline_negative_share: z.number(),
  status: z.enum(ALERT_STATUSES),
  decided_by: Id.nullable(),
  decided_at: Timestamp.nullable(),
  created_at: Timestamp,
});
export type CrisisAlertDto = z.infer<typeof CrisisAlertDto>;

export const CrisisModeDto = z.object({
  id: Id,
  topic_kind: TopicKind,
  topic: z.string(),
  topic_name: z.string(),
  team_id: Id.nullable(),
  holding_template_id: Id.nullable(),
  holding_message: z
    .string()
    .nullable()
    .describe("The holding template's text, {{variables}} as written, for agents to send."),
  rule_id: Id.nullable().describe("The rule this mode runs through; disabled when the mode ends."),
  alert_id: Id.nullable(),
  started_via: z.enum(["manual", "automatic"]),
  started_by: Id.nullable(),
  started_at: Timestamp,
  ended_at: Timestamp.nullable(),
  ended_by: Id.nullable(),
  active: z.boolean(),
});
export type CrisisModeDto = z.infer<typeof CrisisModeDto>;

export const ListAlertsQuery = z.strictObject({
  status: z.enum(ALERT_STATUSES).optional().describe("Default: every status."),
  limit: Limit,
  cursor: Cursor,
});
export type ListAlertsQuery = z.infer<typeof ListAlertsQuery>;

export const ListModesQuery = z.strictObject({
  active: z
    .enum(["true", "false"])
    .transform((v) => v === "true")
    .optional()
    .describe("true: modes still running; false: ended ones; absent: both."),
  limit: Limit,
  cursor: Cursor,
});
export type ListModesQuery = z.infer<typeof ListModesQuery>;

export const StartCrisisModeRequest = z.strictObject({
  topic_kind: TopicKind,
  topic: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .describe("A category key, a listening profile id, or a keyword (matched case-insensitively)."),
  team_id: Id.nullable().optional().describe("The team (e.g. PR) matching messages are routed to."),
  holding_template_id: Id.nullable().optional(),
  alert_id: Id.nullable().optional().describe("The alert this answers; it becomes `crisis`."),
});
export type StartCrisisModeRequest = z.infer<typeof StartCrisisModeRequest>;

/** `workspaces.settings.crisis`: extra topics to watch and whether a volume spike starts crisis mode. */
export const CrisisSettings = z.object({
  keywords: z.array(z.string().max(200)).max(100).optional(),
  auto_mode: z.object({ team_id: Id, holding_template_id: Id.nullable().optional() }).nullable().optional(),
});
export type CrisisSettings = z.infer<typeof CrisisSettings>;
