import Fastify, { type FastifyInstance } from "fastify";
import { afterEach, describe, expect, it } from "vitest";
import { createRandom } from "../shared/random";
import type { Conversation } from "./memory";
import type { Customer } from "./profiles";
import { answerText, moodOf, recogniseSurvey, scoreFor } from "./surveys";
import { createSimHarness, type SimHarness } from "./testing";
import type { SimEvent } from "./types";

const WA_TOKEN = "EAAGemulatorWhatsAppToken";
const WA_PHONE_ID = "110000000000002";
const CSAT =
  "Thanks for talking to Acme, Robin! How satisfied are you with the help you got? Reply with a number from 1 (not at all) to 5 (very satisfied), and tell us why if you like.";
const NPS =
  "Robin, how likely are you to recommend Acme to a friend, from 0 (not at all) to 10 (extremely likely)? Just reply with a number.";

describe("recognising a survey question", () => {
  it.each([
    [CSAT, "csat"],
    [NPS, "nps"],
    ["¿Qué tan satisfecho estás? Responde del 1 al 5.", "csat"],
    ["Sur une échelle de 0 à 10, nous recommanderiez-vous ?", "nps"],
    ["Wie zufrieden waren Sie? Bitte antworten Sie von 1 bis 5.", "csat"],
    ["Rate us 1-5?", "csat"],
  ])("%s → %s", (text, kind) => {
    expect(recogniseSurvey(text)).toBe(kind);
  });

  it.each([
    "We've fixed the fault on your line and refunded this month's charge.",
    "Please DM us your account number and postcode.",
    "Your order 15 should arrive in 1 to 5 days.",
    "We refunded 10 euros.",
  ])("%s is an ordinary reply", (text) => {
    expect(recogniseSurvey(text)).toBeUndefined();
  });
});

describe("scores", () => {
  const conversation = (over: Partial<Conversation>): Conversation => ({
    key: "whatsapp:1",
    customerId: "c1",
    network: "whatsapp",
    lang: "en",
    intent: "question",
    topic: "billing",
    slots: {} as Conversation["slots"],
    openedStep: 0,
    lastStep: 0,
    thread: {},
    brandReplied: true,
    detailsGiven: false,
    resolved: false,
    followUps: 0,
    ...over,
  });
  const customer = { troll: false } as Customer;
  const mean = (c: Conversation, kind: "csat" | "nps") => {
    const random = createRandom("mood");
    let sum = 0;
    for (let i = 0; i < 400; i++) sum += scoreFor(kind, moodOf(random, c, customer));
    return sum / 400;
  };

  it("skews by how the conversation went", () => {
    const happy = conversation({ intent: "praise", resolved: true });
    const angry = conversation({ intent: "complaint", resolved: false, followUps: 5 });
    expect(mean(happy, "csat")).toBeGreaterThan(4.2);
    expect(mean(angry, "csat")).toBeLessThan(3);
    expect(mean(happy, "nps")).toBeGreaterThan(8.5);
    expect(mean(angry, "nps")).toBeLessThan(5);
  });

  it("keeps scores on the scale and writes them in varied forms", () => {
    const random = createRandom(3);
    const texts = new Set<string>();
    for (let score = 1; score <= 5; score++)
      for (let i = 0; i < 20; i++) texts.add(answerText(random, "en", "csat", score));
    expect([...texts].some((t) => /^⭐+/.test(t))).toBe(true);
    expect([...texts].some((t) => /^\d\/5/.test(t))).toBe(true);
    expect([...texts].some((t) => / - /.test(t))).toBe(true);
    expect([...texts].some((t) => /^(one|two|three|four|five)\b/.test(t))).toBe(true);
    expect(answerText(createRandom(1), "de", "nps", 9)).toMatch(/^(9|9\/10|neun|9 von 10)( - .+)?$/);
    for (let m = 0; m <= 1; m += 0.05) {
      expect(scoreFor("csat", m)).toBeGreaterThanOrEqual(1);
      expect(scoreFor("csat", m)).toBeLessThanOrEqual(5);
      expect(scoreFor("nps", m)).toBeLessThanOrEqual(10);
    }
  });
});

describe("customers answering on the network", () => {
  let app: FastifyInstance | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  /** WhatsApp customers asking for help; the brand sends each one a survey question. */
  async function surveyed(seed: number, question: string): Promise<{ h: SimHarness; later: SimEvent[] }> {
    const h = createSimHarness({ seed, ratePerMinute: 30, networks: { x: 0, facebook: 0, instagram: 0 } });
    app = Fastify();
    await app.register(h.whatsapp.plugin, { prefix: "/sandbox/whatsapp" });
    await app.ready();
    const asked = h
      .run(900)
      .filter((e) => e.kind === "arrival" && e.network === "whatsapp" && !e.spam)
      .slice(0, 20);
    expect(asked).toHaveLength(20);
    for (const message of asked) {
      const from = h.whatsapp.store.inbound.find((m) => m.id === message.ref)?.from as string;
      const res = await app.inject({
        method: "POST",
        url: `/sandbox/whatsapp/v24.0/${WA_PHONE_ID}/messages`,
        payload: { messaging_product: "whatsapp", to: from, type: "text", text: { body: question } },
        headers: { authorization: `Bearer ${WA_TOKEN}` },
      });
      expect(res.statusCode, res.body).toBeLessThan(300);
    }
    const later = h.run(1000);
    await app.close();
    app = undefined;
    return { h, later };
  }

  it("most answer the question in the channel, some with a comment, some not at all", async () => {
    const { h, later } = await surveyed(5, CSAT);
    const answers = later.filter((e) => e.kind === "survey_answer");
    expect(answers.length).toBeGreaterThanOrEqual(9);
    expect(answers.length).toBeLessThan(20);
    expect(h.sim.stats().surveyAnswers).toBe(answers.length);
    for (const a of answers) {
      expect(a).toMatchObject({ network: "whatsapp", channel: "private", survey: { kind: "csat" } });
      expect(a.survey?.score).toBeGreaterThanOrEqual(1);
      expect(a.survey?.score).toBeLessThanOrEqual(5);
      expect(h.whatsapp.store.inbound.some((m) => (m.content as { body?: string }).body === a.text)).toBe(
        true,
      );
    }
    // The question is not read as an ordinary reply: nobody sends details or thanks for it.
    expect(later.filter((e) => e.kind === "follow_up" && e.followUp === "details")).toHaveLength(0);
  });

  it("answers NPS questions on the 0-10 scale, the same way for the same seed", async () => {
    const first = (await surveyed(8, NPS)).later.filter((e) => e.kind === "survey_answer");
    const again = (await surveyed(8, NPS)).later.filter((e) => e.kind === "survey_answer");
    expect(first.length).toBeGreaterThan(5);
    expect(first.every((a) => a.survey?.kind === "nps" && (a.survey.score ?? -1) <= 10)).toBe(true);
    expect(again.map((a) => [a.text, a.survey?.score])).toEqual(first.map((a) => [a.text, a.survey?.score]));
  });
});
