import { findSensitive, type SensitiveKind, sensitiveKinds } from "@parley/contracts";

/**
 * The composer warns with the server's own personal-data guard (packages/contracts/src/sensitive.ts,
 * SPEC T4): what it flags while the agent types a public reply is exactly what the server would
 * refuse without `allow_sensitive`.
 */

export type { SensitiveKind };

export const SENSITIVE_LABELS: Record<SensitiveKind, string> = {
  email: "an email address",
  iban: "a bank account (IBAN)",
  card: "a card number",
  ssn: "a social security number",
  account_number: "an account number",
  date_of_birth: "a date of birth",
  phone: "a phone number",
};

/** The kinds of personal data in `text`, in the guard's order; empty when there is none. */
export function detectSensitive(text: string): SensitiveKind[] {
  return sensitiveKinds(findSensitive(text));
}

/** "a card number and a phone number" */
export function describeSensitive(kinds: readonly SensitiveKind[]): string {
  const words = kinds.map((k) => SENSITIVE_LABELS[k]);
  return words.length <= 1 ? (words[0] ?? "") : `${words.slice(0, -1).join(", ")} and ${words.at(-1)}`;
}
