import { describe, expect, it } from "vitest";
import { loadClassifiers } from "./classifier";
import { detectLanguage } from "./language";

const classifiers = loadClassifiers();

describe("loadClassifiers", () => {
  it("reads every committed model with its labels", () => {
    expect(Object.keys(classifiers.models).sort()).toEqual([
      "category",
      "complaint",
      "offensive",
      "sentiment",
      "spam",
    ]);
    expect(classifiers.models.sentiment.labels).toEqual(["negative", "neutral", "positive"]);
  });

  it("reads thanks as positive", () => {
    const c = classifiers.classify("I love this, thank you!");
    expect(c.sentiment.label).toBe("positive");
    expect(c.sentiment.score).toBeGreaterThan(0.5);
    expect(c.spam.label).toBe("ham");
    expect(c.language).toBe("en");
  });

  it("flags a prize offer as spam", () => {
    expect(classifiers.classify("WIN a FREE iPhone click here").spam.label).toBe("spam");
  });

  it("reads an outage rant as a negative complaint", () => {
    const c = classifiers.classify("my internet has been down for 3 days, this is unacceptable");
    expect(c.sentiment.label).toBe("negative");
    expect(c.sentiment.score).toBeLessThan(-0.5);
    expect(c.complaint.label).toBe("complaint");
  });

  it("gives probabilities that sum to one and a category among the trained labels", () => {
    const c = classifiers.classify("I want a refund for my order");
    const sum = Object.values(c.sentiment.probs).reduce((a, b) => a + b, 0);
    expect(sum).toBeCloseTo(1, 6);
    expect(classifiers.models.category.labels).toContain(c.category.label);
    expect(c.offensive.prob).toBeGreaterThanOrEqual(0);
    expect(c.offensive.prob).toBeLessThanOrEqual(1);
  });

  it("learns from a workspace's spam corrections without touching other workspaces", () => {
    const text = "great tips at my channel, subscribe for daily crypto signals";
    const before = classifiers.classify(text).spam.prob;
    const acme = classifiers.forWorkspace("acme");
    for (let i = 0; i < 5; i++) acme.spam.learn(text, "spam");
    expect(acme.classify(text).spam.prob).toBeGreaterThan(before);
    expect(classifiers.forWorkspace("acme").classify(text).spam.prob).toBeGreaterThan(before);
    expect(classifiers.forWorkspace("globex").classify(text).spam.prob).toBeCloseTo(before, 9);
    expect(classifiers.classify(text).spam.prob).toBeCloseTo(before, 9);
  });

  it("makes one correction hold for the corrected text, either way, in any order", () => {
    const ws = classifiers.forWorkspace("one-correction");
    const promo = "FREE gift card for the first 100 people, click the link in my bio";
    const blog = "nice post, I write about home networking on my blog";
    ws.spam.learn(promo, "ham");
    expect(ws.classify(promo).spam.label).toBe("ham");
    ws.spam.learn(blog, "spam");
    expect(ws.classify(blog).spam.label).toBe("spam");
    expect(ws.classify(promo).spam.label).toBe("ham");
  });
});

describe("detectLanguage", () => {
  it("tells languages apart by script or stopwords, and leaves near-empty posts undetermined", () => {
    expect(detectLanguage("where is my parcel, it was due on monday")).toBe("en");
    expect(detectLanguage("¿dónde está mi pedido? no ha llegado todavía y es muy tarde")).toBe("es");
    expect(detectLanguage("je suis très déçu, le colis n'est pas arrivé")).toBe("fr");
    expect(detectLanguage("注文した商品が届きません")).toBe("ja");
    expect(detectLanguage("👍👍")).toBe("und");
  });
});
