/**
 * Normalisation and tokenisation of social text. Regexes are compiled once: V8 runs them in native
 * code, which is faster than a hand-written character loop for these few passes.
 */

const URL_RE = /\b(?:https?:\/\/|www\.)\S+/gi;
const MENTION_RE = /@\w+/g;
// Split camelCase hashtags ("#CustomerService" -> "# customer service") so their words count as words.
const HASHTAG_RE = /#(\w+)/g;
const CAMEL_RE = /([a-z])([A-Z])/g;
const NUMBER_RE = /\d+(?:[.,:]\d+)*/g;
// "soooo" and "sooo" both become "soo": keeps the emphasis signal while merging spellings.
const REPEAT_RE = /(\p{L})\1{2,}/gu;
const TOKEN_RE =
  /<url>|<user>|<num>|[\p{L}\p{M}]+(?:['’][\p{L}]+)*|\p{Extended_Pictographic}|[!?]+|[.,;:()]|#|\$|£|€/gu;

export const URL_TOKEN = "<url>";
export const USER_TOKEN = "<user>";
export const NUMBER_TOKEN = "<num>";

/** Lowercased text with URLs, mentions and numbers replaced by placeholder tokens. */
export function normalise(text: string): string {
  return text
    .replace(URL_RE, " <url> ")
    .replace(MENTION_RE, " <user> ")
    .replace(HASHTAG_RE, (_m, tag: string) => ` # ${tag.replace(CAMEL_RE, "$1 $2")} `)
    .toLowerCase()
    .replace(REPEAT_RE, "$1$1")
    .replace(NUMBER_RE, " <num> ")
    .replace(/&amp;/g, "&");
}

/** Tokens of already-normalised text: words, placeholders, emoji, runs of !/? and punctuation. */
export function tokenizeNormalised(normalised: string): string[] {
  return normalised.match(TOKEN_RE) ?? [];
}

export function tokenize(text: string): string[] {
  return tokenizeNormalised(normalise(text));
}

/** Share of upper-case letters among letters, on the raw text (shouting is a signal). */
export function capsRatio(text: string): number {
  let upper = 0;
  let letters = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) {
      upper++;
      letters++;
    } else if (c >= 97 && c <= 122) letters++;
  }
  return letters < 4 ? 0 : upper / letters;
}
