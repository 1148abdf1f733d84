import type { Random } from "../shared/random";
import type { BrandReply } from "./adapters/types";
import type { Conversation } from "./memory";
import { secondsToSteps } from "./options";
import type { Customer } from "./profiles";
import { chance, intBetween } from "./sampling";
import type { Intent, Lang } from "./templates";
import type { Channel } from "./types";
import { attempt, emit, type World } from "./world";

/**
 * Customers answering satisfaction surveys (SPEC M6). A brand message that asks for a score on a
 * 1-5 scale (CSAT) or 0-10 (NPS) is recognised from its words, in the five languages; most
 * customers answer within a quarter of an hour, in the channel they were asked in, with a score
 * skewed by how the conversation went (thanked for a fix → high; a complaint that needed chasing
 * → low), sometimes with a comment, in varied forms ("4", "4/5", "⭐⭐⭐⭐", "nine", "9 out of
 * 10"). Some never answer. Everything is drawn from the simulator's seeded generator.
 */
export type SurveyKind = "csat" | "nps";

export interface PendingSurveyAnswer {
  due: number;
  key: string;
  kind: SurveyKind;
  channel: Channel;
  score: number;
  text: string;
}

const TO = "(?:-|–|to|a|al|à|au|bis|até|ao)";
// "from 1 (not at all) to 5 (very satisfied)": the scale's ends with a few words between them.
const CSAT_SCALE = new RegExp(`(?:^|[^0-9])1(?![0-9])[^0-9]{0,40}?${TO}\\s*5(?![0-9])`, "iu");
const NPS_SCALE = new RegExp(`(?:^|[^0-9])0(?![0-9])[^0-9]{0,40}?${TO}\\s*10(?![0-9])`, "iu");
const NPS_WORDS = /recommend|recomend|recommander|empfehlen|weiterempfehl/iu;
const ASKS = /\?|reply|answer|responde|r[ée]pond|antworte|rate|califica|valora|note|bewert|avalia/iu;

/** Whether a brand message asks for a survey score, and which kind. */
export function recogniseSurvey(text: string): SurveyKind | undefined {
  if (!ASKS.test(text)) return undefined;
  if (NPS_SCALE.test(text) || (NPS_WORDS.test(text) && /\b10\b/.test(text))) return "nps";
  if (CSAT_SCALE.test(text)) return "csat";
  return undefined;
}

const NEGATIVE: ReadonlySet<Intent> = new Set(["complaint", "outage", "crisis"]);

/** How the customer feels about the conversation, 0 (furious) to 1 (delighted). */
export function moodOf(random: Random, conversation: Conversation, customer: Customer): number {
  if (customer.troll) return random.next() * 0.25;
  let mood = 0.55;
  if (conversation.resolved) mood += 0.3;
  else if (conversation.brandReplied) mood -= 0.05;
  if (NEGATIVE.has(conversation.intent)) mood -= 0.15;
  if (conversation.intent === "praise") mood += 0.2;
  if (conversation.followUps > 3) mood -= 0.1;
  mood += (random.next() - 0.5) * 0.4;
  return Math.min(1, Math.max(0, mood));
}

