/**
 * SPEC L2 listening profiles: which brand, product, competitor and care-phrase profiles a message
 * matches, beyond @mentions. Runs on every ingested message against every profile of a workspace,
 * so the profiles are compiled once into a trie of word tokens shared by all phrases (a word-level
 * Aho-Corasick without failure links: phrases are a few words long, so restarting at each token
 * costs little). Matching tokenizes the text once and walks the trie from each token: the cost grows
 * with the text and the profiles that match, not with the number of profiles (200 profiles: a few
 * microseconds per tweet).
 *
 * Matching is on whole words, case- and accent-insensitive ("cafe" finds "Café"): words are runs of
 * letters, digits and "_", so "#acme" and "@acme" both hold the word "acme" but "@acme_help" does not
 * (write "acme*" for that). Emoji are words of their own, and Chinese/Japanese characters are one
 * word each since those scripts do not space words. Quotes around a phrase are optional; a phrase
 * is always matched as its words in order. A trailing "*" matches any word starting with the prefix.
 *
 * Filters: an unknown language ("und", missing) passes a language filter, since detection fails
 * mostly on short texts that are still worth hearing; a missing author location fails a location
 * filter, since most authors give none and a filter that let them through would filter nothing.
 */

export type ListeningProfileKind = "brand" | "product" | "competitor" | "care";

export interface ListeningProfile {
  id: string;
  name: string;
  kind: ListeningProfileKind;
  /** Phrases, quoted or plain, case-insensitive, whole-word; a trailing * is a prefix wildcard. */
  include: string[];
  /** At least one of these must also appear (brand words for care phrases); empty = none required. */
  requireAny: string[];
  exclude: string[];
  /** Language codes ("en", "pt-BR" counts as "pt"); empty = any. */
  languages: string[];
  /** Matched whole-word, case-insensitively against the author's location; empty = any. */
  locations: string[];
}

export interface ListenedMessage {
  text: string;
  language: string | null;
  location: string | null;
}

export interface ProfileMatch {
  profileId: string;
  name: string;
  kind: ListeningProfileKind;
  /** The include phrase that matched first in the text, as written in the profile. */
  matched: string;
}

interface TrieNode {
  next: Map<string, TrieNode>;
  /** Phrases ending at this node. */
  ends: number[];
  /** Wildcard phrases whose last word is a prefix: prefix → phrase ids. */
  prefixes: Map<string, number[]>;
  prefixLengths: number[];
}

interface CompiledProfile {
  profile: ListeningProfile;
  languages: Set<string>;
  locations: string[][];
  /** Phrase ids of requireAny and exclude: checked only for profiles an include phrase matched. */
  requireIds: number[];
  excludeIds: number[];
}

export interface CompiledProfiles {
  root: TrieNode;
  /** Per phrase id: the profiles that include it, and how each wrote it. */
  phrases: { includedBy: { profile: number; text: string }[] }[];
  profiles: CompiledProfile[];
}

// A character loop rather than one Unicode regex: most words are ASCII, and only a word holding
// other characters pays for classifying and accent-folding them (3-4x faster on emoji-laden text).
const LETTER = /[\p{L}\p{N}\p{M}]/u;
const OWN_WORD = /\p{Extended_Pictographic}|[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]/u;
const MARKS = /\p{Mn}/gu;

/** Lower-cased, accent-folded words of `text`, the unit every phrase is matched on. */
export function matchTokens(text: string): string[] {
  const lower = text.toLowerCase();
  const tokens: string[] = [];
  let start = -1;
  let ascii = true;
  for (let i = 0; i <= lower.length; i++) {
    const c = i < lower.length ? lower.charCodeAt(i) : 32;
    let inWord = (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 95;
    let own: string | null = null;
    if (c >= 128) {
      const char = String.fromCodePoint(lower.codePointAt(i) as number);
      if (OWN_WORD.test(char)) own = char;
      else inWord = LETTER.test(char);
      ascii &&= !inWord;
    }
    if (inWord) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      pushWord(tokens, lower.slice(start, i), ascii);
      start = -1;
      ascii = true;
    }
    if (own) tokens.push(own);
    if (c >= 0xd800 && c <= 0xdbff) i++;
  }
  return tokens;
}

// Hot paths use module-level helpers, not closures: tsx's keepNames wraps every named closure in a
// call to __name each time it is created, which cost a third of the matching time.
function pushWord(tokens: string[], word: string, ascii: boolean) {
  const folded = ascii ? word : word.normalize("NFD").replace(MARKS, "");
  if (folded) tokens.push(folded);
}

function node(): TrieNode {
  return { next: new Map(), ends: [], prefixes: new Map(), prefixLengths: [] };
}

