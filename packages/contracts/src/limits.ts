/*
 * Per-network text limits, shared by the composer (character counters) and the connectors
 * (refusing before sending). X counts "weighted" characters (twitter-text v3): most scripts
 * outside Latin and every emoji count 2, every URL counts 23.
 */

const URL_PATTERN =
  /\bhttps?:\/\/[^\s]+|\b(?:[a-z0-9-]+\.)+(?:com|net|org|io|co|ly|gl|me|dev|app|uk|de|fr|es)(?:\/[^\s]*)?/gi;
const EMOJI_PATTERN =
  /\p{Extended_Pictographic}(?:\u{FE0F}|\p{Emoji_Modifier})?(?:\u{200D}\p{Extended_Pictographic}(?:\u{FE0F}|\p{Emoji_Modifier})?)*|\p{Regional_Indicator}{2}/gu;
const LIGHT_RANGES: [number, number][] = [
  [0x0000, 0x10ff],
  [0x2000, 0x200d],
  [0x2010, 0x201f],
  [0x2032, 0x2037],
];

function weightOf(codePoint: number): number {
  return LIGHT_RANGES.some(([lo, hi]) => codePoint >= lo && codePoint <= hi) ? 1 : 2;
}

/** The length X counts against its 280 limit. */
export function xWeightedLength(text: string): number {
  let rest = text.normalize("NFC");
  let total = 0;
  rest = rest.replace(URL_PATTERN, () => {
    total += 23;
    return "";
  });
  rest = rest.replace(EMOJI_PATTERN, () => {
    total += 2;
    return "";
  });
  for (const ch of rest) total += weightOf(ch.codePointAt(0) ?? 0);
  return total;
}

export const TEXT_LIMITS = {
  x: { public: 280, private: 10_000 },
  facebook: { public: 8000, private: 2000 },
  instagram: { public: 2200, private: 1000 },
  whatsapp: { public: 4096, private: 4096 },
} as const;

/** How long after the customer's last private message a free-form private reply is allowed. */
export const MESSAGING_WINDOW_MS = {
  facebook: 24 * 3_600_000,
  instagram: 24 * 3_600_000,
  whatsapp: 24 * 3_600_000,
} as const;
/** Messenger's HUMAN_AGENT tag stretches the window for a person's answer to 7 days. */
export const HUMAN_AGENT_WINDOW_MS = 7 * 24 * 3_600_000;
