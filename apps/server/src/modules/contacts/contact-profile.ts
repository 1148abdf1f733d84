import { type ContactProfile, VIP_TIERS, type VipTier } from "@parley/contracts";
import { and, desc, eq, sql } from "drizzle-orm";
import { type Queryable, queryRows } from "../../platform/db";
import { conversations } from "../../platform/db/schema";
import { found } from "../../platform/http/problem";
import { findContact, toContactDto } from "./contacts.repo";

const TREND_DAYS = 90;
/** Merges chain (a → b → c) only when a survivor is merged later; a few hops always suffice. */
const MAX_MERGE_HOPS = 5;

type Loaded = NonNullable<Awaited<ReturnType<typeof findContact>>>;

/** A contact, following `merged_into` so an old reference opens the surviving contact. */
export async function findLiveContact(db: Queryable, workspaceId: string, id: string) {
  let contact = await findContact(db, workspaceId, id);
  for (let hop = 0; contact?.mergedIntoId && hop < MAX_MERGE_HOPS; hop++)
    contact = await findContact(db, workspaceId, contact.mergedIntoId);
  return contact;
}

const vipTierOf = (v: string | null): VipTier =>
  v && (VIP_TIERS as readonly string[]).includes(v) ? (v as VipTier) : "none";

/** The picture of the most recently updated identity that has one (networks name it differently). */
function avatarOf(identities: Loaded["identities"]): string | null {
  const newest = [...identities].sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime());
  for (const i of newest) {
    const p = i.profile;
    const url = p.avatar_url ?? p.profile_image_url ?? p.picture ?? p.image_url;
    if (typeof url === "string" && url) return url;
  }
  return null;
}

async function recentConversations(db: Queryable, workspaceId: string, contactId: string) {
  const rows = await db
    .select()
    .from(conversations)
    .where(and(eq(conversations.workspaceId, workspaceId), eq(conversations.contactId, contactId)))
    .orderBy(desc(conversations.lastMessageAt), desc(conversations.id))
    .limit(50);
  return rows.map((c) => ({
    id: c.id,
    channel: c.channel,
    status: c.status,
    subject: c.subject,
    preview: c.preview,
    sentiment: c.sentiment,
    priority: c.priority,
    created_at: c.createdAt.toISOString(),
    last_message_at: c.lastMessageAt.toISOString(),
  }));
}

/** The customer's own messages (inbound, in their conversations) per UTC day, last 90 days. */
async function sentimentTrend(db: Queryable, workspaceId: string, contactId: string, now: Date) {
  const since = new Date(now.getTime() - TREND_DAYS * 86_400_000);
  const rows = await queryRows<{ day: string; mean: number; n: number }>(
    db,
    sql`select to_char(m.sent_at at time zone 'UTC', 'YYYY-MM-DD') as day,
               avg(m.sentiment_score)::float8 as mean, count(*)::int as n
        from messages m join conversations c on c.id = m.conversation_id
        where c.workspace_id = ${workspaceId} and c.contact_id = ${contactId}
          and m.workspace_id = ${workspaceId} and m.direction = 'inbound'
          and m.sentiment_score is not null and m.sent_at >= ${since.toISOString()}
        group by 1 order by 1`,
  );
  return rows.map((r) => ({
    date: r.day,
    mean_score: Math.round(Number(r.mean) * 1000) / 1000,
    messages: Number(r.n),
  }));
}

async function totals(db: Queryable, workspaceId: string, contactId: string) {
  const [row] = await queryRows<{ conversations: number; messages: number }>(
    db,
    sql`select count(*)::int as conversations,
               coalesce(sum(c.message_count), 0)::int as messages
        from conversations c where c.workspace_id = ${workspaceId} and c.contact_id = ${contactId}`,
  );
  return { conversations: Number(row?.conversations ?? 0), messages: Number(row?.messages ?? 0) };
}

/** Everything the customer panel shows (SPEC C3); 404 when the contact is not in the workspace. */
export async function loadContactProfile(
  db: Queryable,
  workspaceId: string,
  id: string,
  now: Date,
): Promise<ContactProfile> {
  const contact = found(await findLiveContact(db, workspaceId, id), "Contact");
  const [recent, trend, total] = [
    await recentConversations(db, workspaceId, contact.id),
    await sentimentTrend(db, workspaceId, contact.id, now),
    await totals(db, workspaceId, contact.id),
  ];
  return {
    ...toContactDto(contact),
    vip_tier: vipTierOf(contact.vipTier),
    is_abuse: contact.isAbuse,
    avatar_url: avatarOf(contact.identities),
    conversations: recent,
    sentiment_trend: trend,
    totals: total,
  };
}
