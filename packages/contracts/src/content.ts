import { z } from "zod";
import { Contact, Id } from "./dto";
import { Channel, ConversationStatus, Priority, Sentiment } from "./enums";

/**
 * What agents write with and about (SPEC A2–A4, C3; issue 6): templates, knowledge articles, the
 * playbook, composer search, notes, tags, history, bulk actions and the customer panel. This file
 * is the truth where it differs from the api sketch.
 */

const Timestamp = z.iso.datetime({ offset: true });
const Name = z.string().trim().min(1, "must not be empty").max(200);
const Label = z.string().trim().min(1, "must not be empty").max(64);
const Query = z.string().max(200);
const Limit = z.coerce.number().int().min(1).max(200).default(50);
const Cursor = z.string().max(500).optional();

// ---------------------------------------------------------------------------------------------
// Templates (read: conversations:read; write: templates:manage)

/**
 * Variables a template body may use as `{{name}}`; anything else is refused on save (422 naming it).
 * They are rendered on the server from the conversation, its contact, the agent and the workspace.
 */
export const TEMPLATE_VARIABLES = [
  "customer.name",
  "customer.first_name",
  "customer.handle",
  "agent.name",
  "agent.first_name",
  "brand.name",
  "conversation.category",
  "conversation.channel",
  "conversation.id",
] as const;
export const TemplateVariable = z.enum(TEMPLATE_VARIABLES);
export type TemplateVariable = z.infer<typeof TemplateVariable>;

/** reply: the composer's `/` menu; holding/acknowledgement: used by crisis mode and auto-acks. */
export const TEMPLATE_KINDS = ["reply", "holding", "acknowledgement"] as const;
export const TemplateKind = z.enum(TEMPLATE_KINDS);
export type TemplateKind = z.infer<typeof TemplateKind>;

export const Template = z.object({
  id: Id,
  name: z.string(),
  shortcut: z.string().nullable().describe("Typed after `/` in the composer, e.g. `outage`."),
  body: z.string().describe("Text with `{{variables}}` (see TEMPLATE_VARIABLES)."),
  category: z.string().nullable(),
  language: z.string().nullable(),
  kind: TemplateKind,
  channels: z.array(Channel).describe("Channels the template suits; empty = all."),
  variables: z.array(TemplateVariable).describe("The variables the body uses."),
  updated_at: Timestamp,
});
export type Template = z.infer<typeof Template>;

export const ListTemplatesQuery = z.strictObject({
  q: Query.optional().describe("Words to find in the name, shortcut or body."),
  channel: Channel.optional().describe("Only templates usable on this channel (or on all)."),
  language: z.string().max(16).optional(),
  kind: TemplateKind.optional(),
  limit: Limit,
  cursor: Cursor,
});
export type ListTemplatesQuery = z.infer<typeof ListTemplatesQuery>;

export const CreateTemplateRequest = z.strictObject({
  name: Name,
  shortcut: z
    .string()
    .trim()
    .regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, "lower-case letters, digits, - and _ (up to 40)")
    .nullable()
    .optional(),
  body: z.string().trim().min(1, "must not be empty").max(10_000),
  category: Label.nullable().optional(),
  language: z.string().trim().min(2).max(16).nullable().optional(),
  kind: TemplateKind.optional(),
  channels: z.array(Channel).max(8).optional(),
});
export type CreateTemplateRequest = z.infer<typeof CreateTemplateRequest>;
export const UpdateTemplateRequest = CreateTemplateRequest.partial();
export type UpdateTemplateRequest = z.infer<typeof UpdateTemplateRequest>;

export const RenderTemplateRequest = z.strictObject({ conversation_id: Id });
export type RenderTemplateRequest = z.infer<typeof RenderTemplateRequest>;

export const RenderedTemplate = z.object({
  text: z.string().describe("The body with every known value filled in; a missing one is left empty."),
  missing: z.array(TemplateVariable).describe("Variables with no value for this conversation."),
});
export type RenderedTemplate = z.infer<typeof RenderedTemplate>;

// ---------------------------------------------------------------------------------------------
// Knowledge base (read: conversations:read; write: templates:manage)

export const KnowledgeArticle = z.object({
  id: Id,
  title: z.string(),
  url: z.string(),
  summary: z.string(),
  tags: z.array(z.string()),
  updated_at: Timestamp,
});
export type KnowledgeArticle = z.infer<typeof KnowledgeArticle>;

