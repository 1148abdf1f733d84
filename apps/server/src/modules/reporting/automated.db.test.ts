import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sendAcknowledgement } from "../../outbox/acknowledge";
import { type BackgroundWork, startBackgroundWork } from "../../outbox/workers";
import { conversationFacts, messages, templates } from "../../platform/db/schema";
import { newId } from "../../platform/ids";
import { createWorkspaceFixture, type WorkspaceFixture } from "../../testing/fixtures";
import { createTestApp, type TestApp } from "../../testing/harness";
import { connectXChannel, type XChannelFixture } from "../../testing/x-channel";
import { createRuleCache } from "../rules/rules.repo";
import { catchUpRollup } from "./rollup";

/* An auto-acknowledgement goes out through the outbox like a reply, marked automated, and no report counts it. */
let t: TestApp;
let w: WorkspaceFixture;
let channel: XChannelFixture;
let worker: BackgroundWork;

beforeAll(async () => {
  t = await createTestApp();
  w = await createWorkspaceFixture(t.app, t.database.db, "auto");
  channel = await connectXChannel(t.app, w.sessions.admin, { brandId: "7711223399" });
  worker = await startBackgroundWork(
    t.deps,
    { error: () => {}, warn: () => {} },
    { autostart: false, rules: createRuleCache(t.database.db, 0) },
  );
});
afterAll(async () => {
  await worker?.stop();
  await t?.close();
});

describe("automated messages", () => {
  it("an acknowledgement is marked automated and is not a response", async () => {
    const id = "1897400000000000777";
    const body = JSON.stringify({
      for_user_id: channel.brandId,
      tweet_create_events: [
        {
          id_str: id,
          created_at: new Date().toUTCString(),
          text: "@acme_help my order never came",
          user: { id_str: "88777", name: "Robin", screen_name: "robin", followers_count: 3 },
        },
      ],
    });
    expect((await channel.deliver(body)).statusCode).toBe(200);
    await worker.tick();
    const [asked] = await t.database.db.select().from(messages).where(eq(messages.externalId, id));
    const conversationId = asked?.conversationId as string;
    const template = newId();
    await t.database.db.insert(templates).values({
      id: template,
      workspaceId: w.workspaceId,
      name: "Ack",
      kind: "acknowledgement",
      body: "Hi {{first_name}}, we are on it.",
    });
    const sent = await sendAcknowledgement(
      t.database.db,
      {
        workspaceId: w.workspaceId,
        conversationId,
        templateId: template,
        visibility: "public",
        ruleId: newId(),
      },
      new Date(),
    );
    expect(sent.status).toBe("queued");
    const [ack] = await t.database.db
      .select()
      .from(messages)
      .where(and(eq(messages.id, sent.messageId as string), eq(messages.workspaceId, w.workspaceId)));
    expect(ack?.classification).toMatchObject({ automated: "acknowledgement" });
    // Force it sent, as the outbox does once the network accepts it, then read the facts.
    await t.database.db
      .update(messages)
      .set({ deliveryStatus: "sent" })
      .where(eq(messages.id, ack?.id as string));
    await t.database.db.execute(
      sql`insert into conversation_events
        (workspace_id, conversation_id, type, actor_type, message_id, occurred_at)
        values (${w.workspaceId}, ${conversationId}, 'message_out', 'system', ${ack?.id}, now())`,
    );
    await catchUpRollup(t.database.db, new Date());
    const [facts] = await t.database.db
      .select()
      .from(conversationFacts)
      .where(eq(conversationFacts.conversationId, conversationId));
    expect(facts).toMatchObject({ inboundMessages: 1, responses: 0, firstResponseS: null, responseCount: 0 });
  });
});
