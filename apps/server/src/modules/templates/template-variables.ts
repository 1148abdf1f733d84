import { TEMPLATE_VARIABLES, type TemplateVariable } from "@parley/contracts";
import { eq } from "drizzle-orm";
import type { Queryable } from "../../platform/db";
import { users, workspaces } from "../../platform/db/schema";
import { HttpProblem } from "../../platform/http/problem";
import type { Principal } from "../auth/principal";
import { findConversation } from "../conversations/conversations.repo";

const KNOWN = new Set<string>(TEMPLATE_VARIABLES);
// Lenient on spacing and case so `{{ Customer.Name }}` is still recognised (and refused if unknown).
const VARIABLE = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** Every `{{name}}` in a body, in order of first use, lower-cased. */
export function variablesIn(body: string): string[] {
  const names = [...body.matchAll(VARIABLE)].map((m) => (m[1] ?? "").toLowerCase());
  return [...new Set(names)];
}

/** The known variables a stored body uses (unknown ones cannot be saved, see checkVariables). */
export function templateVariables(body: string): TemplateVariable[] {
  return variablesIn(body).filter((v): v is TemplateVariable => KNOWN.has(v));
}

/** Refuses a body with variables the renderer does not know: 422 naming each one. */
export function checkVariables(body: string | undefined): void {
  if (body === undefined) return;
  const unknown = variablesIn(body).filter((v) => !KNOWN.has(v));
  if (unknown.length === 0) return;
  const errors = unknown.map((v) => ({
    field: "body.body",
    message: `{{${v}}} is not a known variable (known: ${TEMPLATE_VARIABLES.join(", ")})`,
  }));
  throw new HttpProblem(
    422,
    "Unprocessable Entity",
    `Unknown template variable${unknown.length > 1 ? "s" : ""}: ${unknown.map((v) => `{{${v}}}`).join(", ")}.`,
    errors,
  );
}

export type VariableValues = Partial<Record<TemplateVariable, string | null>>;

const firstWord = (s: string | null | undefined) => s?.trim().split(/\s+/)[0] || null;

/** The values for one conversation, as seen by the calling agent; null when not known. */
export async function valuesFor(
  db: Queryable,
  principal: Principal,
  conversationId: string,
): Promise<VariableValues | null> {
  const row = await findConversation(db, principal.workspaceId, conversationId);
  if (!row) return null;
  const [agent] = principal.userId
    ? await db.select({ name: users.name }).from(users).where(eq(users.id, principal.userId))
    : [];
  const [brand] = await db
    .select({ name: workspaces.name })
    .from(workspaces)
    .where(eq(workspaces.id, principal.workspaceId));
  const { conversation, contact } = row;
  const handle = contact.handle?.replace(/^@/, "");
  return {
    "customer.name": contact.displayName || null,
    "customer.first_name": firstWord(contact.displayName),
    "customer.handle": handle ? `@${handle}` : null,
    "agent.name": agent?.name ?? null,
    "agent.first_name": firstWord(agent?.name),
    "brand.name": brand?.name ?? null,
    "conversation.category": conversation.category,
    "conversation.channel": conversation.channel,
    "conversation.id": conversation.id,
  };
}

/**
 * Fills in a body: each variable with a value is replaced, one without is left empty and listed in
 * `missing` so the agent can fill it before sending (SPEC A3). Spacing left by an empty value is tidied.
 */
export function renderBody(
  body: string,
  values: VariableValues,
): { text: string; missing: TemplateVariable[] } {
  const missing = new Set<TemplateVariable>();
  const text = body
    .replace(VARIABLE, (_m, raw: string) => {
      const name = raw.toLowerCase() as TemplateVariable;
      const value = values[name];
      if (value == null || value === "") {
        if (KNOWN.has(name)) missing.add(name);
        return "";
      }
      return value;
    })
    .replace(/[ \t]{2,}/g, " ")
    .replace(/ +([,.!?])/g, "$1")
    .trim();
  return { text, missing: [...missing] };
}