export const ListKnowledgeArticlesQuery = z.strictObject({
  q: Query.optional().describe("Words to find in the title, summary or tags."),
  limit: Limit,
  cursor: Cursor,
});
export type ListKnowledgeArticlesQuery = z.infer<typeof ListKnowledgeArticlesQuery>;

export const CreateKnowledgeArticleRequest = z.strictObject({
  title: Name,
  url: z.url({ protocol: /^https?$/ }).max(2000),
  summary: z.string().trim().max(4000).optional(),
  tags: z.array(Label).max(20).optional(),
});
export type CreateKnowledgeArticleRequest = z.infer<typeof CreateKnowledgeArticleRequest>;
export const UpdateKnowledgeArticleRequest = CreateKnowledgeArticleRequest.partial();
export type UpdateKnowledgeArticleRequest = z.infer<typeof UpdateKnowledgeArticleRequest>;

// ---------------------------------------------------------------------------------------------
// Playbook (SPEC A4; read: conversations:read; write: templates:manage): one per workspace

const Line = z.string().trim().min(1, "must not be empty").max(1000);

export const PlaybookExample = z.object({
  title: Name,
  situation: z.string().trim().min(1, "must not be empty").max(2000),
  response: z.string().trim().min(1, "must not be empty").max(4000),
});
export type PlaybookExample = z.infer<typeof PlaybookExample>;

export const EscalationContact = z.object({
  name: Name,
  role: Name,
  team: z.string().trim().max(200).nullable(),
  email: z.email().max(320).nullable(),
  phone: z.string().trim().max(40).nullable(),
  when: z.string().trim().min(1, "must not be empty").max(1000).describe("When to call on them."),
});
export type EscalationContact = z.infer<typeof EscalationContact>;

export const Playbook = z.object({
  tone_of_voice: z.string(),
  dos: z.array(z.string()),
  donts: z.array(z.string()),
  examples: z.array(PlaybookExample),
  escalation_contacts: z.array(EscalationContact),
  updated_at: Timestamp.nullable().describe("Null until someone saves the playbook."),
  updated_by: z.object({ id: Id, name: z.string() }).nullable(),
});
export type Playbook = z.infer<typeof Playbook>;

export const UpdatePlaybookRequest = z.strictObject({
  tone_of_voice: z.string().trim().max(10_000),
  dos: z.array(Line).max(100),
  donts: z.array(Line).max(100),
  examples: z.array(z.strictObject(PlaybookExample.shape)).max(100),
  escalation_contacts: z.array(z.strictObject(EscalationContact.shape)).max(100),
});
export type UpdatePlaybookRequest = z.infer<typeof UpdatePlaybookRequest>;

// ---------------------------------------------------------------------------------------------
// Composer search: the `/` menu (conversations:read)

export const ComposerSearchQuery = z.strictObject({
  q: Query.default("").describe("What was typed after `/`; empty lists the first of each."),
  conversation_id: Id.optional().describe(
    "Renders templates for this conversation and filters by its channel.",
  ),
  limit: z.coerce.number().int().min(1).max(50).default(8),
});
export type ComposerSearchQuery = z.infer<typeof ComposerSearchQuery>;

export const PLAYBOOK_ENTRY_KINDS = ["tone", "do", "dont", "example", "escalation"] as const;
export const PlaybookEntryKind = z.enum(PLAYBOOK_ENTRY_KINDS);

export const ComposerTemplateHit = z.object({
  id: Id,
  name: z.string(),
  shortcut: z.string().nullable(),
  body: z.string(),
  rendered: z.string().describe("The body rendered for `conversation_id` (the raw body without one)."),
  missing: z.array(TemplateVariable),
});
export type ComposerTemplateHit = z.infer<typeof ComposerTemplateHit>;

export const ComposerSearchResult = z.object({
  templates: z.array(ComposerTemplateHit),
  articles: z.array(KnowledgeArticle),
  playbook: z.array(z.object({ kind: PlaybookEntryKind, title: z.string(), text: z.string() })),
});
export type ComposerSearchResult = z.infer<typeof ComposerSearchResult>;

// ---------------------------------------------------------------------------------------------
// Notes, tags, history (on one conversation)

export const Note = z.object({
  id: Id,
  conversation_id: Id,
  author: z.object({ id: Id.nullable(), name: z.string() }),
  text: z.string(),
  created_at: Timestamp,
});
export type Note = z.infer<typeof Note>;

export const CreateNoteRequest = z.strictObject({
  text: z.string().trim().min(1, "must not be empty").max(10_000),
});
export type CreateNoteRequest = z.infer<typeof CreateNoteRequest>;

