import { SURVEY_SCALE, type SurveyKind } from "@parley/contracts";

/*
 * Reading a customer's reply to a survey question: "5", "4/5", "5 - great service", "⭐⭐⭐⭐",
 * "10", "nine", "9 out of 10", "neuf sur dix", "ocho". The score comes first (or is a fraction
 * with the scale's own denominator anywhere in a short reply); the rest is the comment. Anything
 * else ("my bill is 5 days late", "still broken") is not an answer, so the conversation reopens as
 * for any other message.
 */

export interface ParsedAnswer {
  score: number;
  comment: string | null;
}

const WORDS: Record<string, number> = {};
const add = (values: number, ...words: string[]) => {
  for (const w of words) WORDS[w] = values;
};
// en, es, fr, de, pt: the simulator's and the demo's languages.
add(0, "zero", "cero", "zéro", "null", "nil");
add(1, "one", "uno", "una", "un", "une", "eins", "ein", "um", "uma");
add(2, "two", "dos", "deux", "zwei", "dois", "duas");
add(3, "three", "tres", "trois", "drei", "três");
add(4, "four", "cuatro", "quatre", "vier", "quatro");
add(5, "five", "cinco", "cinq", "fünf", "funf");
add(6, "six", "seis", "sechs");
add(7, "seven", "siete", "sept", "sieben", "sete");
add(8, "eight", "ocho", "huit", "acht", "oito");
add(9, "nine", "nueve", "neuf", "neun", "nove");
add(10, "ten", "diez", "dix", "zehn", "dez");

const NUMBER = `(\\d{1,2}|${Object.keys(WORDS)
  .sort((a, b) => b.length - a.length)
  .join("|")})`;
const OUT_OF = "(?:\\/|out\\s+of|of|sur|de|sobre|von|aus|em)";
/** Phrases customers put before the score: "I'd give it a 9", "rating: 4", "mi nota: 8". */
const LEAD =
  "(?:(?:i(?:'d|’d| would)?\\s+(?:give|say|rate)(?:\\s+(?:it|you|u|them))?(?:\\s+an?)?|(?:my\\s+)?(?:score|rating|answer)(?:\\s+is)?|(?:mi\\s+)?(?:nota|puntuaci[oó]n)(?:\\s+es)?|(?:ma\\s+)?note(?:\\s+est)?|(?:meine\\s+)?(?:bewertung|note)(?:\\s+ist)?|(?:a\\s+)?(?:minha\\s+)?nota(?:\\s+é)?)\\s*[:=]?\\s*)?";
const START = new RegExp(`^${LEAD}${NUMBER}(?:\\s*${OUT_OF}\\s*${NUMBER})?(?=$|[\\s\\p{P}\\p{S}])`, "iu");
const FRACTION = /(?:^|[\s(])(\d{1,2})\s*(?:\/|out\s+of|sur|de|von|sobre)\s*(5|10)\b/iu;
const STARS = /^[\s]*([⭐★🌟]\uFE0F?(?:\s*[⭐★🌟]\uFE0F?){0,9})/u;

/** Words right after a bare number that say it is a quantity, not a score ("5 days"). */
const QUANTITY =
  /^(?:days?|hours?|hrs?|h|minutes?|mins?|weeks?|months?|years?|times?|euros?|dollars?|pounds?|bucks|gb|mb|calls?|messages?|people|%|€|\$|£|am|pm|o'?clock|and|or|y|o|et|ou|und|oder|días|dias|horas|minutos|semanas|meses|años|veces|jours|heures|semaines|mois|ans|fois|tage|stunden|minuten|wochen|monate|jahre|mal|vezes|anos|de|del|of|sur|von|em|à|a|to|bis|al|in|en|im|para|for|pour|für)(?![\p{L}])/iu;

const toNumber = (s: string) => (/^\d+$/.test(s) ? Number(s) : WORDS[s.toLowerCase()]);
const clean = (rest: string) => {
  const c = rest.replace(/^[\s\-–—:,.;!)/|]+/u, "").trim();
  return c === "" ? null : c;
};

/** The score and comment a reply gives a survey of `kind`, or null when it is not an answer. */
export function parseSurveyAnswer(text: string, kind: SurveyKind): ParsedAnswer | null {
  const { min, max } = SURVEY_SCALE[kind];
  const within = (n: number | undefined): n is number =>
    n !== undefined && Number.isInteger(n) && n >= min && n <= max;
  const body = text
    .normalize("NFC")
    .replace(/^(?:\s*@\w+)+\s*/u, "")
    .trim();
  if (body === "") return null;

  const stars = STARS.exec(body);
  if (stars) {
    const count = [...(stars[1] as string).matchAll(/[⭐★🌟]/gu)].length;
    // Stars are a 1-5 rating; NPS has no star form.
    return kind === "csat" && within(count)
      ? { score: count, comment: clean(body.slice(stars[0].length)) }
      : null;
  }

  const start = START.exec(body);
  if (start) {
    const score = toNumber(start[1] as string);
    const scale = start[2] === undefined ? undefined : toNumber(start[2]);
    const rest = body.slice(start[0].length);
    const isWord = !/^\d/.test(start[1] as string);
    const separated = rest === "" || /^\s*[\p{P}\p{S}]/u.test(rest) || scale !== undefined;
    // "five stars" / "9 out of 10" are scores; "one more thing" and "5 days late" are not.
    const starWord = /^\s*(?:stars?|estrellas?|étoiles?|sterne?|estrelas?)\b/iu.exec(rest);
    if (scale !== undefined && scale !== max) return null;
    if (within(score)) {
      if (starWord && kind === "csat") return { score, comment: clean(rest.slice(starWord[0].length)) };
      if (separated) return { score, comment: clean(rest) };
      if (!isWord && !QUANTITY.test(rest.trim())) return { score, comment: clean(rest) };
    }
  }

  // "Honestly 4/5, the first agent was slow": an explicit fraction on the scale, anywhere in a short reply.
  if (body.length <= 280) {
    const fraction = FRACTION.exec(body);
    if (fraction && Number(fraction[2]) === max) {
      const score = Number(fraction[1]);
      if (!within(score)) return null;
      const comment = `${body.slice(0, fraction.index)} ${body.slice(fraction.index + fraction[0].length)}`;
      return {
        score,
        comment: clean(
          comment
            .replace(/\s+([,.!?;:])/g, "$1")
            .replace(/\s{2,}/g, " ")
            .trim(),
        ),
      };
    }
  }
  return null;
}

/** Whether a reply could answer a survey of either kind: the pipeline looks surveys up only for these. */
export function looksLikeSurveyAnswer(text: string): boolean {
  return parseSurveyAnswer(text, "nps") !== null || parseSurveyAnswer(text, "csat") !== null;
}
