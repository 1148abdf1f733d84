/**
 * The parts of twitter-text the emulator needs: entity extraction (indices in code points, start
 * inclusive, end exclusive) and the weighted length of reference §1.12 (config v3).
 */
export interface TextRange {
  start: number;
  end: number;
}
export interface MentionMatch extends TextRange {
  username: string;
}
export interface TagMatch extends TextRange {
  tag: string;
}
export interface UrlMatch extends TextRange {
  url: string;
}
export interface ExtractedEntities {
  mentions: MentionMatch[];
  hashtags: TagMatch[];
  cashtags: TagMatch[];
  urls: UrlMatch[];
}

export const MAX_WEIGHTED_LENGTH = 280;
export const TRANSFORMED_URL_LENGTH = 23;
const SCALE = 100;
const DEFAULT_WEIGHT = 200;
const LIGHT_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x0000, 0x10ff],
  [0x2000, 0x200d],
  [0x2010, 0x201f],
  [0x2032, 0x2037],
];

// RFC 3986 characters plus letters and digits of any script (IDN paths); emoji end a URL.
const URL_PATTERN = /(?<![\p{L}\p{N}_@$#./])(?:https?:\/\/|www\.)[\w\-.~:/?#[\]@!$&'()*+,;=%\p{L}\p{N}]+/giu;
const TRAILING_PUNCTUATION = /[.,;:!?'")\]}]+$/u;
const MENTION_PATTERN = /(?<![\p{L}\p{N}_])[@＠]([A-Za-z0-9_]{1,15})(?![A-Za-z0-9_@＠])/gu;
const HASHTAG_PATTERN = /(?<![\p{L}\p{N}_&])[#＃]([\p{L}\p{M}\p{N}_]*[\p{L}\p{M}][\p{L}\p{M}\p{N}_]*)/gu;
const CASHTAG_PATTERN = /(?<![\p{L}\p{N}_])\$([A-Za-z]{1,6}(?:[._][A-Za-z]{1,2})?)(?![A-Za-z0-9_])/gu;
const EMOJI_GRAPHEME = /\p{Extended_Pictographic}|\p{Regional_Indicator}|\u20e3/u;

/** URLs in UTF-16 offsets, trailing sentence punctuation excluded. */
function findUrls(text: string): Array<{ from: number; to: number; url: string }> {
  const found: Array<{ from: number; to: number; url: string }> = [];
  for (const match of text.matchAll(URL_PATTERN)) {
    const url = match[0].replace(TRAILING_PUNCTUATION, "");
    if (url.length > 0) found.push({ from: match.index, to: match.index + url.length, url });
  }
  return found;
}

function codePointIndex(text: string, utf16Index: number): number {
  return Array.from(text.slice(0, utf16Index)).length;
}

export function extractEntities(text: string): ExtractedEntities {
  const rawUrls = findUrls(text);
  const insideUrl = (index: number) => rawUrls.some((u) => index >= u.from && index < u.to);
  const range = (from: number, length: number): TextRange => ({
    start: codePointIndex(text, from),
    end: codePointIndex(text, from + length),
  });
  const collect = <T>(pattern: RegExp, build: (m: RegExpMatchArray, r: TextRange) => T): T[] =>
    [...text.matchAll(pattern)]
      .filter((m) => !insideUrl(m.index ?? 0))
      .map((m) => build(m, range(m.index ?? 0, m[0].length)));
  return {
    mentions: collect(MENTION_PATTERN, (m, r) => ({ ...r, username: m[1] ?? "" })),
    hashtags: collect(HASHTAG_PATTERN, (m, r) => ({ ...r, tag: m[1] ?? "" })),
    cashtags: collect(CASHTAG_PATTERN, (m, r) => ({ ...r, tag: m[1] ?? "" })),
    urls: rawUrls.map((u) => ({ ...range(u.from, u.to - u.from), url: u.url })),
  };
}

/** Replaces every URL through `shorten` (X rewrites links to t.co before storing the post). */
export function rewriteUrls(text: string, shorten: (url: string) => string): string {
  let out = "";
  let cursor = 0;
  for (const url of findUrls(text)) {
    out += text.slice(cursor, url.from) + shorten(url.url);
    cursor = url.to;
  }
  return out + text.slice(cursor);
}

function codePointWeight(codePoint: number): number {
  return LIGHT_RANGES.some(([from, to]) => codePoint >= from && codePoint <= to) ? SCALE : DEFAULT_WEIGHT;
}

function segmentWeight(segment: string): number {
  let weight = 0;
  const graphemes = new Intl.Segmenter("en", { granularity: "grapheme" }).segment(segment);
  for (const { segment: grapheme } of graphemes) {
    if (EMOJI_GRAPHEME.test(grapheme)) {
      weight += DEFAULT_WEIGHT;
      continue;
    }
    for (const char of grapheme) weight += codePointWeight(char.codePointAt(0) ?? 0);
  }
  return weight;
}

/** Weighted length in characters: Latin 1, CJK 2, any emoji sequence 2, any URL 23 (after NFC). */
export function weightedLength(text: string): number {
  const normalized = text.normalize("NFC");
  let weight = 0;
  let cursor = 0;
  for (const url of findUrls(normalized)) {
    weight += segmentWeight(normalized.slice(cursor, url.from)) + TRANSFORMED_URL_LENGTH * SCALE;
    cursor = url.to;
  }
  weight += segmentWeight(normalized.slice(cursor));
  return weight / SCALE;
}

/** Usernames of the @mentions that open the text ("@a @b hello" -> ["a", "b"]). */
export function leadingMentions(text: string): { usernames: string[]; rest: string } {
  const usernames: string[] = [];
  let rest = text;
  for (;;) {
    const match = /^\s*[@＠]([A-Za-z0-9_]{1,15})(?![A-Za-z0-9_])\s*/u.exec(rest);
    if (!match) return { usernames, rest };
    usernames.push(match[1] ?? "");
    rest = rest.slice(match[0].length);
  }
}
