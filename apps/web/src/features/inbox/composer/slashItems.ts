import type { ComposerSearchResult } from "@parley/contracts";

/** One choice in the `/` menu, with the text it inserts. */
export interface SlashItem {
  key: string;
  group: "Templates" | "Knowledge base" | "Playbook";
  title: string;
  detail: string;
  insert: string;
  /** Template variables with no value here: the agent must fill them in. */
  missing: string[];
}

const PLAYBOOK_KINDS: Record<string, string> = {
  tone: "Tone of voice",
  do: "Do",
  dont: "Don't",
  example: "Example",
  escalation: "Escalation contact",
};

/** The search answer as one ordered list, so arrow keys walk across the groups. */
export function slashItems(result: ComposerSearchResult | undefined): SlashItem[] {
  if (!result) return [];
  return [
    ...result.templates.map(
      (t): SlashItem => ({
        key: `t:${t.id}`,
        group: "Templates",
        title: t.shortcut ? `${t.name} · /${t.shortcut}` : t.name,
        detail: t.rendered,
        insert: t.rendered,
        missing: t.missing,
      }),
    ),
    ...result.articles.map(
      (a): SlashItem => ({
        key: `a:${a.id}`,
        group: "Knowledge base",
        title: a.title,
        detail: a.url,
        insert: `${a.title}: ${a.url}`,
        missing: [],
      }),
    ),
    ...result.playbook.map(
      (p, i): SlashItem => ({
        key: `p:${i}:${p.title}`,
        group: "Playbook",
        title: `${PLAYBOOK_KINDS[p.kind] ?? p.kind}: ${p.title}`,
        detail: p.text,
        insert: p.text,
        missing: [],
      }),
    ),
  ];
}
