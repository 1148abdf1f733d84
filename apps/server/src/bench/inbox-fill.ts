import { sql } from "drizzle-orm";
import { createUser } from "../modules/users/create-user";
import { createWorkspace } from "../modules/workspaces/create-workspace";
import { type Database, queryRows } from "../platform/db";
import { channelAccounts, teams } from "../platform/db/schema";
import { newId } from "../platform/ids";

export const BENCH_PASSWORD = "bench-inbox-password";

export interface FilledInbox {
  workspaceId: string;
  /** The agent the benchmark signs in as (and the "mine" view's assignee). */
  agentEmail: string;
  conversations: number;
  messages: number;
  fill_s: number;
}

const AGENTS = 12;
const NETWORKS = ["x", "facebook", "instagram", "whatsapp"] as const;

/*
 * Customer texts the previews are drawn from; "refund" is in 2 of 20, so the search view finds
 * about a tenth of the workspace, like a common word would.
 */
const PREVIEWS = [
  "My router keeps dropping the connection every evening",
  "Still waiting for my refund after cancelling last month",
  "Is there an outage in Leeds? No signal since this morning",
  "How do I change the wifi password on the new hub",
  "Thank you for sorting my bill so quickly!",
  "I was charged twice this month, please fix it",
  "Can I keep my number when I switch to your network",
  "The engineer never showed up for the appointment",
  "Roaming in Spain is not working on my phone",
  "Want a refund for the days without internet",
  "Upgrade options for my contract please",
  "Why is my broadband so slow at night",
  "Your app logs me out every time I open it",
  "Great service in the store today, thanks Jo",
  "Need help setting up voicemail",
  "Moving house next week, how do I transfer my line",
  "Is 5G available in my area yet",
  "The bill shows a charge I do not recognise",
  "Please call me back about the complaint I raised",
  "Parcel with the new SIM never arrived",
];

/**
 * Fills a fresh database with one workspace holding `n` conversations (and 1–4 messages each,
 * about 2.5 on average) spread like a busy desk: mostly X and WhatsApp, a fifth still open, a few
 * urgent, 40% unassigned, the rest spread over a dozen agents, 90 days of history. Bulk
 * INSERT ... SELECT generate_series so 100,000 rows take seconds, not the pipeline's minutes.
 */
