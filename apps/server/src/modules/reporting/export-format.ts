/*
 * The export's wire formats (SPEC M8): CSV (RFC 4180, one row per conversation, lists joined with
 * "|") and JSON (one array). Written a batch at a time so memory stays bounded.
 */
import type { ConversationFactsRow } from "@parley/contracts";

export const EXPORT_COLUMNS = [
  "conversation_id",
  "channel",
  "team_id",
  "assignee_id",
  "category",
  "status",
  "started_at",
  "started_by",
  "inbound_messages",
  "spam_messages",
  "responses",
  "agent_replies",
  "is_spam",
  "customer_channels",
  "first_response_s",
  "first_response_in_hours",
  "response_count",
  "response_sum_s",
  "response_in_hours_count",
  "response_in_hours_sum_s",
  "sentiment_start",
  "sentiment_end",
  "sentiment_converted",
  "first_assigned_at",
  "queue_s",
  "resolved_at",
  "resolution_s",
  "reopened",
  "first_contact_resolution",
  "escalated",
  "sla_first_response",
  "sla_resolution",
  "handling_s",
  "disposition",
] as const satisfies readonly (keyof ConversationFactsRow)[];

function csvCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  const text = Array.isArray(value) ? value.join("|") : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvLine(row: ConversationFactsRow): string {
  return `${EXPORT_COLUMNS.map((c) => csvCell(row[c])).join(",")}\r\n`;
}

export const csvHeader = () => `${EXPORT_COLUMNS.join(",")}\r\n`;

/** The export as text chunks: a header (or "["), each batch, then the end. */
export async function* exportChunks(
  batches: AsyncIterable<ConversationFactsRow[]>,
  format: "csv" | "json",
): AsyncGenerator<string> {
  if (format === "csv") {
    yield csvHeader();
    for await (const rows of batches) if (rows.length) yield rows.map(csvLine).join("");
    return;
  }
  yield "[";
  let first = true;
  for await (const rows of batches) {
    if (rows.length === 0) continue;
    yield `${first ? "" : ","}${rows.map((r) => JSON.stringify(r)).join(",")}`;
    first = false;
  }
  yield "]\n";
}
