/**
 * The `fields` parameter: `id,message,from{id,name},comments.limit(5).summary(true){message}`.
 * Nodes are plain objects whose values may be lazy edges; projection keeps the requested fields
 * (always with `id`, as Graph does). Unknown fields are dropped rather than rejected so a
 * connector asking for a real field the emulator does not model keeps working.
 */
export interface FieldSpec {
  name: string;
  modifiers: Record<string, string>;
  children?: FieldSpec[];
}

export class Edge {
  constructor(readonly resolve: (spec: FieldSpec) => unknown) {}
}

export function edge(resolve: (spec: FieldSpec) => unknown): Edge {
  return new Edge(resolve);
}

function splitTopLevel(raw: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = "";
  for (const ch of raw) {
    if (ch === "{" || ch === "(") depth++;
    if (ch === "}" || ch === ")") depth--;
    if (ch === "," && depth === 0) {
      parts.push(current);
      current = "";
    } else current += ch;
  }
  parts.push(current);
  return parts.map((p) => p.trim()).filter((p) => p.length > 0);
}

function parseOne(raw: string): FieldSpec {
  const brace = raw.indexOf("{");
  const head = brace >= 0 ? raw.slice(0, brace) : raw;
  const children = brace >= 0 ? parseFields(raw.slice(brace + 1, raw.lastIndexOf("}"))) : undefined;
  const [name = "", ...mods] = head.split(".");
  const modifiers: Record<string, string> = {};
  for (const mod of mods) {
    const match = /^(\w+)\((.*)\)$/.exec(mod);
    if (match?.[1]) modifiers[match[1]] = match[2] ?? "";
  }
  return children ? { name: name.trim(), modifiers, children } : { name: name.trim(), modifiers };
}

export function parseFields(raw: string | undefined): FieldSpec[] | undefined {
  if (raw === undefined || raw.trim() === "") return undefined;
  return splitTopLevel(raw).map(parseOne);
}

export function specsOf(names: string[]): FieldSpec[] {
  return names.map((name) => ({ name, modifiers: {} }));
}

function projectValue(value: unknown, spec: FieldSpec): unknown {
  if (value instanceof Edge) return value.resolve(spec);
  if (!spec.children) return value;
  if (Array.isArray(value)) return value.map((v) => projectValue(v, spec));
  if (value && typeof value === "object") return project(value as Record<string, unknown>, spec.children);
  return value;
}

export function project(node: Record<string, unknown>, specs: FieldSpec[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const spec of specs) {
    const value = node[spec.name];
    if (value === undefined) continue;
    const projected = projectValue(value, spec);
    if (projected !== undefined) out[spec.name] = projected;
  }
  if (out.id === undefined && node.id !== undefined && !(node.id instanceof Edge)) out.id = node.id;
  return out;
}

/** Projects with the caller's `fields`, or with the node type's default field list. */
export function render(
  node: Record<string, unknown>,
  requested: FieldSpec[] | undefined,
  defaults: string[],
): Record<string, unknown> {
  return project(node, requested ?? specsOf(defaults));
}
