/*
 * The template editor's variables and live preview. The names are the server's TEMPLATE_VARIABLES
 * (copied rather than imported, which would pull zod into this chunk; a unit test keeps them in
 * step); the preview fills them with a sample conversation so the admin sees the finished reply.
 */

export const VARIABLES = [
  { name: "customer.name", sample: "Jamie Rivera", doc: "The customer's display name" },
  { name: "customer.first_name", sample: "Jamie", doc: "First word of the customer's name" },
  { name: "customer.handle", sample: "@jamie_r", doc: "Their handle on the network" },
  { name: "agent.name", sample: "Sam Agent", doc: "The replying agent's name" },
  { name: "agent.first_name", sample: "Sam", doc: "The agent's first name" },
  { name: "brand.name", sample: "Acme Telecom", doc: "The workspace's name" },
  { name: "conversation.category", sample: "billing", doc: "The conversation's category" },
  { name: "conversation.channel", sample: "x", doc: "The network it came in on" },
  { name: "conversation.id", sample: "0194c1a2-…", doc: "The conversation's id" },
] as const;

const KNOWN: ReadonlyMap<string, string> = new Map(VARIABLES.map((v) => [v.name, v.sample]));
const PATTERN = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** Every {{name}} in the body, in order of first use. */
export function variablesIn(body: string): string[] {
  return [...new Set([...body.matchAll(PATTERN)].map((m) => m[1] ?? ""))];
}

export function unknownVariables(body: string): string[] {
  return variablesIn(body).filter((name) => !KNOWN.has(name));
}

export type PreviewPart = { kind: "text" | "value" | "unknown"; text: string };

/** The body as text and filled-in values, with unknown variables kept visible for marking. */
export function previewParts(body: string, values: ReadonlyMap<string, string> = KNOWN): PreviewPart[] {
  const parts: PreviewPart[] = [];
  let at = 0;
  for (const m of body.matchAll(PATTERN)) {
    const index = m.index ?? 0;
    if (index > at) parts.push({ kind: "text", text: body.slice(at, index) });
    const name = m[1] ?? "";
    const value = values.get(name);
    parts.push(value === undefined ? { kind: "unknown", text: m[0] } : { kind: "value", text: value });
    at = index + m[0].length;
  }
  if (at < body.length) parts.push({ kind: "text", text: body.slice(at) });
  return parts;
}

/** Puts `{{name}}` at the caret (or replaces the selection) and says where the caret goes next. */
export function insertVariable(
  body: string,
  start: number,
  end: number,
  name: string,
): { body: string; caret: number } {
  const token = `{{${name}}}`;
  return { body: body.slice(0, start) + token + body.slice(end), caret: start + token.length };
}
