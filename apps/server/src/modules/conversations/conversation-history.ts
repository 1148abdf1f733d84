import type { ConversationEvent } from "@parley/contracts";
import { and, asc, eq, gt, inArray, ne } from "drizzle-orm";
import type { Queryable } from "../../platform/db";
import { apiKeys, contacts, conversationEvents, rules, users } from "../../platform/db/schema";
import { decodeCursor, pageFrom } from "../../platform/http/cursor";

type EventRow = typeof conversationEvents.$inferSelect;
type ActorType = ConversationEvent["actor"]["type"];

/** The log calls the customer a "contact"; the API says "customer". */
const ACTOR_TYPE: Record<EventRow["actorType"], ActorType> = {
  contact: "customer",
  user: "user",
  api_key: "api_key",
  rule: "rule",
  system: "system",
};

const FALLBACK_NAME: Record<ActorType, string> = {
  customer: "Customer",
  user: "Former user",
  api_key: "API key",
  rule: "Deleted rule",
  system: "Parley",
};

const idsOf = (rows: EventRow[], type: EventRow["actorType"]) => [
  ...new Set(rows.filter((r) => r.actorType === type && r.actorId).map((r) => r.actorId as string)),
];

/** One query per actor kind on the page, so a page of 200 events costs at most four lookups. */
async function actorNames(db: Queryable, workspaceId: string, rows: EventRow[]) {
  const names = new Map<string, string>();
  const add = (list: { id: string; name: string }[]) => {
    for (const r of list) names.set(r.id, r.name);
  };
  const userIds = idsOf(rows, "user");
  if (userIds.length)
    add(await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, userIds)));
  const keyIds = idsOf(rows, "api_key");
  if (keyIds.length)
    add(
      await db
        .select({ id: apiKeys.id, name: apiKeys.name })
        .from(apiKeys)
        .where(and(eq(apiKeys.workspaceId, workspaceId), inArray(apiKeys.id, keyIds))),
    );
  const ruleIds = idsOf(rows, "rule");
  if (ruleIds.length)
    add(
      await db
        .select({ id: rules.id, name: rules.name })
        .from(rules)
        .where(and(eq(rules.workspaceId, workspaceId), inArray(rules.id, ruleIds))),
    );
  const contactIds = idsOf(rows, "contact");
  if (contactIds.length)
    add(
      await db
        .select({ id: contacts.id, name: contacts.displayName })
        .from(contacts)
        .where(and(eq(contacts.workspaceId, workspaceId), inArray(contacts.id, contactIds))),
    );
  return names;
}

/** A conversation's history, oldest first (by log position), with each actor's name. */
export async function listConversationEvents(
  db: Queryable,
  workspaceId: string,
  conversationId: string,
  limit: number,
  cursor: string | undefined,
) {
  const after = decodeCursor(cursor, 1)?.[0];
  const where = [
    eq(conversationEvents.workspaceId, workspaceId),
    eq(conversationEvents.conversationId, conversationId),
    // The desk's activity heartbeats (one per agent per 15 s) feed handling time, not the history.
    ne(conversationEvents.type, "agent_activity"),
  ];
  if (after !== undefined) where.push(gt(conversationEvents.seq, Number(after)));
  const rows = await db
    .select()
    .from(conversationEvents)
    .where(and(...where))
    .orderBy(asc(conversationEvents.seq))
    .limit(limit + 1);
  const page = pageFrom(rows, limit, (r) => [r.seq]);
  const names = await actorNames(db, workspaceId, page.items);
  const items: ConversationEvent[] = page.items.map((r) => {
    const type = ACTOR_TYPE[r.actorType];
    return {
      id: String(r.seq),
      type: r.type,
      actor: {
        type,
        id: r.actorId,
        name: (r.actorId && names.get(r.actorId)) || FALLBACK_NAME[type],
      },
      message_id: r.messageId,
      data: r.data,
      created_at: r.occurredAt.toISOString(),
    };
  });
  return { items, next_cursor: page.next_cursor };
}
