import { z } from "zod";
import { Id } from "./dto";
import { Availability, Channel, ConversationStatus, Priority } from "./enums";
import { ACTIVITY_KINDS } from "./live";
import { Role } from "./roles";

/*
 * The live supervisor view (SPEC A5): GET /api/v1/supervisor/overview answers what the desk looks
 * like right now. Figures are counts and seconds; "today" is the workspace's local day so far.
 */

const Timestamp = z.iso.datetime({ offset: true });

/** How many conversations wait for an agent (in queue) or are being handled (in progress). */
const QueueCounts = z.object({
  in_queue: z.number().int().describe("Active conversations with no assignee yet."),
  in_progress: z.number().int().describe("Active conversations assigned to someone."),
  urgent: z.number().int(),
  high: z.number().int(),
  oldest_wait_s: z
    .number()
    .nullable()
    .describe(
      "Seconds the longest-waiting customer has waited for a reply: since their oldest message no reply followed (pending and on-hold conversations wait on the customer and are left out). Null when nobody waits.",
    ),
});

export const SupervisorQueue = QueueCounts.extend({
  oldest_waiting_conversation_id: Id.nullable(),
  by_team: z.array(QueueCounts.extend({ team_id: Id.nullable(), name: z.string() })),
  by_channel: z.array(QueueCounts.extend({ channel: Channel })),
});
export type SupervisorQueue = z.infer<typeof SupervisorQueue>;

const SlaTally = z.object({ met: z.number().int(), breached: z.number().int() });

/** An active conversation whose next SLA target is about to fall due, or has. */
export const SupervisorSlaItem = z.object({
  conversation_id: Id,
  subject: z.string(),
  preview: z.string(),
  channel: Channel,
  status: ConversationStatus,
  priority: Priority,
  assignee_id: Id.nullable(),
  assignee_name: z.string().nullable(),
  team_id: Id.nullable(),
  team_name: z.string().nullable(),
  target: z.enum(["first_response", "next_response", "resolution"]),
  due_at: Timestamp,
});
export type SupervisorSlaItem = z.infer<typeof SupervisorSlaItem>;

export const SupervisorSla = z.object({
  today: z
    .object({
      first_response: SlaTally,
      resolution: SlaTally,
      met: z.number().int(),
      breached: z.number().int(),
      attainment: z.number().nullable().describe("met / (met + breached), 0..1; null when none settled."),
    })
    .describe(
      "First-response and resolution targets settled since local midnight: met when the reply or resolution came today on time, breached when the due time passed today unmet (docs/metrics.md).",
    ),
  breached_now: z.number().int().describe("Active conversations with a breached target."),
  breached: z.array(SupervisorSlaItem).describe("The longest-breached active conversations, at most 10."),
  due_within_15m: z.number().int(),
  due_within_60m: z.number().int(),
  coming: z
    .array(SupervisorSlaItem)
    .describe(
      "Active conversations whose next target falls due within 60 minutes, soonest first (at most 50).",
    ),
});
export type SupervisorSla = z.infer<typeof SupervisorSla>;

export const SupervisorConversation = z.object({
  id: Id,
  subject: z.string(),
  channel: Channel,
  status: ConversationStatus,
  priority: Priority,
  sla_state: z.enum(["none", "ok", "warning", "breached", "met"]),
});
export type SupervisorConversation = z.infer<typeof SupervisorConversation>;

/** Where an agent is right now: in a conversation, viewing it and perhaps typing or working in it. */
export const SupervisorPresence = z.object({
  conversation_id: Id,
  subject: z.string(),
  activity: z.enum(ACTIVITY_KINDS),
  since: Timestamp,
});
export type SupervisorPresence = z.infer<typeof SupervisorPresence>;

export const SupervisorAgent = z.object({
  user_id: Id,
  name: z.string(),
  email: z.string(),
  role: Role,
  availability: Availability,
  availability_since: Timestamp.nullable().describe("When the current state began; null when not tracked."),
  capacity: z.number().int(),
  load: z.number().int().describe("Active conversations assigned to them."),
  conversations: z
    .array(SupervisorConversation)
    .describe("Their active conversations, highest priority first (at most 3)."),
  presence: z.array(SupervisorPresence),
  replies_today: z.number().int().describe("Replies they sent today (automated messages excluded)."),
  last_reply_at: Timestamp.nullable(),
});
export type SupervisorAgent = z.infer<typeof SupervisorAgent>;

export const SupervisorCrisis = z.object({
  open_alerts: z
    .array(
      z.object({
        id: Id,
        topic: z.string(),
        kind: z.enum(["volume", "negative_share"]),
        volume: z.number().int(),
        negative: z.number().int(),
        created_at: Timestamp,
      }),
    )
    .describe("Open alerts, newest first (at most 5)."),
  open_alert_count: z.number().int(),
  active_modes: z.array(
    z.object({
      id: Id,
      topic: z.string(),
      team_id: Id.nullable(),
      started_via: z.enum(["manual", "automatic"]),
      started_at: Timestamp,
    }),
  ),
});
export type SupervisorCrisis = z.infer<typeof SupervisorCrisis>;

export const SupervisorOverview = z.object({
  generated_at: Timestamp,
  timezone: z.string(),
  day_start: Timestamp.describe("Local midnight of today in the workspace's time zone."),
  queue: SupervisorQueue,
  sla: SupervisorSla,
  agents: z.array(SupervisorAgent),
  crisis: SupervisorCrisis,
});
export type SupervisorOverview = z.infer<typeof SupervisorOverview>;