export const UpdateTagsRequest = z
  .strictObject({
    add: z.array(Label).max(50).optional(),
    remove: z.array(Label).max(50).optional(),
  })
  .describe("Tags are matched without regard to case; the result keeps the first spelling.");
export type UpdateTagsRequest = z.infer<typeof UpdateTagsRequest>;

export const ACTOR_TYPES = ["user", "api_key", "rule", "system", "customer"] as const;

export const ConversationEvent = z.object({
  id: z.string().describe("The event's position in the log (a decimal string)."),
  type: z.string().describe("status_changed, assigned, tags_changed, note_added, message_in, ..."),
  actor: z.object({
    type: z.enum(ACTOR_TYPES),
    id: Id.nullable(),
    name: z.string().describe("The user's, API key's, rule's or customer's name; 'Parley' for the system."),
  }),
  message_id: Id.nullable(),
  data: z.record(z.string(), z.unknown()),
  created_at: Timestamp.describe("When it happened."),
});
export type ConversationEvent = z.infer<typeof ConversationEvent>;

// ---------------------------------------------------------------------------------------------
// Bulk actions on conversations

export const BulkAction = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("status"), status: ConversationStatus }),
  z.strictObject({ type: z.literal("assign"), assignee_id: Id.nullable() }),
  z.strictObject({
    type: z.literal("tag"),
    add: z.array(Label).max(50).optional(),
    remove: z.array(Label).max(50).optional(),
  }),
  z.strictObject({ type: z.literal("priority"), priority: Priority }),
  z.strictObject({
    type: z.literal("spam"),
    spam: z.boolean().describe("Marks each conversation's first customer message; the filter learns."),
  }),
]);
export type BulkAction = z.infer<typeof BulkAction>;

export const BulkConversationRequest = z.strictObject({
  conversation_ids: z.array(Id).min(1).max(200),
  action: BulkAction,
});
export type BulkConversationRequest = z.infer<typeof BulkConversationRequest>;

export const BulkConversationResult = z.object({
  results: z.array(
    z.object({
      conversation_id: Id,
      ok: z.boolean(),
      error: z.object({ status: z.number().int(), title: z.string(), detail: z.string() }).optional(),
    }),
  ),
});
export type BulkConversationResult = z.infer<typeof BulkConversationResult>;

// ---------------------------------------------------------------------------------------------
// Customer panel (SPEC C3)

export const VIP_TIERS = ["none", "silver", "gold", "platinum"] as const;
export const VipTier = z.enum(VIP_TIERS);
export type VipTier = z.infer<typeof VipTier>;

/**
 * A contact with everything the panel shows. It extends `Contact` (display_name, is_troll,
 * influence_score, identities[].followers_count keep their names) with the profile's extra parts.
 */
export const ContactProfile = Contact.extend({
  vip_tier: VipTier,
  is_abuse: z.boolean().describe("Abusive towards agents (kept apart from trolling)."),
  avatar_url: z.string().nullable().describe("From the most recently updated identity that has one."),
  conversations: z
    .array(
      z.object({
        id: Id,
        channel: Channel,
        status: ConversationStatus,
        subject: z.string(),
        preview: z.string(),
        sentiment: Sentiment.nullable(),
        priority: Priority,
        created_at: Timestamp,
        last_message_at: Timestamp,
      }),
    )
    .describe("The newest 50, newest first."),
  sentiment_trend: z
    .array(
      z.object({
        date: z.iso.date(),
        mean_score: z.number().describe("Mean sentiment score of the day's messages, -1..1."),
        messages: z.number().int(),
      }),
    )
    .describe("The last 90 days, one entry per day the customer wrote with a sentiment score, oldest first."),
  totals: z.object({ conversations: z.number().int(), messages: z.number().int() }),
});
export type ContactProfile = z.infer<typeof ContactProfile>;

// PATCH /contacts/:id takes `UpdateContactRequest` (requests.ts): vip_tier, is_troll, is_abuse, ...

export const MergeContactRequest = z.strictObject({
  other_contact_id: Id.describe("The contact merged into this one; it stops existing (merged_into)."),
});
export type MergeContactRequest = z.infer<typeof MergeContactRequest>;

export const LinkIdentityRequest = z.strictObject({
  identity_id: Id.describe("Another contact's identity to move onto this contact."),
});
export type LinkIdentityRequest = z.infer<typeof LinkIdentityRequest>;
