import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadClassifiers } from "./classifier";
import { DatasetError, datasetsDir, readJsonlAs, TASKS } from "./datasets";
import { spamFlagged, twcsCustomerTexts } from "./twcs-check";

const REPO_ROOT = fileURLToPath(new URL("../../../../", import.meta.url));
const TWCS_DEV = path.join(datasetsDir(REPO_ROOT), "twcs", "twcs_dev.csv");
const classifiers = loadClassifiers();

describe("spam filter on real customer tweets (SPEC T1)", () => {
  it("flags under 2% of the TWCS customer tweets, a corpus never used in training", async () => {
    const texts = await twcsCustomerTexts(TWCS_DEV);
    expect(texts.length).toBeGreaterThan(1_000);
    const report = spamFlagged(texts, classifiers);
    expect(report.customerTweets).toBe(texts.length);
    expect(report.flaggedRate).toBeLessThan(0.02);
  });

  it("keeps link-only and brand-mention tweets as ham and still catches prize spam", () => {
    for (const text of [
      "@AppleSupport  https://t.co/NV0yucs0lB",
      "@VerizonSupport my phone keeps dropping calls, any fix? https://t.co/abc123",
      "Thanks @Kimpton ! https://t.co/ylSiLp2BFH",
    ])
      expect(classifiers.classify(text).spam.label, text).toBe("ham");
    expect(
      classifiers.classify("WINNER!! You have won a £1000 prize. Call 09061701461 to claim now").spam.label,
    ).toBe("spam");
    expect(classifiers.classify("Check out my channel and subscribe!! http://bit.ly/x").spam.label).toBe(
      "spam",
    );
  });

  it("was selected with a real threshold and met the hold-out targets it records", () => {
    const meta = classifiers.models.spam.meta as {
      threshold: number;
      trainedOn: string[];
      validation: {
        sms_youtube: { per_label: { spam: { f1: number } }; negative_class_flagged_rate: number };
        social_ham_flagged_rate: number;
      };
    };
    expect(meta.threshold).toBeGreaterThan(0.1);
    expect(meta.threshold).toBeLessThan(0.99);
    expect(meta.trainedOn).toHaveLength(TASKS.spam.files.length + TASKS.spam.hamFiles.length);
    expect(meta.validation.sms_youtube.per_label.spam.f1).toBeGreaterThanOrEqual(0.93);
    expect(meta.validation.sms_youtube.negative_class_flagged_rate).toBeLessThanOrEqual(0.005);
    expect(meta.validation.social_ham_flagged_rate).toBeLessThanOrEqual(0.005);
  });
});

describe("readJsonlAs", () => {
  it("reads every line as the given label and still rejects malformed lines", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "parley-ham-"));
    const ok = path.join(dir, "ok.jsonl");
    writeFileSync(ok, `${JSON.stringify({ text: "where is my order", label: "ORDER" })}\n\n`);
    expect(readJsonlAs(ok, "ham")).toEqual([{ text: "where is my order", label: "ham", source: ok }]);
    const bad = path.join(dir, "bad.jsonl");
    writeFileSync(bad, `${JSON.stringify({ text: 3, label: "x" })}\n`);
    expect(() => readJsonlAs(bad, "ham")).toThrow(DatasetError);
  });
});
