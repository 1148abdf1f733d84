import { describe, expect, it } from "vitest";
import { findSensitive, ibanChecksumOk, luhnOk, redact, sensitiveKinds } from "./sensitive";

/** What was found, as [kind, the text of the span]: readable in a failing test. */
function found(text: string): [string, string][] {
  return findSensitive(text).map((s) => [s.kind, text.slice(s.start, s.end)]);
}

describe("true positives", () => {
  it.each([
    ["@AcmeBank my card 4111 1111 1111 1111 was charged twice", "card", "4111 1111 1111 1111"],
    ["charged on 5500-0000-0000-0004 again??", "card", "5500-0000-0000-0004"],
    ["amex 378282246310005 declined", "card", "378282246310005"],
    ["@AcmeHelp my SSN is 123-45-6789, why do you need it", "ssn", "123-45-6789"],
    ["SSN: 123 45 6789", "ssn", "123 45 6789"],
    ["social security number 078051120 pls fix", "ssn", "078051120"],
    ["my account number is 12345678 and still no refund", "account_number", "12345678"],
    ["acct#00012345 locked out", "account_number", "00012345"],
    ["member ID: XJ4829103 please check", "account_number", "XJ4829103"],
    ["policy no. 7781-2290-11 was cancelled without notice", "account_number", "7781-2290-11"],
    ["customer number 4455667788 @AcmeHelp", "account_number", "4455667788"],
    ["mi número de cuenta es 11223344", "account_number", "11223344"],
    ["numéro de compte : 55667788 svp", "account_number", "55667788"],
    ["Kontonummer: 12345678, bitte prüfen", "account_number", "12345678"],
    ["Kunden-Nr. 99887766 wartet seit Tagen", "account_number", "99887766"],
    ["minha conta é 99887766", "account_number", "99887766"],
    ["call me at (555) 123-4567 asap", "phone", "(555) 123-4567"],
    ["my number is 555.123.4567", "phone", "555.123.4567"],
    ["ring me on +44 20 7946 0958", "phone", "+44 20 7946 0958"],
    ["+1 (555) 123-4567 is my cell", "phone", "+1 (555) 123-4567"],
    ["rappelez-moi au 06 12 34 56 78 merci", "phone", "06 12 34 56 78"],
    ["llámame al 612 34 56 78", "phone", "612 34 56 78"],
    ["text me 5551234567", "phone", "5551234567"],
    ["Ruf mich an: 030 12345678", "phone", "030 12345678"],
    ["email me at john.doe+acme@example.co.uk", "email", "john.doe+acme@example.co.uk"],
    ["DM'd you, it's Jane_D@mail.com", "email", "Jane_D@mail.com"],
    ["born on 03/04/1990, account holder", "date_of_birth", "03/04/1990"],
    ["DOB: March 3rd, 1985", "date_of_birth", "March 3rd, 1985"],
    ["date of birth 1985-03-03", "date_of_birth", "1985-03-03"],
    ["my birthday is 3 May 1990", "date_of_birth", "3 May 1990"],
    ["fecha de nacimiento 3 de marzo de 1985", "date_of_birth", "3 de marzo de 1985"],
    ["née le 3 mars 1985", "date_of_birth", "3 mars 1985"],
    ["geboren am 3. März 1985", "date_of_birth", "3. März 1985"],
    ["data de nascimento: 03/03/1985", "date_of_birth", "03/03/1985"],
    ["12/05/1979 (DOB) if you need it", "date_of_birth", "12/05/1979"],
    ["IBAN DE89 3704 0044 0532 0130 00 THANKS", "iban", "DE89 3704 0044 0532 0130 00"],
    ["refund to GB82WEST12345698765432 please", "iban", "GB82WEST12345698765432"],
    ["mi IBAN ES91 2100 0418 4502 0005 1332", "iban", "ES91 2100 0418 4502 0005 1332"],
  ])("%s", (text, kind, value) => {
    expect(found(text)).toEqual([[kind, value]]);
  });
});

