/**
 * SPEC T2 intent and priority tier, after seed S001 "Prioritization": first tier = a direct question,
 * dissatisfaction, an urgent product/service need, an escalating crisis; second tier = general
 * references, positive experiences, indirect industry references; spam has no tier.
 *
 * Deterministic phrase rules rather than a model, so every decision comes with a reason an agent can
 * check ("urgent: no internet for 3 days") and a lead can argue with. The sentiment, complaint and
 * spam labels come from the trained classifiers; this only adds the cues they do not carry (questions,
 * urgency, churn) in en/es/fr/de/pt. Judgment calls:
 * - A threat to cancel or switch is "urgent": the customer is deciding now and retention is what
 *   social care is for; the reason says "churn risk".
 * - Urgency cues in a plainly positive message are ignored ("you're on fire 🔥", "urgent thanks").
 * - Most pressing wins: crisis, urgent, dissatisfaction, question; a complaint that ends in a question
 *   is dissatisfaction, with "asks a question" among its reasons.
 * - A message neither addressed to the brand nor known to be about it (`referencesBrand`, e.g. a
 *   brand/product listening profile matched) is an indirect industry reference, even if it asks or
 *   complains: it is someone else's customer, an outreach opportunity rather than a case.
 */
import type { Sentiment, Tier } from "@parley/contracts";

export const INTENTS = [
  "question",
  "dissatisfaction",
  "urgent",
  "crisis",
  "general_reference",
  "positive_experience",
  "industry_reference",
  "spam",
] as const;
export type Intent = (typeof INTENTS)[number];

export const TIER_OF_INTENT: Readonly<Record<Intent, Tier>> = {
  question: "first",
  dissatisfaction: "first",
  urgent: "first",
  crisis: "first",
  general_reference: "second",
  positive_experience: "second",
  industry_reference: "second",
  spam: "none",
};

export interface IntentInput {
  text: string;
  sentiment: Sentiment;
  /** P(positive) - P(negative), -1..1. */
  sentimentScore: number;
  isComplaint: boolean;
  isSpam: boolean;
  /** Addressed to the brand: @mention, reply, DM. */
  mentionsBrand: boolean;
  /** The message matches an active crisis topic. */
  crisis: boolean;
  /** Names the brand or its products without addressing it; defaults to `mentionsBrand`. */
  referencesBrand?: boolean;
}

export interface IntentResult {
  intent: Intent;
  tier: Tier;
  reasons: string[];
}

// Patterns run on lower-cased text without the i and u flags, which made them 3-5x slower; a word
// character is therefore spelled out for the scripts of the supported languages (Latin, Greek, Cyrillic).
const W = "a-z0-9_\\u00aa\\u00b5\\u00ba\\u00c0-\\u024f\\u0370-\\u03ff\\u0400-\\u04ff";
const B = `(?<![${W}])`; // word start
const E = `(?![${W}])`; // word end
const words = (list: string[]) => new RegExp(`${B}(?:${list.join("|")})${E}`);
// A sentence start: the text's start or after . ! ? or a newline, skipping @handles and #tags.
const opening = (list: string[]) =>
  new RegExp(`(?:^|[.!?¡¿\\n])\\s*(?:[@#][${W}]+${E}[\\s,:]*)*(?:${list.join("|")})${E}`);

