import { describe, expect, it } from "vitest";
import { looksLikeSurveyAnswer, parseSurveyAnswer } from "./answer-parse";

describe("CSAT answers", () => {
  it.each([
    ["5", 5, null],
    ["4/5", 4, null],
    ["4 / 5", 4, null],
    ["5 - great service", 5, "great service"],
    ["3: the wait was long", 3, "the wait was long"],
    ["5!", 5, null],
    ["5 great service, thanks Sam", 5, "great service, thanks Sam"],
    ["⭐⭐⭐⭐", 4, null],
    ["★★ slow answer", 2, "slow answer"],
    ["⭐️⭐️⭐️⭐️⭐️ brilliant", 5, "brilliant"],
    ["five", 5, null],
    ["Five stars, sorted in minutes", 5, "sorted in minutes"],
    ["4 out of 5", 4, null],
    ["two out of five. Took three days", 2, "Took three days"],
    ["@acme 4 - thanks", 4, "thanks"],
    ["I'd give it a 4", 4, null],
    ["rating: 2, nobody read my DM", 2, "nobody read my DM"],
    ["cinco", 5, null],
    ["cuatro de cinco", 4, null],
    ["quatre sur cinq, merci", 4, "merci"],
    ["vier von fünf", 4, null],
    ["Honestly 3/5, the first agent was rude", 3, "Honestly, the first agent was rude"],
    ["1 😡", 1, "😡"],
  ])("%j → %d", (text, score, comment) => {
    expect(parseSurveyAnswer(text, "csat")).toEqual({ score, comment });
  });

  it.each([
    "6",
    "10",
    "0",
    "8/10",
    "my bill is 5 days late",
    "5 days without internet!",
    "3 de mayo y sigo sin línea",
    "one more thing: the router is blinking red",
    "still not working",
    "Thanks!",
    "",
    "   ",
    "@acme",
    "2 hours on hold and nothing",
    "un problema con mi factura",
  ])("%j is not a CSAT answer", (text) => {
    expect(parseSurveyAnswer(text, "csat")).toBeNull();
  });
});

describe("NPS answers", () => {
  it.each([
    ["10", 10, null],
    ["0", 0, null],
    ["9 out of 10", 9, null],
    ["8/10 would be 10 if the app worked", 8, "would be 10 if the app worked"],
    ["nine", 9, null],
    ["Ten!", 10, null],
    ["zero. Switching to Globex", 0, "Switching to Globex"],
    ["neuf sur dix", 9, null],
    ["nueve", 9, null],
    ["zehn von zehn, super", 10, "super"],
    ["7 - ok I guess", 7, "ok I guess"],
    ["My score is 6", 6, null],
    ["Fair enough, 6/10", 6, "Fair enough,"],
  ])("%j → %d", (text, score, comment) => {
    expect(parseSurveyAnswer(text, "nps")).toEqual({ score, comment });
  });

  it.each(["11", "⭐⭐⭐⭐⭐", "4/5", "10 days and still no refund", "eleven", "why do you ask"])(
    "%j is not an NPS answer",
    (text) => {
      expect(parseSurveyAnswer(text, "nps")).toBeNull();
    },
  );
});

it("tells the pipeline which replies are worth a survey look-up", () => {
  expect(looksLikeSurveyAnswer("⭐⭐⭐")).toBe(true);
  expect(looksLikeSurveyAnswer("9")).toBe(true);
  expect(looksLikeSurveyAnswer("my internet is down again")).toBe(false);
});
