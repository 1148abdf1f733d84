import type { FieldError } from "../../../app/api";

/*
 * The server names the bad part of a rule by path (`body.conditions.all[2].op`,
 * `body.actions[1].priority`); these helpers put each message next to the control it is about.
 */

export type PathPart = string | number;

/** "body.conditions.all[2].op" -> ["conditions", "all", 2, "op"]; a dry run's "body.rule." prefix too. */
export function parseIssuePath(field: string): PathPart[] {
  const parts: PathPart[] = [];
  for (const token of field.match(/[^.[\]]+/g) ?? []) {
    parts.push(/^\d+$/.test(token) ? Number(token) : token);
  }
  if (parts[0] === "body") parts.shift();
  if (parts[0] === "rule") parts.shift();
  return parts;
}

export interface RuleIssues {
  /** Top-level fields: name, trigger, after_seconds, clock, conditions, actions. */
  rule: Record<string, string>;
  /** By condition row, then the part of the row (field, op, value). */
  conditions: Record<number, Record<string, string>>;
  /** By action, then its property (priority, team_id, to, ...); "" for the action as a whole. */
  actions: Record<number, Record<string, string>>;
  /** Every issue as "path: message", for the JSON view. */
  all: string[];
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function put(into: Record<string, string>, key: string, message: string) {
  into[key] ??= capital(message);
}

/** Sorts the problem's field errors onto the form's controls. */
export function sortIssues(errors: readonly FieldError[]): RuleIssues {
  const out: RuleIssues = { rule: {}, conditions: {}, actions: {}, all: [] };
  for (const { field, message } of errors) {
    const path = parseIssuePath(field);
    out.all.push(path.length ? `${formatParts(path)}: ${message}` : message);
    const [head, second, third, fourth] = path;
    if (head === "conditions" && (second === "all" || second === "any") && typeof third === "number") {
      out.conditions[third] ??= {};
      put(out.conditions[third], typeof fourth === "string" ? fourth : "", message);
    } else if (head === "actions" && typeof second === "number") {
      out.actions[second] ??= {};
      put(out.actions[second], typeof third === "string" ? third : "", message);
    } else if (typeof head === "string") {
      put(out.rule, head, message);
    } else {
      put(out.rule, "", message);
    }
  }
  return out;
}

export function formatParts(path: readonly PathPart[]): string {
  return path.map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? p : `.${p}`)).join("");
}

export const NO_ISSUES: RuleIssues = { rule: {}, conditions: {}, actions: {}, all: [] };