export async function fillInbox(database: Database, n: number): Promise<FilledInbox> {
  const t0 = performance.now();
  const db = database.db;
  const now = new Date();
  const ws = await createWorkspace(db, { slug: "bench-inbox", name: "Bench inbox", timezone: "UTC" }, now);
  const agentIds: string[] = [];
  for (let i = 0; i < AGENTS; i++) {
    const user = await createUser(
      db,
      {
        workspaceId: ws.id,
        email: `agent${i}@bench.example`,
        name: `Agent ${i}`,
        password: BENCH_PASSWORD,
        role: "agent",
      },
      now,
    );
    agentIds.push(user.id);
  }
  const teamNames = ["Social Care", "Network & Outages", "PR & Escalations"];
  const teamIds = teamNames.map(() => newId());
  await db
    .insert(teams)
    .values(teamIds.map((id, i) => ({ id, workspaceId: ws.id, name: teamNames[i] ?? `Team ${i}` })));
  const accounts = NETWORKS.map((network) => ({ network, id: newId() }));
  await db.insert(channelAccounts).values(
    accounts.map((a) => ({
      id: a.id,
      workspaceId: ws.id,
      network: a.network,
      name: `Bench ${a.network}`,
      handle: `bench_${a.network}`,
      externalAccountId: `bench-${a.network}`,
      baseUrl: "http://127.0.0.1:1",
    })),
  );
  const contacts = Math.max(1, Math.round(n * 0.4));
  await db.execute(sql`
    insert into contacts (id, workspace_id, display_name, handle, post_count, influence_score,
                          first_seen_at, last_seen_at)
    select ${uuidOf("'contact-' || i")}, ${ws.id}, 'Customer ' || i, 'customer_' || i, 1 + i % 9,
           (i * 37) % 100, now() - interval '120 days', now() - (i % 90) * interval '1 day'
    from generate_series(1, ${contacts}) as g(i)`);
  await insertConversations(database, { workspaceId: ws.id, n, contacts, agentIds, teamIds, accounts });
  await insertMessages(database);
  await db.execute(sql`analyze`);
  const [count] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from messages`);
  return {
    workspaceId: ws.id,
    agentEmail: "agent0@bench.example",
    conversations: n,
    messages: count?.n ?? 0,
    fill_s: Math.round((performance.now() - t0) / 100) / 10,
  };
}

/** A stable, valid (version 4 shaped) uuid from a SQL text expression: rows can refer to each other. */
const uuidOf = (expr: string) =>
  sql.raw(`overlay(overlay(md5(${expr}) placing '4' from 13) placing '8' from 17)::uuid`);
const uuidArray = (ids: string[]) => sql.raw(`'{${ids.join(",")}}'::uuid[]`);
const textArray = (items: readonly string[]) =>
  sql.raw(`array[${items.map((t) => `'${t.replaceAll("'", "''")}'`).join(",")}]`);

async function insertConversations(
  database: Database,
  f: {
    workspaceId: string;
    n: number;
    contacts: number;
    agentIds: string[];
    teamIds: string[];
    accounts: { network: string; id: string }[];
  },
) {
  const accountOf = (network: string) => f.accounts.find((a) => a.network === network)?.id ?? "";
  // r.c picks the channel, r.s the status, r.p the priority, r.a the assignee, r.t the age.
  await database.db.execute(sql`
    insert into conversations (id, workspace_id, channel, channel_account_id, contact_id, status,
      priority, priority_score, priority_reasons, assignee_id, team_id, subject, preview, has_public,
      has_private, sentiment, language, message_count, first_customer_message_at,
      last_customer_message_at, last_message_at, created_at, updated_at)
    select ${uuidOf("'conversation-' || g.i")}, ${f.workspaceId}, ch.network, ch.account,
      ${uuidOf(`'contact-' || (1 + (g.i * 7919) % ${f.contacts})`)},
      case when r.s < 0.08 then 'new' when r.s < 0.17 then 'open' when r.s < 0.21 then 'pending'
           when r.s < 0.22 then 'escalated' when r.s < 0.80 then 'resolved' when r.s < 0.97 then 'closed'
           else 'spam' end,
      pr.priority, pr.score, to_jsonb(array[pr.priority || ' priority signals']),
      case when r.a < 0.4 then null else (${uuidArray(f.agentIds)})[1 + floor((r.a - 0.4) / 0.6 * ${f.agentIds.length})::int] end,
      (${uuidArray(f.teamIds)})[1 + g.i % ${f.teamIds.length}],
      '', (${textArray(PREVIEWS)})[1 + floor(r.w * ${PREVIEWS.length})::int] || ' (#' || g.i || ')',
      ch.network <> 'whatsapp', ch.network = 'whatsapp' or r.w < 0.3,
      (array['negative','neutral','positive'])[1 + g.i % 3], 'en', 1 + g.i % 4,
      now() - r.t * interval '90 days', now() - r.t * interval '90 days',
      now() - r.t * interval '90 days', now() - r.t * interval '90 days' - interval '1 hour',
      now() - r.t * interval '90 days'
    from generate_series(1, ${f.n}) as g(i)
    cross join lateral (select random() + g.i * 0 as c, random() as s, random() as p,
                               random() as a, random() as t, random() as w) r
    cross join lateral (select case when r.c < 0.40 then 'x' when r.c < 0.60 then 'facebook'
                                    when r.c < 0.75 then 'instagram' else 'whatsapp' end as network) chn
    cross join lateral (select chn.network,
      case chn.network when 'x' then ${accountOf("x")}::uuid when 'facebook' then ${accountOf("facebook")}::uuid
        when 'instagram' then ${accountOf("instagram")}::uuid else ${accountOf("whatsapp")}::uuid end as account) ch
    cross join lateral (select
      case when r.p < 0.03 then 'urgent' when r.p < 0.15 then 'high' when r.p < 0.75 then 'normal' else 'low' end as priority,
      case when r.p < 0.03 then 90 when r.p < 0.15 then 70 when r.p < 0.75 then 40 else 10 end
        + floor(random() * 10)::int as score) pr`);
}

/** 1–4 messages per conversation, alternating customer and agent, ending at last_message_at. */
async function insertMessages(database: Database) {
  await database.db.execute(sql`
    insert into messages (id, workspace_id, conversation_id, channel, channel_account_id, direction,
      visibility, kind, external_id, text, delivery_status, sent_at, received_at, created_at)
    select gen_random_uuid(), c.workspace_id, c.id, c.channel, c.channel_account_id,
      case when m.j % 2 = 1 then 'inbound' else 'outbound' end,
      case when c.channel = 'whatsapp' then 'private' else 'public' end,
      case when c.channel = 'whatsapp' then 'dm' when m.j = 1 then 'post' else 'reply' end,
      'bench-' || c.id || '-' || m.j,
      case when m.j % 2 = 1 then c.preview else 'Thanks for reaching out, we are looking into it.' end,
      case when m.j % 2 = 1 then 'received' else 'sent' end,
      c.last_message_at - (c.message_count - m.j) * interval '7 minutes',
      c.last_message_at - (c.message_count - m.j) * interval '7 minutes',
      c.last_message_at - (c.message_count - m.j) * interval '7 minutes'
    from conversations c cross join lateral generate_series(1, c.message_count) as m(j)`);
}