export function compileProfiles(profiles: readonly ListeningProfile[]): CompiledProfiles {
  const compiled: CompiledProfiles = { root: node(), phrases: [], profiles: [] };
  const ids = new Map<string, number>();
  const intern = (list: string[]) =>
    list.map((raw) => internPhrase(compiled, ids, raw)).filter((id): id is number => id !== null);
  profiles.forEach((profile, index) => {
    for (const raw of profile.include) {
      const id = internPhrase(compiled, ids, raw);
      if (id !== null) compiled.phrases[id]?.includedBy.push({ profile: index, text: unquote(raw) });
    }
    compiled.profiles.push({
      profile,
      languages: new Set(profile.languages.map(primaryLanguage).filter((l): l is string => l !== null)),
      locations: profile.locations.map(matchTokens).filter((t) => t.length > 0),
      requireIds: intern(profile.requireAny),
      excludeIds: intern(profile.exclude),
    });
  });
  return compiled;
}

/** The phrase's id, adding it to the trie the first time; null for a phrase with no words. */
function internPhrase(c: CompiledProfiles, ids: Map<string, number>, raw: string): number | null {
  const text = unquote(raw);
  const wildcard = text.endsWith("*");
  const tokens = matchTokens(wildcard ? text.slice(0, -1) : text);
  const last = tokens.pop();
  if (last === undefined) return null;
  const key = `${tokens.join(" ")}|${last}${wildcard ? "*" : ""}`;
  const known = ids.get(key);
  if (known !== undefined) return known;
  const id = c.phrases.length;
  ids.set(key, id);
  c.phrases.push({ includedBy: [] });
  let at = c.root;
  for (const t of tokens) at = at.next.get(t) ?? setChild(at, t);
  if (!wildcard) (at.next.get(last) ?? setChild(at, last)).ends.push(id);
  else {
    at.prefixes.set(last, [...(at.prefixes.get(last) ?? []), id]);
    if (!at.prefixLengths.includes(last.length)) at.prefixLengths.push(last.length);
  }
  return id;
}

function unquote(raw: string): string {
  return raw.trim().replace(/^["“”']+|["“”']+$/g, "");
}

function setChild(parent: TrieNode, token: string): TrieNode {
  const child = node();
  parent.next.set(token, child);
  return child;
}

/** Each phrase found in the tokens, with the index of the first token where it starts. */
function findPhrases(root: TrieNode, tokens: string[]): Map<number, number> {
  const hits = new Map<number, number>();
  for (let i = 0; i < tokens.length; i++) {
    let at: TrieNode | undefined = root;
    for (let j = i; at && j < tokens.length; j++) {
      const token = tokens[j] as string;
      for (const len of at.prefixLengths) {
        const ids = token.length >= len ? at.prefixes.get(token.slice(0, len)) : undefined;
        if (ids) record(hits, ids, i);
      }
      at = at.next.get(token);
      if (at) record(hits, at.ends, i);
    }
  }
  return hits;
}

function record(hits: Map<number, number>, ids: readonly number[], start: number) {
  for (const id of ids) if (!hits.has(id)) hits.set(id, start);
}

function anyHit(ids: readonly number[], hits: Map<number, number>): boolean {
  for (const id of ids) if (hits.has(id)) return true;
  return false;
}

/** The profiles `message` matches, in the order they were compiled. */
export function matchProfiles(compiled: CompiledProfiles, message: ListenedMessage): ProfileMatch[] {
  const hits = findPhrases(compiled.root, matchTokens(message.text));
  if (hits.size === 0) return [];
  const first = new Map<number, { text: string; at: number }>();
  for (const [id, at] of hits) {
    for (const ref of compiled.phrases[id]?.includedBy ?? []) {
      if ((first.get(ref.profile)?.at ?? Number.POSITIVE_INFINITY) > at)
        first.set(ref.profile, { text: ref.text, at });
    }
  }
  const language = primaryLanguage(message.language);
  let location: string[] | undefined;
  const out: ProfileMatch[] = [];
  for (const index of [...first.keys()].sort((a, b) => a - b)) {
    const p = compiled.profiles[index];
    if (!p || anyHit(p.excludeIds, hits) || (p.requireIds.length > 0 && !anyHit(p.requireIds, hits)))
      continue;
    if (language && p.languages.size > 0 && !p.languages.has(language)) continue;
    if (p.locations.length > 0) {
      location ??= matchTokens(message.location ?? "");
      if (!p.locations.some((l) => containsRun(location as string[], l))) continue;
    }
    const { id, name, kind } = p.profile;
    out.push({ profileId: id, name, kind, matched: first.get(index)?.text ?? "" });
  }
  return out;
}

/** "pt-BR" → "pt"; null for unknown ("und", empty). */
function primaryLanguage(code: string | null | undefined): string | null {
  const primary = code?.trim().toLowerCase().split(/[-_]/)[0];
  return primary && primary !== "und" ? primary : null;
}

function containsRun(haystack: readonly string[], run: readonly string[]): boolean {
  outer: for (let i = 0; i + run.length <= haystack.length; i++) {
    for (let k = 0; k < run.length; k++) if (haystack[i + k] !== run[k]) continue outer;
    return true;
  }
  return false;
}
