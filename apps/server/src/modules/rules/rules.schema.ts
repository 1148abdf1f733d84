import { z } from "zod";

/*
 * HTTP shapes of rules (SPEC W1). Bodies are checked in two passes: this schema for the envelope
 * (so OpenAPI documents it), then `validateRule` from @parley/rules for the condition tree and the
 * actions, whose issues name the exact part (`body.conditions.all[2].op`).
 */
const TRIGGERS = ["message_received", "conversation_updated", "time_elapsed"] as const;

const RuleFields = {
  name: z.string().trim().min(1).max(200),
  // Crisis mode's own rules sit below zero, ahead of every admin rule (modules/crisis).
  position: z.number().int().min(-100_000).max(100_000),
  enabled: z.boolean(),
  trigger: z.enum(TRIGGERS),
  after_seconds: z
    .number()
    .int()
    .min(0)
    .max(90 * 86_400)
    .nullable(),
  clock: z.string().nullable(),
  conditions: z.record(z.string(), z.unknown()),
  actions: z.array(z.record(z.string(), z.unknown())).max(50),
  stop_processing: z.boolean(),
};

export const RuleDto = z.object({
  id: z.uuid(),
  ...RuleFields,
  created_at: z.string(),
  updated_at: z.string(),
});
export type RuleDto = z.infer<typeof RuleDto>;

export const CreateRuleRequest = z.strictObject({
  ...RuleFields,
  position: RuleFields.position.optional(),
  enabled: RuleFields.enabled.default(true),
  trigger: RuleFields.trigger.default("message_received"),
  after_seconds: RuleFields.after_seconds.optional(),
  clock: RuleFields.clock.optional(),
  stop_processing: RuleFields.stop_processing.default(false),
});

export const UpdateRuleRequest = z.strictObject({
  name: RuleFields.name.optional(),
  position: RuleFields.position.optional(),
  enabled: RuleFields.enabled.optional(),
  trigger: RuleFields.trigger.optional(),
  after_seconds: RuleFields.after_seconds.optional(),
  clock: RuleFields.clock.optional(),
  conditions: RuleFields.conditions.optional(),
  actions: RuleFields.actions.optional(),
  stop_processing: RuleFields.stop_processing.optional(),
});

/** A draft rule (or a saved one) run over stored traffic before it goes live. */
export const DryRunRequest = z
  .strictObject({
    rule: CreateRuleRequest.extend({ name: RuleFields.name.default("draft") }).optional(),
    rule_id: z.uuid().optional(),
    days: z.number().int().min(1).max(90).default(7),
    sample: z.number().int().min(1).max(200).default(50),
  })
  .refine((b) => (b.rule ? 1 : 0) + (b.rule_id ? 1 : 0) === 1, {
    message: "give either rule (a draft) or rule_id (a saved rule)",
    path: ["rule"],
  });

export const DryRunMatch = z.object({
  conversation_id: z.uuid(),
  message_id: z.uuid(),
  sent_at: z.string(),
  channel: z.string(),
  text: z.string(),
  actions: z.array(z.record(z.string(), z.unknown())),
});

export const DryRunResult = z.object({
  days: z.number().int(),
  messages_scanned: z.number().int(),
  messages_matched: z.number().int(),
  conversations_matched: z.number().int(),
  /** True when the period held more messages than a dry run reads (the newest are read). */
  truncated: z.boolean(),
  matches: z.array(DryRunMatch),
});
