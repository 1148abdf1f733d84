/**
 * The composer's `/` menu: a `/` at the start of a word, up to the caret, is a search for templates,
 * knowledge-base links and playbook entries. Choosing one replaces the `/word` with its text.
 */

export interface SlashQuery {
  /** What was typed after the slash (may be empty). */
  query: string;
  /** Where the slash is, and where the query ends (the caret). */
  start: number;
  end: number;
}

const MAX_QUERY = 40;

/** The slash query the caret is in, or null ("a/b", "https://x" and "/ " are not queries). */
export function slashQueryAt(text: string, caret: number): SlashQuery | null {
  const before = text.slice(0, caret);
  const match = /(^|\s)\/([^\s/]*)$/.exec(before);
  if (!match) return null;
  const query = match[2] ?? "";
  if (query.length > MAX_QUERY) return null;
  const start = caret - query.length - 1;
  return { query, start, end: caret };
}

/** The text with the slash query replaced, and where the caret goes afterwards. */
export function insertAtSlash(
  text: string,
  slash: SlashQuery,
  insertion: string,
): { text: string; caret: number } {
  const after = text.slice(slash.end);
  const glue = after.length > 0 && !/^\s/.test(after) ? " " : "";
  const next = `${text.slice(0, slash.start)}${insertion}${glue}${after}`;
  return { text: next, caret: slash.start + insertion.length + glue.length };
}