const WORDS: Record<Lang, readonly string[]> = {
  en: ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"],
  es: ["cero", "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve", "diez"],
  fr: ["zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix"],
  de: ["null", "eins", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn"],
  pt: ["zero", "um", "dois", "três", "quatro", "cinco", "seis", "sete", "oito", "nove", "dez"],
};
const OUT_OF: Record<Lang, string> = { en: "out of", es: "de", fr: "sur", de: "von", pt: "de" };

const COMMENTS: Record<Lang, { good: readonly string[]; bad: readonly string[] }> = {
  en: {
    good: [
      "great service",
      "quick and friendly, thanks",
      "sorted in minutes",
      "the agent was really helpful",
    ],
    bad: [
      "took far too long",
      "had to chase you twice",
      "still not happy with the bill",
      "nobody read my messages",
    ],
  },
  es: {
    good: ["muy buena atención", "rápido y amable, gracias", "resuelto enseguida"],
    bad: ["tardaron demasiado", "tuve que insistir dos veces", "sigo sin estar contento"],
  },
  fr: {
    good: ["service au top", "rapide et sympa, merci", "réglé en quelques minutes"],
    bad: ["beaucoup trop long", "j'ai dû relancer deux fois", "toujours pas satisfait"],
  },
  de: {
    good: ["toller Service", "schnell und freundlich, danke", "in Minuten gelöst"],
    bad: ["hat viel zu lange gedauert", "musste zweimal nachfragen", "immer noch nicht zufrieden"],
  },
  pt: {
    good: ["ótimo atendimento", "rápido e simpático, obrigado", "resolvido em minutos"],
    bad: ["demorou demais", "tive de insistir duas vezes", "continuo insatisfeito"],
  },
};

/** A score on the kind's scale from a mood. */
export function scoreFor(kind: SurveyKind, mood: number): number {
  return kind === "csat" ? 1 + Math.round(mood * 4) : Math.round(mood * 10);
}

/** The reply as a customer would type it; the comment matches the score. */
export function answerText(random: Random, lang: Lang, kind: SurveyKind, score: number): string {
  const max = kind === "csat" ? 5 : 10;
  const good = kind === "csat" ? score >= 4 : score >= 8;
  const comment = chance(random, 0.4) ? random.pick(COMMENTS[lang][good ? "good" : "bad"]) : undefined;
  const forms: string[] = [`${score}`, `${score}/${max}`, `${WORDS[lang][score]}`];
  if (kind === "csat" && score > 0) forms.push("⭐".repeat(score));
  if (kind === "nps") forms.push(`${score} ${OUT_OF[lang]} ${max}`);
  const head = random.pick(forms);
  return comment ? `${head} - ${comment}` : head;
}

/**
 * A brand message seen by the simulator: when it is a survey question, plans the customer's answer
 * (or none) and returns true, so it is not read as an ordinary reply.
 */
export function planSurveyAnswer(
  world: World,
  conversation: Conversation,
  customer: Customer,
  reply: BrandReply,
): boolean {
  const kind = recogniseSurvey(reply.text);
  if (!kind) return false;
  const { random } = world;
  // Most answer; trolls mostly ignore it.
  if (!chance(random, customer.troll ? 0.3 : 0.72)) return true;
  const score = scoreFor(kind, moodOf(random, conversation, customer));
  world.surveys.push({
    due: world.step + secondsToSteps(world.options, intBetween(random, 20, 900)),
    key: conversation.key,
    kind,
    channel: conversation.network === "whatsapp" ? "private" : reply.channel,
    score,
    text: answerText(random, conversation.lang, kind, score),
  });
  return true;
}

/** Posts the answers that fell due, in the order they were planned. */
export function answerSurveys(world: World): void {
  if (world.surveys.length === 0) return;
  const due = world.surveys.filter((s) => s.due <= world.step);
  if (due.length === 0) return;
  world.surveys = world.surveys.filter((s) => s.due > world.step);
  for (const s of due) {
    const conversation = world.memory.conversations.get(s.key);
    const customer = conversation && world.memory.customers.get(conversation.customerId);
    const adapter = conversation && world.adapters.get(conversation.network);
    if (!conversation || !customer || !adapter) continue;
    const posted = attempt(world, conversation.network, () =>
      adapter.followUp({ conversation, customer, channel: s.channel, text: s.text }),
    );
    if (!posted) continue;
    conversation.lastStep = world.step;
    world.memory.touch(customer, world.step);
    emit(world, {
      kind: "survey_answer",
      network: conversation.network,
      channel: s.channel,
      intent: conversation.intent,
      topic: conversation.topic,
      lang: conversation.lang,
      spam: false,
      customerId: customer.id,
      customer: conversation.network === "x" ? `@${customer.handle}` : customer.name,
      text: posted.text ?? s.text,
      ref: posted.ref,
      survey: { kind: s.kind, score: s.score },
    });
  }
}
