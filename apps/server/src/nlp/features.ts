/**
 * Hashed sparse features shared by every triage model: word unigrams and bigrams (negation-marked),
 * character 2-4-grams, and a few dense lexicon/shape features in fixed slots after the hashed space.
 * One extraction per text feeds all the models, which is what keeps classify fast.
 */
import {
  LEX_NEGATIVE,
  LEX_NEGATIVE_EMOJI,
  LEX_NEGATOR,
  LEX_POSITIVE,
  LEX_POSITIVE_EMOJI,
  lexiconFlags,
} from "./lexicon";
import { capsRatio, normalise, tokenizeNormalised } from "./text";

export const DEFAULT_BITS = 18;
/** Dense features, in slot order after the hashed space. */
export const EXTRA_FEATURES = [
  "exclamations",
  "questions",
  "caps_ratio",
  "positive_words",
  "negative_words",
  "positive_emoji",
  "negative_emoji",
  "has_url",
  "has_number",
  "has_mention",
  "length",
  "negation",
] as const;
const X = Object.fromEntries(EXTRA_FEATURES.map((name, i) => [name, i])) as Record<
  (typeof EXTRA_FEATURES)[number],
  number
>;

// Long posts add little beyond their first paragraphs; the cap bounds the cost of one text.
const MAX_CHARS = 600;
const MAX_TOKENS = 150;
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const WORD_SEED = FNV_OFFSET;
const CHAR_SEED = 0x5bd1e995;
const NEGATED = 0x27d4eb2f;

/** FNV-1a over a string's UTF-16 code units, from a seed so feature families do not collide. */
export function fnv1a(s: string, seed = FNV_OFFSET): number {
  let h = seed;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h >>> 0;
}

/** Final avalanche (murmur3 fmix32) so the low bits used as the index are well mixed. */
function mix(h: number): number {
  let x = h ^ (h >>> 16);
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

/**
 * Sparse feature vector; `idx`/`val` are valid up to `n`. Word and dense features come first, up to
 * `nWords`, so a model can be scored on that prefix alone (the category model is: see MODEL_CARD).
 */
export interface FeatureVector {
  idx: Int32Array;
  val: Float32Array;
  n: number;
  nWords: number;
  /** The text's tokens (lowercased), reused by language detection. */
  tokens: readonly string[];
}

export interface Featurizer {
  readonly dim: number;
  readonly bits: number;
  /** Features of one text into a buffer reused by the next call: copy it to keep it. */
  extract(text: string): FeatureVector;
}

export function createFeaturizer(bits = DEFAULT_BITS): Featurizer {
  const size = 1 << bits;
  const mask = size - 1;
  // Character n-grams share the first quarter of the space: their weight rows then stay in cache
  // while scoring (about 330 lookups per post), at the price of more collisions among them.
  const charMask = (size >> 2) - 1;
  const cap = MAX_CHARS * 3 + MAX_TOKENS * 2 + EXTRA_FEATURES.length;
  const out: FeatureVector = {
    idx: new Int32Array(cap),
    val: new Float32Array(cap),
    n: 0,
    nWords: 0,
    tokens: [],
  };
  const extras = new Float32Array(EXTRA_FEATURES.length);
  const push = (index: number, value: number) => {
    out.idx[out.n] = index;
    out.val[out.n++] = value;
  };
  const scale = (from: number) => {
    const w = 1 / Math.sqrt(Math.max(1, out.n - from));
    for (let i = from; i < out.n; i++) out.val[i] = w;
  };

  function words(tokens: readonly string[]) {
    let negated = 0;
    let prev = 0;
    const n = Math.min(tokens.length, MAX_TOKENS);
    for (let i = 0; i < n; i++) {
      const t = tokens[i] as string;
      const c = t.charCodeAt(0);
      // Words, placeholders and emoji; not punctuation, which ends a negated span.
      const isWord = t.length > 1 || c > 127 || (c >= 97 && c <= 122);
      let h = fnv1a(t, WORD_SEED);
      if (negated > 0 && isWord) h ^= NEGATED;
      push(mix(h) & mask, 1);
      if (i > 0) push(mix(Math.imul(prev, 31) ^ h ^ 0x9e3779b9) & mask, 1);
      prev = h;
      const flags = lexiconFlags(t);
      if (flags !== 0) lexicon(flags, negated > 0);
      if (c === 33 || c === 63) bump(c === 33 ? X.exclamations : X.questions, t.length);
      else if (c === 60) placeholder(t);
      if (flags & LEX_NEGATOR) {
        negated = 4;
        extras[X.negation] = 1;
      } else if (isWord) negated = Math.max(0, negated - 1);
      else negated = 0;
    }
  }

  const bump = (k: number, by = 1) => {
    extras[k] = (extras[k] as number) + by;
  };

  /** Polarity counts; a negated span flips word polarity ("not good" counts as negative). */
  function lexicon(flags: number, negated: boolean) {
    const pos = (flags & LEX_POSITIVE) !== 0;
    const neg = (flags & LEX_NEGATIVE) !== 0;
    if (pos !== neg) bump(pos !== negated ? X.positive_words : X.negative_words);
    if (flags & LEX_POSITIVE_EMOJI) bump(X.positive_emoji);
    if (flags & LEX_NEGATIVE_EMOJI) bump(X.negative_emoji);
  }

  function placeholder(t: string) {
    if (t === "<url>") extras[X.has_url] = 1;
    else if (t === "<num>") extras[X.has_number] = 1;
    else if (t === "<user>") extras[X.has_mention] = 1;
  }

  function chars(s: string) {
    const n = Math.min(s.length, MAX_CHARS);
    for (let i = 0; i + 1 < n; i++) {
      let h = Math.imul(CHAR_SEED ^ s.charCodeAt(i), FNV_PRIME);
      const end = Math.min(n, i + 4);
      for (let j = i + 1; j < end; j++) {
        h = Math.imul(h ^ s.charCodeAt(j), FNV_PRIME);
        push(mix(h) & charMask, 1);
      }
    }
  }

  function dense(raw: string, length: number) {
    extras[X.caps_ratio] = capsRatio(raw);
    extras[X.length] = Math.min(1, Math.log1p(length) / 6);
    for (let k = 0; k < extras.length; k++) {
      // Counts saturate at 3: the fourth "!" says little more than the third.
      const v = k === X.caps_ratio || k === X.length ? extras[k] : Math.min(3, extras[k] as number) / 3;
      if (v !== 0) push(size + k, v as number);
    }
  }

  return {
    dim: size + EXTRA_FEATURES.length,
    bits,
    extract(text: string): FeatureVector {
      out.n = 0;
      extras.fill(0);
      const norm = normalise(text.length > MAX_CHARS * 2 ? text.slice(0, MAX_CHARS * 2) : text);
      out.tokens = tokenizeNormalised(norm);
      words(out.tokens);
      scale(0);
      dense(text, norm.length);
      out.nWords = out.n;
      chars(` ${norm.replace(/\s+/g, " ").trim()} `);
      scale(out.nWords);
      return out;
    },
  };
}

/** Which features a model reads: all of them, or the word and dense prefix only. */
export type FeatureScope = "all" | "words";
