import { describe, expect, it } from "vitest";
import { classifyIntent, type IntentInput, questionReason, TIER_OF_INTENT, urgencyReason } from "./tier";

const neutral: Omit<IntentInput, "text"> = {
  sentiment: "neutral",
  sentimentScore: 0,
  isComplaint: false,
  isSpam: false,
  mentionsBrand: true,
  crisis: false,
};
const negative = { sentiment: "negative", sentimentScore: -0.7, isComplaint: true } as const;
const positive = { sentiment: "positive", sentimentScore: 0.8 } as const;

function intentOf(text: string, over: Partial<IntentInput> = {}) {
  return classifyIntent({ ...neutral, ...over, text });
}

describe("first tier", () => {
  it.each([
    "@AcmeHelp how do I reset my router",
    "@AcmeHelp is there a fee to change plans?",
    "@AcmeAir can you check my booking",
    "anyone know if @AcmeBank is open on Sunday",
    "@AcmeHelp please fix the login page",
    "@Acme need help with my order",
    "¿Alguien sabe cómo cambiar el plan de @Acme?",
    "@Acme pourquoi mon colis n'est pas arrivé",
    "@Acme wie lange dauert die Lieferung",
    "@Acme como faço para trocar a senha",
    "@Acme me pueden ayudar con la factura",
  ])("question: %s", (text) => {
    expect(intentOf(text)).toMatchObject({ intent: "question", tier: "first" });
  });

  it.each([
    ["@AcmeHelp no internet for 3 days now", "urgent: no internet for 3 days"],
    ["@AcmeHelp been waiting 5 hours for a technician", "urgent: been waiting 5 hours"],
    ["@AcmeHelp still down, nothing works", "urgent: still down"],
    ["@AcmePower sin luz desde hace 2 días", "urgent: sin luz desde hace 2 días"],
    ["@AcmeHelp my charger is sparking", 'urgent: safety ("sparking")'],
    ["@AcmeHelp need a replacement card asap", 'urgent: "asap"'],
    ["@AcmeTel dringend: Rechnung falsch", 'urgent: "dringend"'],
    ["@AcmeHelp going to switch to Verizon if this isn't fixed", "urgent: churn risk"],
    ["@AcmeBank voy a cancelar mi cuenta", "urgent: churn risk"],
  ])("urgent: %s", (text, reason) => {
    const r = intentOf(text, negative);
    expect(r).toMatchObject({ intent: "urgent", tier: "first" });
    expect(r.reasons[0]).toContain(reason);
  });

  it("a complaint or negative sentiment is dissatisfaction, with the question as a further reason", () => {
    expect(intentOf("@AcmeAir lost my bag again, thanks for nothing", negative)).toEqual({
      intent: "dissatisfaction",
      tier: "first",
      reasons: ["complaint", "negative sentiment"],
    });
    const both = intentOf("@AcmeAir why is my flight delayed again?", negative);
    expect(both.intent).toBe("dissatisfaction");
    expect(both.reasons).toContain("asks a question");
    expect(intentOf("@Acme meh, the app is worse", { sentiment: "negative" }).intent).toBe("dissatisfaction");
  });

  it("a message on an active crisis topic is a crisis unless it is plainly positive", () => {
    const r = intentOf("@AcmeAir is the data breach affecting me?", { crisis: true });
    expect(r).toMatchObject({ intent: "crisis", tier: "first" });
    expect(r.reasons).toEqual(["crisis topic", "asks a question"]);
    expect(intentOf("@AcmeAir the breach!!", { ...negative, crisis: true }).intent).toBe("crisis");
    expect(intentOf("@AcmeAir thanks for the quick fix", { ...positive, crisis: true }).intent).toBe(
      "positive_experience",
    );
  });
});

describe("second tier and spam", () => {
  it("a positive message to the brand is a positive experience", () => {
    expect(intentOf("Love my new @Acme phone, thanks!", positive)).toEqual({
      intent: "positive_experience",
      tier: "second",
      reasons: ["positive experience"],
    });
  });

  it("ignores urgency words in a positive message", () => {
    expect(intentOf("@Acme you're on fire 🔥 right now, urgent thanks", positive).intent).toBe(
      "positive_experience",
    );
  });

  it("a neutral mention with no ask is a general reference", () => {
    expect(intentOf("@Acme launched a new plan today")).toEqual({
      intent: "general_reference",
      tier: "second",
      reasons: ["mentions the brand"],
    });
    expect(
      intentOf("Acme launched a new plan", { mentionsBrand: false, referencesBrand: true }).reasons,
    ).toEqual(["refers to the brand"]);
  });

  it("talk about the industry or a competitor, not addressed to the brand, is an industry reference", () => {
    const r = intentOf("Internet providers are all the same, anyone know a good one?", {
      mentionsBrand: false,
      sentiment: "negative",
    });
    expect(r).toMatchObject({ intent: "industry_reference", tier: "second" });
    expect(r.reasons[0]).toBe("about the industry, not addressed to the brand");
    expect(r.reasons).toContain("asks a question");
  });

  it("an unaddressed message known to be about the brand keeps its first-tier intent", () => {
    const r = intentOf("my Acme router died, no internet for 2 days", {
      ...negative,
      mentionsBrand: false,
      referencesBrand: true,
    });
    expect(r.intent).toBe("urgent");
  });

  it("spam has no tier, whatever else it says", () => {
    expect(intentOf("@Acme URGENT win a free iPhone, click now", { isSpam: true, crisis: true })).toEqual({
      intent: "spam",
      tier: "none",
      reasons: ["spam"],
    });
  });

  it("maps every intent to its S001 tier", () => {
    expect(TIER_OF_INTENT).toMatchObject({
      question: "first",
      dissatisfaction: "first",
      urgent: "first",
      crisis: "first",
      general_reference: "second",
      positive_experience: "second",
      industry_reference: "second",
      spam: "none",
    });
  });
});

describe("cues", () => {
  it.each([
    "Thanks for the help!",
    "When I called they hung up on me",
    "What a great service",
    "How lovely, another delay",
    "Check https://acme.com/help?x=1 for details",
    "Can't log in since this morning",
    "Will never fly with them",
    "Finally figured out how to use the app, love it",
  ])("not a question: %s", (text) => {
    expect(questionReason(text)).toBeNull();
  });

  it.each([
    ["@AcmeHelp Is it just me or is the app down", "asks a question"],
    ["Hi. Does anyone know the opening hours", "asks a question"],
    ["@acme help me please", "asks for help"],
    ["Help!", "asks for help"],
    ["Merci de corriger ma facture", "asks for help"],
    ["bitte helfen, das Paket fehlt", "asks for help"],
  ])("a question: %s", (text, reason) => {
    expect(questionReason(text)).toBe(reason);
  });

  it.each([
    "I'll call back right after lunch",
    "The new plan is out",
    "we were down 3-0 at half time",
    "no worries",
  ])("not urgent: %s", (text) => {
    expect(urgencyReason(text)).toBeNull();
  });

  it("names what was said in the urgency reason", () => {
    expect(urgencyReason("No service for 3 days!!")).toBe("urgent: no service for 3 days");
    expect(urgencyReason("Kein Internet seit 2 Tagen")).toBe("urgent: kein internet seit 2 tagen");
    expect(urgencyReason("sem internet há 2 dias")).toBe("urgent: sem internet há 2 dias");
    expect(urgencyReason("gas leak near the meter")).toBe('urgent: safety ("gas leak")');
  });
});
