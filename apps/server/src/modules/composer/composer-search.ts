import type { ComposerSearchResult, Playbook } from "@parley/contracts";
import { and, asc, eq, ilike, or, type SQL, sql } from "drizzle-orm";
import type { Queryable } from "../../platform/db";
import { knowledgeArticles, templates } from "../../platform/db/schema";
import type { Principal } from "../auth/principal";
import { articleMatches, toArticleDto } from "../knowledge/knowledge.repo";
import { findPlaybook } from "../playbook/playbook.repo";
import { renderBody, type VariableValues } from "../templates/template-variables";
import { containsPattern, suitsChannel } from "../templates/templates.repo";

type PlaybookEntry = ComposerSearchResult["playbook"][number];

/** `q%` for "starts with", escaped like containsPattern. */
const prefixPattern = (q: string) => containsPattern(q).slice(1);

/**
 * Ranks with plain ILIKE so it behaves the same on PGlite and PostgreSQL: an exact shortcut first,
 * then shortcut or name prefixes, then names containing the words, then bodies.
 */
function templateRank(q: string): SQL {
  const exact = q.trim().toLowerCase();
  return sql`case
    when lower(${templates.shortcut}) = ${exact} then 0
    when ${templates.shortcut} ilike ${prefixPattern(q)} or ${templates.name} ilike ${prefixPattern(q)} then 1
    when ${templates.name} ilike ${containsPattern(q)} or ${templates.shortcut} ilike ${containsPattern(q)} then 2
    else 3 end`;
}

async function searchTemplates(
  db: Queryable,
  workspaceId: string,
  q: string,
  limit: number,
  context: { channel: string; values: VariableValues } | null,
) {
  const pattern = q ? containsPattern(q) : null;
  const rows = await db
    .select()
    .from(templates)
    .where(
      and(
        eq(templates.workspaceId, workspaceId),
        eq(templates.kind, "reply"),
        context ? suitsChannel(context.channel) : undefined,
        pattern
          ? or(
              ilike(templates.name, pattern),
              ilike(templates.shortcut, pattern),
              ilike(templates.body, pattern),
            )
          : undefined,
      ),
    )
    .orderBy(...(q ? [templateRank(q)] : []), asc(templates.name), asc(templates.id))
    .limit(limit);
  return rows.map((t) => {
    const rendered = context ? renderBody(t.body, context.values) : { text: t.body, missing: [] };
    return {
      id: t.id,
      name: t.name,
      shortcut: t.shortcut,
      body: t.body,
      rendered: rendered.text,
      missing: rendered.missing,
    };
  });
}

async function searchArticles(db: Queryable, workspaceId: string, q: string, limit: number) {
  const rank = q
    ? [
        sql`case when ${knowledgeArticles.title} ilike ${prefixPattern(q)} then 0
          when ${knowledgeArticles.title} ilike ${containsPattern(q)} then 1 else 2 end`,
      ]
    : [];
  const rows = await db
    .select()
    .from(knowledgeArticles)
    .where(and(eq(knowledgeArticles.workspaceId, workspaceId), articleMatches(q)))
    .orderBy(...rank, asc(knowledgeArticles.title), asc(knowledgeArticles.id))
    .limit(limit);
  return rows.map(toArticleDto);
}

/** The playbook as a flat list of searchable entries, in the order an agent reads it. */
export function playbookEntries(p: Playbook): PlaybookEntry[] {
  const entries: PlaybookEntry[] = [];
  if (p.tone_of_voice.trim()) entries.push({ kind: "tone", title: "Tone of voice", text: p.tone_of_voice });
  for (const text of p.dos) entries.push({ kind: "do", title: "Do", text });
  for (const text of p.donts) entries.push({ kind: "dont", title: "Don't", text });
  for (const e of p.examples)
    entries.push({ kind: "example", title: e.title, text: `${e.situation}\n\n${e.response}` });
  for (const c of p.escalation_contacts) {
    const reach = [c.email, c.phone].filter(Boolean).join(", ");
    const who = [c.role, c.team].filter(Boolean).join(", ");
    entries.push({
      kind: "escalation",
      title: `${c.name} (${who})`,
      text: reach ? `${c.when} — ${reach}` : c.when,
    });
  }
  return entries;
}

/** Entries whose title or text contains every word typed; title hits first. */
function matchPlaybook(entries: PlaybookEntry[], q: string, limit: number): PlaybookEntry[] {
  const words = q.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return entries.slice(0, limit);
  const hits = entries.filter((e) => {
    const hay = `${e.title} ${e.text} ${e.kind}`.toLowerCase();
    return words.every((w) => hay.includes(w));
  });
  const inTitle = (e: PlaybookEntry) => (words.some((w) => e.title.toLowerCase().includes(w)) ? 0 : 1);
  return hits.sort((a, b) => inTitle(a) - inTitle(b)).slice(0, limit);
}

/** The composer's `/` menu (SPEC A3): templates, knowledge articles and playbook entries. */
export async function composerSearch(
  db: Queryable,
  principal: Principal,
  q: string,
  limit: number,
  context: { channel: string; values: VariableValues } | null,
): Promise<ComposerSearchResult> {
  const term = q.trim();
  const [foundTemplates, articles, playbook] = await Promise.all([
    searchTemplates(db, principal.workspaceId, term, limit, context),
    searchArticles(db, principal.workspaceId, term, limit),
    findPlaybook(db, principal.workspaceId),
  ]);
  return {
    templates: foundTemplates,
    articles,
    playbook: matchPlaybook(playbookEntries(playbook), term, limit),
  };
}
