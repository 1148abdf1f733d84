/**
 * A small mirror of the server's personal-data guard (apps/server/src/nlp/sensitive.ts, SPEC T4),
 * so the composer warns while the agent types a public reply instead of after a 422. It errs the
 * same way: cards need Luhn, SSNs the SSA rules, account numbers and dates of birth their
 * introducing word; the server stays the judge (it refuses unless `allow_sensitive`).
 */

export type SensitiveKind = "email" | "card" | "ssn" | "account_number" | "date_of_birth" | "phone";

export const SENSITIVE_LABELS: Record<SensitiveKind, string> = {
  email: "an email address",
  card: "a card number",
  ssn: "a social security number",
  account_number: "an account number",
  date_of_birth: "a date of birth",
  phone: "a phone number",
};

const EMAIL = /(?<![\w.%+-])[\w.%+-]+@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9-]+)*\.[a-z]{2,}(?![\w-])/i;
const CARD = /(?<![\d+-])(?<!\d[ -])[2-6]\d{3}(?:[ -]?\d){9,15}(?![ -]?\d)/g;
const SSN = /(?<![\d-])(\d{3})-(\d{2})-(\d{4})(?![\d-])/g;
const ACCOUNT =
  /\b(?:account|acct|a\/c|member(?:ship)?|policy|customer|client)(?:[\s-]*(?:number|num|no\.?|nr\.?|#|id))?[\s:=#.-]*(?:is\s+)?(?=[a-z0-9-]*\d)[a-z0-9][a-z0-9-]{4,22}[a-z0-9]\b/i;
const DATE = String.raw`(?:\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d{2})|\d{4}-\d{1,2}-\d{1,2}|\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?[a-z]{3,9}\.?,?\s+\d{4}|[a-z]{3,9}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4})`;
const DOB = new RegExp(
  String.raw`\b(?:born(?: on)?|dob|d\.o\.b\.?|date of birth|birth ?date|my birthday(?: is)?|birthday(?: is|:))[^\d\n]{0,30}${DATE}`,
  "i",
);
const PHONES = [
  /(?<![\w+])\+\(?\d(?:[ .\-()]{0,2}\d){7,14}(?!\d)/g,
  /(?<![\w+])(?:1[ .-]?)?(?:\(\d{3}\)[ .-]?|\d{3}[ .-])\d{3}[ .-]\d{4}(?!\w)/g,
  /(?<![\w+])0\d{1,4}(?:[ .-]\d{2,8}){1,4}(?!\w)/g,
];
/** Order and tracking numbers and prices look like phones but identify no one. */
const NOT_PHONE_BEFORE =
  /(?:\b(?:order|tracking|track|ticket|case|ref|reference|invoice|confirmation|booking|flight|serial)\b[^\d]{0,20}|#\s*|[$€£¥]\s*)$/i;

export function luhnOk(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (double) d = d > 4 ? d * 2 - 9 : d * 2;
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

const hasCard = (text: string) => [...text.matchAll(CARD)].some((m) => luhnOk(m[0].replace(/[ -]/g, "")));

const hasSsn = (text: string) =>
  [...text.matchAll(SSN)].some(
    ([, area = "", group, serial]) =>
      area !== "000" && area !== "666" && !area.startsWith("9") && group !== "00" && serial !== "0000",
  );

function hasPhone(text: string): boolean {
  for (const re of PHONES) {
    for (const m of text.matchAll(re)) {
      const digits = m[0].replace(/\D/g, "").length;
      const before = text.slice(Math.max(0, m.index - 40), m.index);
      // An SSN shape is never a phone, even when it fails the SSN rules.
      if (/^\d{3}-\d{2}-\d{4}$/.test(m[0])) continue;
      if (digits >= 9 && digits <= 15 && !NOT_PHONE_BEFORE.test(before)) return true;
    }
  }
  return false;
}

/** The kinds of personal data in `text`, in a stable order; empty when there is none. */
export function detectSensitive(text: string): SensitiveKind[] {
  if (!/\d|@/.test(text)) return [];
  const found: SensitiveKind[] = [];
  if (EMAIL.test(text)) found.push("email");
  const card = hasCard(text);
  if (card) found.push("card");
  if (hasSsn(text)) found.push("ssn");
  if (ACCOUNT.test(text)) found.push("account_number");
  if (DOB.test(text)) found.push("date_of_birth");
  // A card number is not also a phone number.
  if (!card && !found.includes("ssn") && hasPhone(text)) found.push("phone");
  return found;
}

/** "a card number and a phone number" */
export function describeSensitive(kinds: readonly SensitiveKind[]): string {
  const words = kinds.map((k) => SENSITIVE_LABELS[k]);
  return words.length <= 1 ? (words[0] ?? "") : `${words.slice(0, -1).join(", ")} and ${words.at(-1)}`;
}