const URL = /\bhttps?:\/\/\S+|\bwww\.\S+/g;
const QUESTION_MARK = /[?¿]/;
const PRONOUN = "(?:you|u|i|we|someone|somebody|anyone|anybody|there|it|this|my|your|y'all)";
const INTERROGATIVE_OPENING = opening([
  "why",
  "which",
  `how\\s+(?:do|does|did|can|could|should|would|long|much|many|to|come|is|are|soon|often)`,
  "what(?:'s|\\s+(?:is|are|do|does|did|should|can|happened|time|now|the))",
  "(?:when|where)\\s+(?:will|is|are|do|does|did|can|should|would)",
  "who\\s+(?:is|are|do|can|should|else|has|knows)",
  `(?:can|could|would|will|do|does|did|is|are|should|has|have|may)\\s+${PRONOUN}`,
  "cómo|por qué|qué|cuándo|dónde|quién|cuál|puedo|pueden|podrían|podrian|alguien",
  "comment (?:faire|puis|on|est|ça|je|vous|se)|pourquoi|est-ce que|est ce que|puis-je|peut-on|y a-t-il|quelqu'un|où",
  "wie|warum|wieso|weshalb|wann|wo|wer|welche[rsmn]?|gibt es|habt ihr|haben sie",
  "como (?:faço|posso|eu|que)|o que|onde|quem|qual|posso|podem|alguém|tem como",
]);
const HELP_OPENING = opening(["help|ayuda|aide|hilfe|socorro|ajuda|sos"]);
const REQUEST = words([
  "how (?:do|can|should) i|can (?:you|u|someone|anyone|somebody)|could (?:you|u|someone)|would you",
  "(?:does|do|has) (?:anyone|anybody)|any(?:one|body) (?:know|else|have|help)|any (?:idea|update|news)s?",
  "(?:need|needs|want|get|any|some) help|help (?:me|us|please|pls|plz)|(?:please|pls|plz) help",
  "please (?:fix|advise|assist|respond|reply|check|look into|dm|sort|send|call|refund|cancel)",
  "(?:dm|message|call) me|let me know|i (?:need|want|would like|'d like) to know|wondering (?:if|why|how|when|whether)",
  "is there (?:a|any) way|where (?:can|do) i|who do i",
  "me (?:pueden|podrían|podrian) ayudar|pueden ayudarme|alguien sabe|necesito ayuda|ayúdenme|ayudenme",
  "por favor (?:arreglen|ayuden|revisen|solucionen|respondan|resolvam|ajudem|arrumem|verifiquem)",
  "cómo (?:puedo|hago)|qué hago|pouvez-vous|pourriez-vous|quelqu'un sait|besoin d'aide|aidez[- ]moi",
  "merci de (?:corriger|réparer|m'aider|regarder|me répondre)|comment (?:faire|puis-je)",
  "könnt ihr|können sie|kann mir jemand|weiß jemand|brauche hilfe|helft mir|wie kann ich",
  "bitte (?:helfen|beheben|prüfen|melden|antworten)",
  "vocês podem|podem me ajudar|alguém sabe|preciso de ajuda|me ajudem|como (?:faço|posso)",
]);

const URGENT_WORD = words([
  "urgent|urgently|asap|a\\.s\\.a\\.p|emergency|immediately|right now|right away|as soon as possible",
  "life or death|time[- ]sensitive|urgente|urgencia|emergencia|inmediatamente|ya mismo|cuanto antes",
  "urgence|immédiatement|tout de suite|au plus vite|dès que possible|dringend|notfall|sofort|umgehend",
  "urgência|emergência|imediatamente|agora mesmo|o quanto antes",
]);
const SAFETY = words([
  "on fire|caught fire|(?:a|the) fire|fire hazard|smoke|sparks|sparking|burning smell|exploded|explosion|overheat(?:ing|ed|s)?",
  "gas leak|carbon monoxide|injured|injury|bleeding|electrocuted|electric shock|unsafe|dangerous",
  "stranded|locked out|trapped|stuck in (?:the |an )?(?:elevator|lift)|pacemaker|oxygen|can'?t breathe",
  "incendio|fuego|humo|explotó|peligro|peligroso|herido|incendie|fumée|explosé|dangereux|blessé",
  "feuer|rauch|explodiert|gefahr|gefährlich|verletzt|incêndio|fogo|fumaça|explodiu|perigo|perigoso",
]);
const N = "(?:\\d+|an?|one|two|three|four|five|six|seven|several|many|over \\d+|more than \\d+|\\d+\\+)";
const UNIT =
  "(?:hours?|hrs?|h|days?|weeks?|horas?|días|dias|heures?|jours?|semaines?|semanas?|stunden|tagen?|wochen)";
