import { z } from "zod";
import {
  Availability,
  Channel,
  ConversationStatus,
  DeliveryStatus,
  ListeningKind,
  MessageDirection,
  MessageKind,
  Priority,
  Sentiment,
  Tier,
  Visibility,
} from "./enums";
import { Permission, Role } from "./roles";

/** Every id Parley issues is a UUID (v7, time ordered). */
export const Id = z.uuid();
const Timestamp = z.iso.datetime({ offset: true });
const NullableTimestamp = Timestamp.nullable();

/** A page of a list: pass `next_cursor` back as `cursor` until it is null. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), next_cursor: z.string().nullable() });
}

/** RFC 9457 problem details, the body of every 4xx/5xx answer. */
export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  instance: z.string().optional(),
  errors: z
    .array(z.object({ field: z.string(), message: z.string() }))
    .optional()
    .describe("One entry per invalid field: `field` is a dotted path such as `body.email`."),
});
export type Problem = z.infer<typeof Problem>;

export const Workspace = z.object({
  id: Id,
  slug: z.string(),
  name: z.string(),
  timezone: z.string(),
  created_at: Timestamp,
});
export type Workspace = z.infer<typeof Workspace>;

export const WorkspaceMembership = Workspace.extend({ role: Role });
export type WorkspaceMembership = z.infer<typeof WorkspaceMembership>;

export const User = z.object({
  id: Id,
  email: z.email(),
  name: z.string(),
  role: Role,
  availability: Availability,
  capacity: z.number().int().describe("How many open conversations may be pushed to this agent at once."),
  skills: z.array(z.string()),
  languages: z.array(z.string()),
  approval_sample_percent: z
    .number()
    .int()
    .describe("Share of this member's replies held for approval (0–100)."),
  team_ids: z.array(Id),
  last_login_at: NullableTimestamp,
  created_at: Timestamp,
});
export type User = z.infer<typeof User>;

export const Me = z.object({
  kind: z.enum(["user", "api_key"]),
  user: User.nullable(),
  api_key: z.object({ id: Id, name: z.string() }).nullable(),
  workspace: Workspace,
  role: Role,
  permissions: z.array(Permission),
  workspaces: z.array(WorkspaceMembership),
});
export type Me = z.infer<typeof Me>;

export const Team = z.object({
  id: Id,
  name: z.string(),
  description: z.string(),
  skills: z.array(z.string()),
  languages: z.array(z.string()),
  routing: z.enum(["round_robin", "load_balanced", "manual"]),
  member_ids: z.array(Id),
  created_at: Timestamp,
});
export type Team = z.infer<typeof Team>;

export const ContactIdentity = z.object({
  id: Id,
  network: Channel,
  external_id: z.string(),
  handle: z.string().nullable(),
  display_name: z.string().nullable(),
  followers_count: z.number().int().nullable(),
  verified: z.boolean(),
});
export type ContactIdentity = z.infer<typeof ContactIdentity>;

export const ContactSummary = z.object({
  id: Id,
  display_name: z.string(),
  handle: z.string().nullable(),
  vip_tier: z.string().nullable(),
  is_troll: z.boolean(),
});
export type ContactSummary = z.infer<typeof ContactSummary>;

export const Contact = ContactSummary.extend({
  email: z.string().nullable(),
  phone: z.string().nullable(),
  crm_id: z.string().nullable(),
  influence_score: z.number().int().describe("0-100, from followers, verification and activity."),
  notes: z.string(),
  identities: z.array(ContactIdentity),
  first_seen_at: Timestamp,
  last_seen_at: Timestamp,
});
export type Contact = z.infer<typeof Contact>;

