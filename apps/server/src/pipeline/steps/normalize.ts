import type { InboundItem } from "../../connectors/connector";
import { connectorFor } from "../../connectors/registry";
import { dlq, ok, type StepResult } from "../result";
import type { EventWork } from "../work";

/** Longest text kept on a message; anything beyond is cut (a network never sends more). */
export const MAX_TEXT_CHARS = 100_000;

// C0 controls but tab and newline, DEL, C1 controls, and invisible characters that carry no
// meaning in a post (zero-width space, word joiner, BOM). ZWJ stays: emoji sequences need it.
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
const INVISIBLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B\u2060\uFEFF]/g;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text as agents and models should see it: NFC, well-formed, without invisible characters. */
export function cleanText(text: unknown): string {
  const s = typeof text === "string" ? text : "";
  return clip(
    s.replace(LONE_SURROGATE, "\uFFFD").normalize("NFC").replace(INVISIBLE, "").replace(/\r\n?/g, "\n"),
    MAX_TEXT_CHARS,
  );
}

/** At most `n` UTF-16 units, never cutting an emoji or other astral character in half. */
export function clip(text: string, n: number): string {
  if (text.length <= n) return text;
  const code = text.charCodeAt(n - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? n - 1 : n);
}

/** Parses the raw delivery with its network's connector into messages and delivery updates. */
export function normalize(work: EventWork): StepResult {
  const connector = connectorFor(work.event.network);
  if (!connector) return dlq(`no connector for network "${work.event.network}"`);
  let items: InboundItem[];
  try {
    items = connector.parse(work.event.payload, work.channel);
    work.updates = connector.deliveryUpdates?.(work.event.payload, work.channel) ?? [];
  } catch (err) {
    return dlq(`unreadable ${work.event.network} payload: ${(err as Error).message}`);
  }
  for (const raw of items) {
    if (typeof raw.externalId !== "string" || raw.externalId === "")
      return dlq("a message in the payload has no id");
    const sentAt =
      raw.sentAt instanceof Date && !Number.isNaN(raw.sentAt.getTime()) ? raw.sentAt : work.event.receivedAt;
    work.items.push({ item: { ...raw, text: cleanText(raw.text), sentAt }, triage: null });
  }
  return ok;
}