describe("false positives avoided", () => {
  it.each([
    "card 4111-1111-1111-1112 fails Luhn",
    "order #1234567812345670 hasn't shipped", // Luhn-valid but starts with 1: no card network
    "tracking 9400 1000 0000 0000 0000 00 still in transit",
    "my SSN is 666-12-3456",
    "ssn 900-12-3456",
    "000-12-3456 and 123-00-4567 and 123-45-0000",
    "order number 12345678 still not here",
    "customer since 2009 and never this bad",
    "my account 12345 was charged", // too short
    "account for 50% of complaints",
    "order 555-123-4567 never arrived",
    "ticket #555 123 4567",
    "tracking number 0123 456 789 says delivered",
    "price went from $1 299 to 600 000 000 € lol",
    "on 05.11.2023 10:30 the app crashed",
    "I paid $1,299.99 in 2019-2020 at 10:30",
    "flight 1234567890 delayed 3 hours",
    "I've been waiting since 12/03/2023",
    "bought it for my son's birthday on 12/03/2023 and it broke",
    "I was born in 1985 and never saw service this bad",
    "DE89 3704 0044 0532 0130 01 is not a valid IBAN",
    "@AcmeHelp hello", // a mention is not an email
    "5551234567", // ten bare digits without a phone word
    "call me in 2 hours",
    "version 10.2.3.4567 breaks wifi",
  ])("%s", (text) => {
    expect(found(text)).toEqual([]);
  });
});

describe("overlaps", () => {
  it("a card is not also a phone or an account number", () => {
    expect(found("account 4111 1111 1111 1111")).toEqual([["card", "4111 1111 1111 1111"]]);
    // 16 digits after "acct" are also a well-formed account number: the card wins.
    expect(found("acct 4111111111111111 declined")).toEqual([["card", "4111111111111111"]]);
  });

  it("an email holding digits stays one email", () => {
    expect(found("reach me: jane.5551234567@example.com")).toEqual([
      ["email", "jane.5551234567@example.com"],
    ]);
  });

  it("an account number shaped like a phone is an account number", () => {
    expect(found("my account number is 555-123-4567")).toEqual([["account_number", "555-123-4567"]]);
  });

  it("finds several kinds in one message, in text order", () => {
    const text = "@AcmeBank card 4111111111111111, DOB 01/02/1980, call 555-123-4567 or a@b.io";
    expect(found(text).map(([k]) => k)).toEqual(["card", "date_of_birth", "phone", "email"]);
  });
});

describe("redact and kinds", () => {
  it("replaces each span with its kind", () => {
    const text = "card 4111 1111 1111 1111, call +44 20 7946 0958";
    expect(redact(text, findSensitive(text))).toBe("card [card], call [phone]");
  });

  it("leaves text without spans untouched and ignores overlapping spans", () => {
    expect(redact("hello", [])).toBe("hello");
    const spans = [
      { kind: "phone" as const, start: 0, end: 5 },
      { kind: "email" as const, start: 2, end: 4 },
    ];
    expect(redact("12345 ok", spans)).toBe("[phone] ok");
  });

  it("lists distinct kinds in a stable order", () => {
    const text = "555-123-4567, a@b.io, 555-765-4321";
    expect(sensitiveKinds(findSensitive(text))).toEqual(["email", "phone"]);
    expect(sensitiveKinds([])).toEqual([]);
  });

  it("never returns the value itself", () => {
    const [span] = findSensitive("card 4111 1111 1111 1111");
    expect(Object.keys(span ?? {}).sort()).toEqual(["end", "kind", "start"]);
  });
});

describe("checksums", () => {
  it("Luhn", () => {
    expect(luhnOk("4111111111111111")).toBe(true);
    expect(luhnOk("4111111111111112")).toBe(false);
    expect(luhnOk("79927398713")).toBe(true);
  });

  it("IBAN mod 97", () => {
    expect(ibanChecksumOk("GB82WEST12345698765432")).toBe(true);
    expect(ibanChecksumOk("GB82WEST12345698765433")).toBe(false);
    expect(ibanChecksumOk("FR1420041010050500013M02606")).toBe(true);
  });
});
