import { type SQL, sql } from "drizzle-orm";
import type { EventWork, ItemWork } from "../work";

/** The messages of a batch still going through, oldest first (parents before their replies). */
export function liveItems(works: EventWork[]): { work: EventWork; it: ItemWork }[] {
  return works
    .filter((w) => !w.outcome)
    .flatMap((work) => work.items.filter((it) => !it.skip).map((it) => ({ work, it })))
    .sort((a, b) => a.it.item.sentAt.getTime() - b.it.item.sentAt.getTime());
}

/**
 * Rows as a table inside one statement (`jsonb_to_recordset`): one parameter whatever the batch
 * size, the same on PGlite and node-postgres. `columns` is trusted SQL: `a uuid, b text`.
 */
export function recordset(rows: object[], columns: string): SQL {
  return sql`jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as v(${sql.raw(columns)})`;
}

/** The customer a message is about: its author, or for the brand's own messages, whom it went to. */
export const customerOf = (it: ItemWork) => (it.item.fromBrand ? it.item.recipient : it.item.author);

export const personKey = (workspaceId: string, network: string, externalId: string) =>
  `${workspaceId}|${network}|${externalId}`;
