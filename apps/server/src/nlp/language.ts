/**
 * Language detection. tinyld alone runs at under 2,000 texts/s, far below the classify budget, so a
 * cheap pass decides the clear cases first: the writing system for non-Latin scripts, and
 * stopword counts for Latin-script text. tinyld only sees what that pass cannot settle.
 */
import { detect } from "tinyld";

const SCRIPTS: [RegExp, string][] = [
  [/[\u3040-\u30ff]/, "ja"],
  [/[\uac00-\ud7af]/, "ko"],
  [/[\u4e00-\u9fff]/, "zh"],
  [/[\u0e00-\u0e7f]/, "th"],
  [/[\u0370-\u03ff]/, "el"],
  [/[\u0590-\u05ff]/, "he"],
  [/[\u0900-\u097f]/, "hi"],
];

const STOPWORDS: Record<string, string> = {
  en: "the and you i to is it of for my in on this that with have are was be not your me just at what so can but we do they no if all will get a an or as from by up out about how i'm it's don't u ur im",
  es: "el la los las que de y en un una por con para es no lo se su al muy pero está gracias",
  fr: "le la les des et est je un une pour pas que qui dans sur avec vous il ce mais très merci",
  de: "der die das und ist ich nicht mit ein eine zu auf für sie es den dem auch sehr danke",
  pt: "o os as que de e em um uma para com não por mais mas muito obrigado você está",
  it: "il lo gli che di e è un una per con non sono ma molto grazie questo della",
  nl: "de het een en van ik je niet dat is op met voor zijn maar ook bedankt",
};

const LANGS = Object.keys(STOPWORDS);
const EN = LANGS.indexOf("en");
/** Stopword -> indices (in LANGS) of the languages it belongs to. */
const STOPWORD_LANGS = new Map<string, number[]>();
LANGS.forEach((lang, i) => {
  for (const w of (STOPWORDS[lang] as string).split(" "))
    STOPWORD_LANGS.set(w, [...(STOPWORD_LANGS.get(w) ?? []), i]);
});

const WORD_RE = /\p{L}+/gu;
// Emoji, punctuation, digits, marks (variation selectors) and joiners do not make a text non-Latin.
const NON_LATIN_RE = /[^\u0020-\u024f\s\p{P}\p{S}\p{N}\p{M}\p{Cf}]/u;
const ACCENTED_RE = /[\u00c0-\u024f]/;
const counts = new Int32Array(LANGS.length);
// tinyld's cost grows with length; its answer rarely changes after the first sentences.
const TINYLD_CHARS = 160;

/** ISO 639-1 code, or "und" when the text has too little language to tell. */
export function detectLanguage(text: string, tokens?: readonly string[]): string {
  if (NON_LATIN_RE.test(text)) {
    for (const [re, lang] of SCRIPTS) if (re.test(text)) return lang;
    return detect(text.slice(0, TINYLD_CHARS)) || "und";
  }
  const guess = stopwordGuess(tokens ?? (text.toLowerCase().match(WORD_RE) as string[] | null) ?? []);
  if (guess.lang) return guess.lang;
  // tinyld is slow and, on short stopword-free posts, mostly wrong: ask it only about longer texts
  // that show some sign of a non-English language (accented letters, foreign stopwords).
  if (guess.words < 3) return "und";
  const foreign = ACCENTED_RE.test(text) || guess.foreignHits > 0;
  if (foreign && guess.words >= 6) return detect(text.slice(0, TINYLD_CHARS)) || "und";
  return guess.englishHits > 0 || !foreign ? "en" : "und";
}

interface Guess {
  lang: string | null;
  words: number;
  englishHits: number;
  foreignHits: number;
}

/** Lowercase word tokens start with a-z or a non-ASCII letter (emoji are surrogates or symbols). */
function isWord(t: string): boolean {
  const c = t.charCodeAt(0);
  return (c >= 97 && c <= 122) || (c >= 0xc0 && c < 0x2000);
}

/** The language whose stopwords clearly dominate (null when the evidence is thin or mixed). */
function stopwordGuess(tokens: readonly string[]): Guess {
  counts.fill(0);
  let words = 0;
  let foreignHits = 0;
  for (const t of tokens) {
    if (!isWord(t)) continue;
    words++;
    const langs = STOPWORD_LANGS.get(t);
    if (!langs) continue;
    for (const i of langs) counts[i] = (counts[i] as number) + 1;
    if (!langs.includes(EN)) foreignHits++;
  }
  let best = -1;
  let top = 0;
  let second = 0;
  for (let i = 0; i < counts.length; i++) {
    const n = counts[i] as number;
    if (n > top) {
      second = top;
      top = n;
      best = i;
    } else if (n > second) second = n;
  }
  const enough = top >= 2 || (top === 1 && words <= 4);
  const lang = enough && top >= second * 2 ? (LANGS[best] as string) : null;
  return { lang, words, englishHits: counts[EN] as number, foreignHits };
}