export const Conversation = z.object({
  id: Id,
  channel: Channel,
  channel_account_id: Id.nullable(),
  status: ConversationStatus,
  priority: Priority,
  priority_score: z.number().int().describe("0-100; the inbox is ordered by it."),
  priority_reasons: z.array(z.string()).describe("Why the conversation ranks where it does."),
  assignee_id: Id.nullable(),
  team_id: Id.nullable(),
  contact_id: Id,
  contact: ContactSummary,
  subject: z.string(),
  preview: z.string().describe("The start of the latest message."),
  has_public: z.boolean(),
  has_private: z.boolean(),
  sentiment: Sentiment.nullable(),
  tier: Tier.nullable(),
  category: z.string().nullable(),
  language: z.string().nullable(),
  tags: z.array(z.string()),
  message_count: z.number().int(),
  first_customer_message_at: NullableTimestamp,
  first_response_at: NullableTimestamp,
  last_customer_message_at: NullableTimestamp,
  last_message_at: Timestamp,
  first_response_due_at: NullableTimestamp,
  next_response_due_at: NullableTimestamp,
  resolution_due_at: NullableTimestamp,
  sla_state: z
    .enum(["none", "ok", "warning", "breached", "met"])
    .describe("The worst state of the conversation's SLA targets now (SPEC W3)."),
  resolved_at: NullableTimestamp,
  approval_required: z
    .boolean()
    .describe("Replies wait for an approver (SPEC W5): set by a rule or crisis mode."),
  approval_reason: z.string().nullable(),
  created_at: Timestamp,
  updated_at: Timestamp,
});
export type Conversation = z.infer<typeof Conversation>;

export const Message = z.object({
  id: Id,
  conversation_id: Id,
  channel: Channel,
  direction: MessageDirection,
  visibility: Visibility,
  kind: MessageKind,
  external_id: z.string().nullable(),
  reply_to_external_id: z.string().nullable(),
  author: z.object({
    type: z.enum(["contact", "user", "system"]),
    id: Id.nullable(),
    name: z.string(),
    handle: z.string().nullable(),
  }),
  text: z.string(),
  language: z.string().nullable(),
  sentiment: Sentiment.nullable(),
  sentiment_score: z.number().nullable(),
  tier: Tier.nullable(),
  intent: z.string().nullable(),
  category: z.string().nullable(),
  is_complaint: z.boolean().nullable(),
  is_spam: z.boolean(),
  delivery_status: DeliveryStatus,
  delivery_error: z.string().nullable(),
  approval_reason: z
    .string()
    .nullable()
    .describe("Why this reply waited (or waits) for an approver; null when it never did."),
  reviewed_by: Id.nullable().describe(
    "The approver who approved or rejected it (null when an API key decided).",
  ),
  reviewed_at: NullableTimestamp,
  review_comment: z.string().nullable().describe("The approver's comment; always set on a rejection."),
  sent_at: Timestamp,
  received_at: Timestamp,
});
export type Message = z.infer<typeof Message>;

export const ApiKey = z.object({
  id: Id,
  name: z.string(),
  role: Role,
  prefix: z.string().describe("The first characters of the key, to recognise it."),
  created_at: Timestamp,
  last_used_at: NullableTimestamp,
});
export type ApiKey = z.infer<typeof ApiKey>;

export const AuditEntry = z.object({
  id: Id,
  actor_type: z.enum(["user", "api_key", "system"]),
  actor_id: Id.nullable(),
  action: z.string(),
  target_type: z.string().nullable(),
  target_id: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
  ip: z.string().nullable(),
  created_at: Timestamp,
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const ListeningProfile = z.object({
  id: Id,
  name: z.string(),
  kind: ListeningKind,
  include: z
    .array(z.string())
    .describe("Phrases to listen for; a trailing * matches any word with that start."),
  require_any: z.array(z.string()).describe("At least one of these must also appear; empty = none required."),
  exclude: z.array(z.string()).describe("A message with any of these phrases is not matched."),
  languages: z.array(z.string()).describe("Language codes; empty = any language."),
  locations: z.array(z.string()).describe("Author locations; empty = anywhere."),
  enabled: z.boolean(),
  created_at: Timestamp,
  updated_at: Timestamp,
});
export type ListeningProfile = z.infer<typeof ListeningProfile>;

/** A stored inbound delivery the pipeline gave up on (SPEC R3): kept for an admin to replay. */
export const DeadLetter = z.object({
  id: Id,
  network: Channel,
  channel_id: Id.nullable(),
  channel_name: z.string().nullable().describe("Null when the channel was deleted since."),
  received_at: Timestamp,
  failed_step: z.string().nullable().describe("The pipeline step that gave up (normalize, store, bus...)."),
  error: z.string().nullable(),
  attempts: z.number().int(),
  payload_preview: z.string().describe("The start of the raw payload as JSON."),
});
export type DeadLetter = z.infer<typeof DeadLetter>;

export const ReplayResult = z.object({
  replayed: z.number().int().describe("How many dead letters were handed to the pipeline again."),
});
