import { z } from "zod";
import { ContactSummary, Conversation, Id } from "./dto";
import { Channel, ConversationStatus, Visibility } from "./enums";

/** Approvals (SPEC W5) and escalations (SPEC W4): request bodies, query strings and answers. */

const Timestamp = z.iso.datetime({ offset: true });
const Comment = z.string().trim().min(1, "must not be empty").max(2000);

const csvChannels = z
  .string()
  .transform((s) => s.split(",").filter(Boolean))
  .pipe(z.array(Channel));

export const ListApprovalsQuery = z.strictObject({
  channel: csvChannels.optional().describe("Comma-separated channels; default: all."),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});
export type ListApprovalsQuery = z.infer<typeof ListApprovalsQuery>;

/** A reply waiting for an approver, as the approval queue shows it (oldest first). */
export const PendingApproval = z.object({
  message_id: Id,
  conversation_id: Id,
  channel: Channel,
  visibility: Visibility,
  author: z.object({ id: Id.nullable(), name: z.string() }),
  contact: ContactSummary,
  text: z.string(),
  reason: z.string().describe("Why it waits: the conversation's rule, sampling, or the author's request."),
  requested_at: Timestamp,
  age_seconds: z.number().int().describe("How long it has been waiting."),
});
export type PendingApproval = z.infer<typeof PendingApproval>;

export const ApproveRequest = z.strictObject({
  text: z
    .string()
    .trim()
    .min(1, "must not be empty")
    .max(10_000)
    .optional()
    .describe("The edited text to post instead; the network's rules are checked again on it."),
  comment: Comment.optional(),
  allow_sensitive: z
    .boolean()
    .optional()
    .describe("Confirms posting personal data in public (see the replies endpoint)."),
});
export type ApproveRequest = z.infer<typeof ApproveRequest>;

export const RejectRequest = z.strictObject({
  comment: Comment.describe("Why the reply was rejected; the author sees it on the message."),
});
export type RejectRequest = z.infer<typeof RejectRequest>;

export const ESCALATION_ROLES = ["lead", "pr", "legal"] as const;

export const EscalateRequest = z.strictObject({
  to: z.union([z.strictObject({ team_id: Id }), z.strictObject({ role: z.enum(ESCALATION_ROLES) })]),
  reason: z.string().trim().min(1, "must not be empty").max(4000),
  callback: z
    .strictObject({ phone: z.string().trim().min(5).max(40) })
    .optional()
    .describe("The customer asked to be called back on this number."),
  email_handoff: z
    .strictObject({ address: z.email().max(320) })
    .optional()
    .describe("The case continues by email at this address."),
});
export type EscalateRequest = z.infer<typeof EscalateRequest>;

export const ListEscalationsQuery = z.strictObject({
  status: z
    .enum(["open", "closed", "all"])
    .default("open")
    .describe(
      "open: the conversation still needs work (an active status); closed: resolved or closed since.",
    ),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});
export type ListEscalationsQuery = z.infer<typeof ListEscalationsQuery>;

/** One escalation of a conversation: the `escalated` event, with any cross-channel hand-off. */
export const Escalation = z.object({
  event_id: z.number().int(),
  conversation_id: Id,
  conversation_status: ConversationStatus,
  channel: Channel,
  contact: ContactSummary,
  to: z.object({
    team_id: Id.optional(),
    role: z.string().optional().describe("lead, pr or legal (rules may also name a Parley role)."),
  }),
  reason: z.string(),
  callback: z.object({ phone: z.string() }).nullable(),
  email_handoff: z.object({ address: z.string() }).nullable(),
  escalated_by: z.object({ type: z.string(), id: Id.nullable() }),
  escalated_at: Timestamp,
  open: z.boolean(),
});
export type Escalation = z.infer<typeof Escalation>;

export const EscalateResult = z.object({ conversation: Conversation, escalation: Escalation });

/** SPEC W4: a case that started in public and was resolved in private should be closed in public. */
export const CloseLoopReminder = z.object({
  message: z.string(),
  public_message_id: Id.describe("The customer's public post to answer."),
  public_external_id: z.string().nullable(),
});
export type CloseLoopReminder = z.infer<typeof CloseLoopReminder>;

export const ResolveResult = z.object({
  conversation: Conversation,
  close_loop: CloseLoopReminder.nullable(),
});