const DURATION = `(?:\\s+(?:for|since|desde hace|hace|depuis|seit|há|por)?\\s*${N}\\s*${UNIT})`;
const OUTAGE = words([
  `(?:no|without|sin|sans|kein(?:e|en)?|sem)\\s+(?:service|internet|power|electricity|signal|connection|network|wi-?fi|water|heat|heating|servicio|luz|señal|conexión|agua|réseau|électricité|connexion|courant|eau|chauffage|strom|netz|empfang|verbindung|wasser|heizung|serviço|sinal|energia|água|conexão|rede)${DURATION}?`,
  `(?:down|out|offline|not working|broken|cut off|caído|en panne|ausgefallen|fora do ar)${DURATION}`,
  `(?:been )?waiting(?: for)?${DURATION}`,
  `still (?:down|out|offline|broken|not working|no [${W}]+|waiting|nothing)`,
  "sigue sin|todavía sin|sigue caído|toujours en panne|toujours pas|immer noch (?:kein|nicht|down)|ainda sem|continua sem",
]);
const CHURN = words([
  "(?:going to|gonna|will|about to) (?:cancel|switch|leave|close my account|be switching|be cancell?ing|be leaving)",
  "cancel(?:l?ing)? my (?:account|subscription|service|contract|plan|membership|policy)|close my account",
  "switch(?:ing)? (?:to|providers|carriers|banks|airlines)|thinking (?:of|about) (?:switching|cancell?ing|leaving)",
  "take my business elsewhere|find (?:a new|another) (?:provider|carrier|bank|company)|port(?:ing)? my number",
  "never (?:buying|using|flying|ordering|shopping)[^.!?]{0,30}again|done with (?:you|this company)",
  "voy a cancelar|me voy a cambiar|me cambio a|darme de baja|me paso a|cambiarme de (?:compañía|operador|banco)",
  "je vais résilier|résilier mon|je résilie|changer d'opérateur|changer de banque|je passe chez",
  "kündige|kündigen|ich wechsle|anbieter wechseln|vou cancelar|cancelar (?:meu|minha)|vou trocar|vou mudar para",
  "(?:mudar|trocar) de operadora",
]);

/** The question/request cue in `text`, as a reason, or null. */
export function questionReason(text: string): string | null {
  const plain = text.toLowerCase().replace(URL, " ");
  if (QUESTION_MARK.test(plain) || INTERROGATIVE_OPENING.test(plain)) return "asks a question";
  return REQUEST.test(plain) || HELP_OPENING.test(plain) ? "asks for help" : null;
}

/** The urgency cue in `text`, as a reason naming what was said, or null. */
export function urgencyReason(text: string): string | null {
  const lower = text.toLowerCase();
  const outage = OUTAGE.exec(lower);
  if (outage) return `urgent: ${quote(outage[0])}`;
  const safety = SAFETY.exec(lower);
  if (safety) return `urgent: safety ("${quote(safety[0])}")`;
  if (CHURN.test(lower)) return "urgent: churn risk (threatens to cancel or switch)";
  const word = URGENT_WORD.exec(lower);
  return word ? `urgent: "${quote(word[0])}"` : null;
}

function quote(phrase: string): string {
  return phrase.replace(/\s+/g, " ").trim();
}

/** Intent, tier and the reasons for them, most decisive first. */
export function classifyIntent(input: IntentInput): IntentResult {
  if (input.isSpam) return result("spam", ["spam"]);
  const positiveOnly = input.sentiment === "positive" && !input.isComplaint;
  const question = questionReason(input.text);
  const urgency = positiveOnly ? null : urgencyReason(input.text);
  const signals = [
    urgency,
    input.isComplaint ? "complaint" : null,
    input.sentiment === "negative" ? "negative sentiment" : null,
    question,
  ].filter((r): r is string => r !== null);

  if (input.crisis && !(positiveOnly && !question)) return result("crisis", ["crisis topic", ...signals]);
  if (!(input.referencesBrand ?? input.mentionsBrand)) {
    return result("industry_reference", ["about the industry, not addressed to the brand", ...signals]);
  }
  if (urgency) return result("urgent", signals);
  if (input.isComplaint || input.sentiment === "negative") return result("dissatisfaction", signals);
  if (question) return result("question", signals);
  if (input.sentiment === "positive") return result("positive_experience", ["positive experience"]);
  return result("general_reference", [input.mentionsBrand ? "mentions the brand" : "refers to the brand"]);
}

function result(intent: Intent, reasons: string[]): IntentResult {
  return { intent, tier: TIER_OF_INTENT[intent], reasons };
}
