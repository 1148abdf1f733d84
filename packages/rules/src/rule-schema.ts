import { z } from "zod";
import { ActionSchema } from "./actions";
import { type Condition, conditionIssues, formatPath, type RuleIssue } from "./conditions";
import { CLOCK_FIELDS } from "./fields";

/** The events that run rules; the values of the `rules.trigger` column. */
export const TRIGGERS = ["message_received", "conversation_updated", "time_elapsed"] as const;
export type Trigger = (typeof TRIGGERS)[number];

/**
 * A condition tree. Accepts any JSON, then walks it with `conditionIssues` so every problem is
 * reported at its own path rather than as one "invalid union".
 */
export const ConditionSchema = z
  .custom<Condition>(() => true)
  .superRefine((value, ctx) => {
    for (const issue of conditionIssues(value, [])) {
      ctx.addIssue({ code: "custom", path: issue.path, message: issue.message });
    }
  });

/**
 * One rule document, as the API accepts it and the rules table stores it. `position` orders
 * rules (ties keep the given order); a disabled rule is kept so a dry run can still explain it.
 * A `time_elapsed` rule fires once its `clock` (by default conversation.waiting_seconds, i.e.
 * "no agent reply for") reaches `after_seconds` while its conditions hold.
 */
export const RuleSchema = z
  .strictObject({
    id: z.string().min(1),
    name: z.string().optional(),
    position: z.number().int().optional(),
    enabled: z.boolean().default(true),
    trigger: z.enum(TRIGGERS).default("message_received"),
    after_seconds: z.number().int().nonnegative().optional(),
    clock: z.enum(CLOCK_FIELDS).optional(),
    conditions: ConditionSchema,
    actions: z.array(ActionSchema),
    stop_processing: z.boolean().default(false),
  })
  .superRefine((rule, ctx) => {
    const timed = rule.trigger === "time_elapsed";
    if (timed && rule.after_seconds === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["after_seconds"],
        message: "a time_elapsed rule needs after_seconds",
      });
    }
    for (const key of ["after_seconds", "clock"] as const) {
      if (!timed && rule[key] !== undefined) {
        ctx.addIssue({ code: "custom", path: [key], message: `${key} only applies to time_elapsed rules` });
      }
    }
  });
export type Rule = z.output<typeof RuleSchema>;
export type RuleInput = z.input<typeof RuleSchema>;

export type RuleValidation = { ok: true; rule: Rule } | { ok: false; issues: RuleIssue[] };

/**
 * Validates one rule document. Issue paths start at the rule (`conditions.all[2].op`), so the
 * API can prefix them with `body.` and the UI can point at the bad part.
 */
export function validateRule(input: unknown): RuleValidation {
  const parsed = RuleSchema.safeParse(input);
  if (parsed.success) return { ok: true, rule: parsed.data };
  const issues = parsed.error.issues.map((issue) => ({
    path: issue.path.map((part) => (typeof part === "symbol" ? String(part) : part)),
    message: issue.message,
  }));
  return { ok: false, issues };
}

/** "conditions.all[2].op: "gt" does not apply to text field message.text (...)". */
export function formatIssue(issue: RuleIssue): string {
  return issue.path.length === 0 ? issue.message : `${formatPath(issue.path)}: ${issue.message}`;
}

/** Thrown by compileRules; `issues` have paths from the list (`[3].conditions.any[0].value`). */
export class RulesValidationError extends Error {
  readonly issues: readonly RuleIssue[];
  constructor(issues: readonly RuleIssue[]) {
    const shown = issues.slice(0, 5).map(formatIssue).join("; ");
    const more = issues.length > 5 ? ` (and ${issues.length - 5} more)` : "";
    super(`invalid rules: ${shown}${more}`);
    this.name = "RulesValidationError";
    this.issues = issues;
  }
}
