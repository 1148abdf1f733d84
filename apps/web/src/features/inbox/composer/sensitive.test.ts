import { describe, expect, it } from "vitest";
import { describeSensitive, detectSensitive } from "./sensitive";

describe("detectSensitive", () => {
  it("finds a card number only when it passes Luhn", () => {
    expect(detectSensitive("my card is 4111 1111 1111 1111")).toEqual(["card"]);
    expect(detectSensitive("my card is 4111 1111 1111 1112")).toEqual([]);
  });

  it("finds emails, SSNs, account numbers and dates of birth", () => {
    expect(detectSensitive("write to jane.doe@example.com")).toEqual(["email"]);
    expect(detectSensitive("SSN 123-45-6789")).toEqual(["ssn"]);
    expect(detectSensitive("SSN 000-45-6789")).toEqual([]);
    expect(detectSensitive("your account number is 88812345")).toEqual(["account_number"]);
    expect(detectSensitive("born on 12/03/1984")).toEqual(["date_of_birth"]);
  });

  it("finds phone numbers but not order numbers or prices", () => {
    expect(detectSensitive("call me on +44 20 7946 0958")).toEqual(["phone"]);
    expect(detectSensitive("call 555-123-4567")).toEqual(["phone"]);
    expect(detectSensitive("order #555 123 4567 shipped")).toEqual([]);
    expect(detectSensitive("It costs $20 and ships in 3 days")).toEqual([]);
  });

  it("finds nothing in an everyday reply", () => {
    expect(detectSensitive("Sorry for the outage in 2026, it is fixed now!")).toEqual([]);
  });

  it("names what it found in a sentence", () => {
    expect(describeSensitive(["card", "phone"])).toBe("a card number and a phone number");
    expect(describeSensitive(["email", "card", "phone"])).toBe(
      "an email address, a card number and a phone number",
    );
  });
});
