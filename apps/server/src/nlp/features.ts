/**
 * Hashed sparse features shared by every triage model: word unigrams and bigrams (negation-marked),
 * character 2-4-grams, and a few dense lexicon/shape features in fixed slots after the hashed space.
 * One extraction per text feeds all the models, which is what keeps classify fast.
 */
import {
  afinnValence,
  LEX_CONTRAST,
  LEX_INTENSIFIER,
  LEX_NEGATIVE,
  LEX_NEGATIVE_EMOJI,
  LEX_NEGATOR,
  LEX_POSITIVE,
  LEX_POSITIVE_EMOJI,
  lexiconEntries,
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
  "afinn_positive",
  "afinn_negative",
  "afinn_compound",
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
// Dense features taken as they are; the others are counts that saturate at 3.
const RAW = new Uint8Array(EXTRA_FEATURES.length);
for (const k of [X.caps_ratio, X.length, X.afinn_positive, X.afinn_negative, X.afinn_compound]) RAW[k] = 1;
// Hashed AFINN features: one per rated word (valence, negated or not) and two for the whole text.
const AFINN_WORD = [...Array(11)].map((_, i) => [fnv1a(`__afw${i - 5}`), fnv1a(`__afw${i - 5}n`)]);
const AFINN_COMPOUND = [...Array(9)].map((_, i) => fnv1a(`__afc${i - 4}`));
const AFINN_SUMS = [...Array(25)].map((_, i) => fnv1a(`__afpn${Math.floor(i / 5)}_${i % 5}`));

/** FNV-1a over a string's UTF-16 code units, from a seed so feature families do not collide. */
export function fnv1a(s: string, seed = FNV_OFFSET): number {
  let h = seed;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h >>> 0;
}

/*
 * The lexicons (about 22,000 tokens with AFINN's inflections) as an open-addressing table keyed by
 * the token's word hash, which `words` computes anyway: one probe instead of a Map lookup that
 * hashes the string again (the Map cost 8% of classify). Two tokens sharing a 32-bit hash would
 * share flags; with 22,000 entries that is about one token in 200,000.
 */
const LEX_TABLE_BITS = 16;
const lexKeys = new Int32Array(1 << LEX_TABLE_BITS);
const lexFlags = new Int32Array(1 << LEX_TABLE_BITS);
const lexSlot = (h: number) => Math.imul(h, 0x9e3779b1) >>> (32 - LEX_TABLE_BITS);
for (const [token, flags] of lexiconEntries()) {
  const h = fnv1a(token, FNV_OFFSET) | 0;
  let i = lexSlot(h);
  while (lexFlags[i] !== 0 && lexKeys[i] !== h) i = (i + 1) & ((1 << LEX_TABLE_BITS) - 1);
  lexKeys[i] = h;
  lexFlags[i] = flags;
}

/** Lexicon flags of the token whose word hash (`fnv1a(token)`) is `h`; 0 for unlisted tokens. */
function lexiconFlagsByHash(h: number): number {
  const key = h | 0;
  let i = lexSlot(key);
  for (;;) {
    const f = lexFlags[i] as number;
    if (f === 0 || lexKeys[i] === key) return f;
    i = (i + 1) & ((1 << LEX_TABLE_BITS) - 1);
  }
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
  /** Indices of the AFINN features (hashed and dense), for models trained without them. */
  readonly sentimentLexicon: ReadonlySet<number>;
  /** Features of one text into a buffer reused by the next call: copy it to keep it. */
  extract(text: string): FeatureVector;
}

export function createFeaturizer(bits = DEFAULT_BITS): Featurizer {
  const size = 1 << bits;
  const mask = size - 1;
  // Character n-grams share the first quarter of the space: their weight rows then stay in cache
  // while scoring (about 330 lookups per post), at the price of more collisions among them.
  const charMask = (size >> 2) - 1;
  const cap = MAX_CHARS * 3 + MAX_TOKENS * 3 + EXTRA_FEATURES.length + 2;
  // AFINN valence sums of the current text, positive and negative (VADER-style rules applied).
  let afPos = 0;
  let afNeg = 0;
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
    let prevFlags = 0;
    const n = Math.min(tokens.length, MAX_TOKENS);
    for (let i = 0; i < n; i++) {
      const t = tokens[i] as string;
      const c = t.charCodeAt(0);
      // Words, placeholders and emoji; not punctuation, which ends a negated span.
      const isWord = t.length > 1 || c > 127 || (c >= 97 && c <= 122);
      let h = fnv1a(t, WORD_SEED);
      const flags = lexiconFlagsByHash(h);
      if (negated > 0 && isWord) h ^= NEGATED;
      push(mix(h) & mask, 1);
      if (i > 0) push(mix(Math.imul(prev, 31) ^ h ^ 0x9e3779b9) & mask, 1);
      prev = h;
      if (flags !== 0) {
        lexicon(flags, negated > 0);
        if (flags & LEX_CONTRAST) {
          afPos *= 0.5;
          afNeg *= 0.5;
        }
        const v = afinnValence(flags);
        if (v !== 0) afinn(v, negated > 0, (prevFlags & LEX_INTENSIFIER) !== 0);
      }
      prevFlags = flags;
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

  /*
   * VADER-style: an intensifier before the word boosts it by 30%, negation flips it at 74% of its
   * strength, and a contrast word ("but") halves what came before it (see `words`).
   */
  function afinn(valence: number, negated: boolean, intensified: boolean) {
    push(mix(AFINN_WORD[valence + 5]?.[negated ? 1 : 0] as number) & mask, 1);
    let v = intensified ? valence * 1.3 : valence;
    if (negated) v *= -0.74;
    if (v > 0) afPos += v;
    else afNeg -= v;
  }

  /** The text's AFINN totals: dense (positive, negative, compound in -1..1) and bucketed. */
  function afinnTotals() {
    const net = afPos - afNeg;
    const compound = net / Math.sqrt(net * net + 15);
    extras[X.afinn_positive] = Math.min(1, afPos / 6);
    extras[X.afinn_negative] = Math.min(1, afNeg / 6);
    extras[X.afinn_compound] = compound;
    push(mix(AFINN_COMPOUND[Math.round(compound * 4) + 4] as number) & mask, 1);
    const p = Math.min(4, Math.ceil(afPos / 2));
    const n = Math.min(4, Math.ceil(afNeg / 2));
    push(mix(AFINN_SUMS[p * 5 + n] as number) & mask, 1);
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
      const v = RAW[k] ? extras[k] : Math.min(3, extras[k] as number) / 3;
      if (v !== 0) push(size + k, v as number);
    }
  }

  const sentimentLexicon = new Set([
    ...[...AFINN_WORD.flat(), ...AFINN_COMPOUND, ...AFINN_SUMS].map((h) => mix(h) & mask),
    size + X.afinn_positive,
    size + X.afinn_negative,
    size + X.afinn_compound,
  ]);

  return {
    dim: size + EXTRA_FEATURES.length,
    bits,
    sentimentLexicon,
    extract(text: string): FeatureVector {
      out.n = 0;
      extras.fill(0);
      const norm = normalise(text.length > MAX_CHARS * 2 ? text.slice(0, MAX_CHARS * 2) : text);
      out.tokens = tokenizeNormalised(norm);
      afPos = 0;
      afNeg = 0;
      words(out.tokens);
      scale(0);
      afinnTotals();
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
