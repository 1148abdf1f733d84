import { z } from "zod";
import { VipTier } from "./content";
import { Id } from "./dto";
import { Availability, Channel, ConversationStatus, ListeningKind, Priority, Sentiment } from "./enums";
import { Role } from "./roles";

/** Request bodies and query strings. Objects are strict: an unknown field is a 400 naming it. */

const Email = z.email().max(320);
const Password = z.string().min(10, "must be at least 10 characters").max(200);
const Name = z.string().trim().min(1).max(200);
const Tags = z.array(z.string().trim().min(1).max(64)).max(50);

export const LoginRequest = z.strictObject({
  email: Email,
  password: z.string().min(1).max(200),
  workspace: z
    .string()
    .max(64)
    .optional()
    .describe("Workspace slug; defaults to the user's first workspace."),
});

export const SwitchWorkspaceRequest = z.strictObject({ workspace: z.string().min(1).max(64) });

export const UpdateWorkspaceRequest = z.strictObject({
  name: Name.optional(),
  timezone: z.string().min(1).max(64).optional(),
});

export const CreateUserRequest = z.strictObject({
  email: Email,
  name: Name,
  password: Password,
  role: Role,
  capacity: z.number().int().min(0).max(100).optional(),
  skills: Tags.optional(),
  languages: Tags.optional(),
});

export const UpdateUserRequest = z.strictObject({
  name: Name.optional(),
  role: Role.optional(),
  availability: Availability.optional(),
  capacity: z.number().int().min(0).max(100).optional(),
  skills: Tags.optional(),
  languages: Tags.optional(),
  /** Share of this member's replies held for approval as a spot check (SPEC W5), 0–100. */
  approval_sample_percent: z.number().int().min(0).max(100).optional(),
});

export const TeamRouting = z.enum(["round_robin", "load_balanced", "manual"]);

export const CreateTeamRequest = z.strictObject({
  name: Name,
  description: z.string().max(2000).optional(),
  skills: Tags.optional(),
  languages: Tags.optional(),
  /** How the team's queue hands out conversations (SPEC W2); manual: only pulled or assigned by hand. */
  routing: TeamRouting.optional(),
  member_ids: z.array(Id).max(500).optional(),
});
export const UpdateTeamRequest = CreateTeamRequest.partial();

const csv = <T extends z.ZodType<string, string>>(item: T) =>
  z
    .string()
    .transform((s) => s.split(",").filter(Boolean))
    .pipe(z.array(item));

export const ListConversationsQuery = z.strictObject({
  status: csv(ConversationStatus).optional().describe("Comma-separated; default: the active statuses."),
  channel: csv(Channel).optional(),
  priority: csv(Priority).optional(),
  team_id: Id.optional(),
  assignee_id: z.union([Id, z.literal("none"), z.literal("me")]).optional(),
  contact_id: Id.optional(),
  sentiment: csv(Sentiment).optional(),
  category: z.string().max(100).optional(),
  language: z.string().max(20).optional().describe("ISO 639-1 code, e.g. en."),
  tag: z.string().max(100).optional().describe("Conversations carrying this tag."),
  q: z.string().max(200).optional().describe("Words to find in the subject or preview."),
  sort: z.enum(["priority", "newest", "oldest"]).default("priority"),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});
export type ListConversationsQuery = z.infer<typeof ListConversationsQuery>;

export const UpdateConversationRequest = z.strictObject({
  status: ConversationStatus.optional(),
  priority: Priority.optional(),
  assignee_id: Id.nullable().optional(),
  team_id: Id.nullable().optional(),
  tags: Tags.optional(),
});

export const ListQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});

export const ListContactsQuery = ListQuery.extend({
  q: z.string().max(200).optional().describe("Name, handle, email or phone."),
});

export const UpdateContactRequest = z.strictObject({
  display_name: Name.optional(),
  email: Email.nullable().optional(),
  phone: z.string().max(40).nullable().optional(),
  crm_id: z.string().max(200).nullable().optional(),
  vip_tier: VipTier.nullable().optional().describe('null is the same as "none".'),
  is_troll: z.boolean().optional(),
  is_abuse: z.boolean().optional(),
  notes: z.string().max(10_000).optional(),
});

export const CreateApiKeyRequest = z.strictObject({
  name: Name,
  role: Role,
});

export const CreateReplyRequest = z.strictObject({
  text: z.string().trim().min(1, "must not be empty").max(10_000),
  visibility: z.enum(["public", "private"]),
  allow_sensitive: z
    .boolean()
    .optional()
    .describe(
      "A public reply that contains personal data (card, account number, phone, email, ...) is refused unless this is true.",
    ),
  request_approval: z
    .boolean()
    .optional()
    .describe("true: the reply waits for an approver even when no rule or sampling asks for it."),
  seen_message_id: z
    .uuid()
    .optional()
    .describe(
      "The newest message the agent saw. When another agent has replied since, the answer is 409 (reply-conflict) " +
        "naming that reply, unless `force` is true: a conversation is never answered twice by accident.",
    ),
  force: z
    .boolean()
    .optional()
    .describe("true: send even though another agent replied after `seen_message_id`."),
});

export const ClassifySpamRequest = z.strictObject({
  spam: z.boolean().describe("true: the message is spam; false: it is not (the filter learns either way)."),
});

const Phrases = z.array(z.string().trim().min(1).max(200)).max(200);
const Codes = z.array(z.string().trim().min(1).max(64)).max(200);

export const CreateListeningProfileRequest = z.strictObject({
  name: Name,
  kind: ListeningKind,
  include: Phrases.min(1, "needs at least one phrase"),
  require_any: Phrases.optional(),
  exclude: Phrases.optional(),
  languages: Codes.optional(),
  locations: Codes.optional(),
  enabled: z.boolean().optional(),
});
export type CreateListeningProfileRequest = z.infer<typeof CreateListeningProfileRequest>;
export const UpdateListeningProfileRequest = CreateListeningProfileRequest.partial();
export type UpdateListeningProfileRequest = z.infer<typeof UpdateListeningProfileRequest>;
