import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ChannelRow } from "../modules/channels/channels.repo";
import { createWorkspace } from "../modules/workspaces/create-workspace";
import { type BackgroundWork, startBackgroundWork } from "../outbox/workers";
import { fixedClock } from "../platform/clock";
import { conversations, listeningProfiles, messages } from "../platform/db/schema";
import { newId } from "../platform/ids";
import { insertXAccount } from "../testing/fixtures";
import { createTestApp, type TestApp } from "../testing/harness";

/* The pipeline's decisions on real X payloads: threading (SPEC C1), triage (T2-T4), listening (L2). */
const BRAND = "9000000001";
const clock = fixedClock(new Date("2026-03-02T09:00:00Z"));
let t: TestApp;
let worker: BackgroundWork;
let channel: ChannelRow;
let seq = 0;

beforeAll(async () => {
  t = await createTestApp({ clock });
  const ws = await createWorkspace(
    t.database.db,
    { slug: "pipe", name: "Pipe", timezone: "UTC" },
    clock.now(),
  );
  channel = await insertXAccount(t.database.db, ws.id, { handle: null, externalAccountId: BRAND });
  await t.database.db.insert(listeningProfiles).values({
    id: newId(),
    workspaceId: ws.id,
    name: "Competitors",
    kind: "competitor",
    include: ["globex"],
  });
  worker = await startBackgroundWork(t.deps, { error: () => {}, warn: () => {} }, { autostart: false });
});
afterAll(async () => {
  await worker?.stop();
  await t?.close();
});

interface Post {
  from: string;
  text: string;
  replyTo?: string;
  thread?: string;
  dm?: boolean;
  followers?: number;
}
/** Delivers one post (v2 shape) or DM (v1.1 Account Activity shape) and runs the pipeline. */
async function post(p: Post): Promise<string> {
  const id = String(1_900_000_000_000_000_000n + BigInt(++seq));
  const at = clock.now().toISOString();
  const payload = p.dm
    ? {
        for_user_id: BRAND,
        direct_message_events: [
          {
            type: "message_create",
            id,
            created_timestamp: String(clock.now().getTime()),
            message_create: {
              sender_id: p.from,
              target: { recipient_id: BRAND },
              message_data: { text: p.text },
            },
          },
        ],
        users: { [p.from]: { id: p.from, screen_name: `u${p.from}`, name: `User ${p.from}` } },
      }
    : {
        data: {
          id,
          text: p.text,
          author_id: p.from,
          created_at: at,
          conversation_id: p.thread ?? id,
          ...(p.replyTo ? { referenced_tweets: [{ type: "replied_to", id: p.replyTo }] } : {}),
        },
        includes: {
          users: [
            {
              id: p.from,
              username: `u${p.from}`,
              name: `User ${p.from}`,
              public_metrics: { followers_count: p.followers ?? 10 },
            },
          ],
        },
      };
  await t.deps.inbound.accept({ channel, idempotencyKey: `test:${id}`, payload });
  await worker.tick();
  return id;
}
const conversationOf = async (externalId: string) =>
  (await t.database.db.select().from(messages).where(eq(messages.externalId, externalId)))[0]?.conversationId;
const conversation = async (id: string | undefined) =>
  (
    await t.database.db
      .select()
      .from(conversations)
      .where(eq(conversations.id, id ?? ""))
  )[0];

describe("threading", () => {
  it("puts a customer's DM after their public complaint in the same conversation", async () => {
    const complaint = await post({
      from: "501",
      text: "@acme_help my fibre is down again, third time this week",
    });
    const dm = await post({ from: "501", text: "here is my postcode as asked: LS1 4AB", dm: true });
    expect(await conversationOf(dm)).toBe(await conversationOf(complaint));
  });

  it("follows a public reply chain, but keeps another customer's post in the same thread apart", async () => {
    const root = await post({ from: "601", text: "@acme_help is the app down for anyone else?" });
    const chimeIn = await post({ from: "602", text: "@acme_help same here", replyTo: root, thread: root });
    const aside = await post({
      from: "603",
      text: "@acme_help mine too, and billing is wrong",
      thread: root,
    });
    const again = await post({ from: "601", text: "@acme_help still down", thread: root });
    expect(await conversationOf(chimeIn)).toBe(await conversationOf(root));
    expect(await conversationOf(aside)).not.toBe(await conversationOf(root));
    expect(await conversationOf(again)).toBe(await conversationOf(root));
  });

  it("reopens a resolved conversation within 7 days and starts a new one after", async () => {
    const first = await post({ from: "701", text: "@acme_help how do I change my plan?" });
    const id = await conversationOf(first);
    await t.database.db
      .update(conversations)
      .set({ status: "resolved" })
      .where(eq(conversations.id, id ?? ""));
    clock.advance(2 * 24 * 3_600_000);
    const dm = await post({ from: "701", text: "one more question about the plan", dm: true });
    expect(await conversationOf(dm)).toBe(id);
    expect((await conversation(id))?.status).toBe("open");
    await t.database.db
      .update(conversations)
      .set({ status: "resolved" })
      .where(eq(conversations.id, id ?? ""));
    clock.advance(8 * 24 * 3_600_000);
    const later = await post({ from: "701", text: "hello again, new problem", dm: true });
    expect(await conversationOf(later)).not.toBe(id);
  });
});

describe("triage", () => {
  it("ranks an urgent complaint with its reasons, finds sensitive data and listening matches", async () => {
    const urgent = await post({
      from: "801",
      text: "@acme_help no internet for 3 days, I work from home, fix it NOW or I switch to Globex. card 4111 1111 1111 1111",
      followers: 25_000,
    });
    const praise = await post({ from: "802", text: "@acme_help thanks, all sorted, lovely team!" });
    const [m] = await t.database.db.select().from(messages).where(eq(messages.externalId, urgent));
    expect(m).toMatchObject({ tier: "first", isSpam: false });
    expect(m?.sensitive).toEqual([expect.objectContaining({ kind: "card" })]);
    expect(m?.classification).toMatchObject({
      listening: [expect.objectContaining({ name: "Competitors", kind: "competitor" })],
    });
    const hot = await conversation(await conversationOf(urgent));
    const calm = await conversation(await conversationOf(praise));
    expect(hot?.priorityScore).toBeGreaterThan(calm?.priorityScore ?? 100);
    expect(hot?.priorityReasons.join(" | ")).toMatch(/first tier/i);
    expect(hot?.priorityReasons.join(" | ")).toMatch(/25k followers/);
  });

  it("files a brand reply made on the network as the first response", async () => {
    const question = await post({ from: "901", text: "@acme_help what time do you open on Sunday?" });
    clock.advance(10 * 60_000);
    await post({ from: BRAND, text: "@u901 from 10am!", replyTo: question, thread: question });
    const c = await conversation(await conversationOf(question));
    expect(c?.firstResponseAt?.getTime()).toBe(
      c?.firstCustomerMessageAt ? c.firstCustomerMessageAt.getTime() + 600_000 : -1,
    );
    const rows = await t.database.db
      .select()
      .from(messages)
      .where(eq(messages.conversationId, c?.id ?? ""))
      .orderBy(asc(messages.sentAt));
    expect(rows.map((r) => r.direction)).toEqual(["inbound", "outbound"]);
  });
});
