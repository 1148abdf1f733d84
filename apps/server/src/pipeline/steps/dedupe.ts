import { sql } from "drizzle-orm";
import { type Queryable, queryRows } from "../../platform/db";
import type { EventWork } from "../work";
import { liveItems, personKey, recordset } from "./batch";

/**
 * Drops messages already stored or delivered twice in this batch (stream, webhook and poll overlap;
 * networks redeliver): one message per network id, whatever the route (SPEC L3).
 */
export async function dedupe(db: Queryable, works: EventWork[]): Promise<void> {
  const seen = new Set<string>();
  const items = liveItems(works);
  for (const { work, it } of items) {
    const key = personKey(work.channel.workspaceId, it.item.network, it.item.externalId);
    if (seen.has(key)) it.skip = "duplicate delivery";
    seen.add(key);
  }
  if (seen.size === 0) return;
  const wanted = items.map(({ work, it }) => ({
    ws: work.channel.workspaceId,
    ch: it.item.network,
    id: it.item.externalId,
  }));
  const stored = await queryRows<{ ws: string; ch: string; id: string }>(
    db,
    sql`select m.workspace_id as ws, m.channel as ch, m.external_id as id
        from ${recordset(wanted, "ws uuid, ch text, id text")}
        join messages m on m.workspace_id = v.ws and m.channel = v.ch and m.external_id = v.id`,
  );
  const known = new Set(stored.map((r) => personKey(r.ws, r.ch, r.id)));
  for (const { work, it } of items)
    if (known.has(personKey(work.channel.workspaceId, it.item.network, it.item.externalId)))
      it.skip = "already stored";
}
