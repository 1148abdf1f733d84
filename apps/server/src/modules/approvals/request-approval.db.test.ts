import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import { conversations } from "../../platform/db/schema";
import { type ApprovalEnv, startApprovalEnv } from "../../testing/approval-env";

/*
 * SPEC W5: which replies wait for an approver (the conversation's rule, the member's spot-check
 * sample, the author's request) and what waiting means: `awaiting_approval` with the reason, no
 * outbox job, an `approval_requested` event and an audit row, and nothing on the network.
 */
let a: ApprovalEnv;

beforeAll(async () => {
  a = await startApprovalEnv();
});
afterAll(() => a?.close());
beforeEach(async () => {
  await a.setSamplePercent("agent", 0);
  a.setRandom(0.5);
});

async function expectWaiting(res: Awaited<ReturnType<ApprovalEnv["reply"]>>, reason: RegExp) {
  expect(res.statusCode).toBe(202);
  const body = res.json();
  expect(body.delivery_status).toBe("awaiting_approval");
  expect(body.approval_reason).toMatch(reason);
  expect(await a.sendJobs(body.id)).toEqual([]);
  const events = await a.events(body.id);
  expect(events.map((e) => e.type)).toEqual(["approval_requested"]);
  expect(events[0]?.data).toMatchObject({ reason: body.approval_reason });
  const audit = await a.audit("conversation.reply_awaiting_approval");
  expect(audit.some((row) => row.data.message_id === body.id)).toBe(true);
  return body.id as string;
}

it("samples every reply of an agent at 100%, even at the highest draw, and posts none of them", async () => {
  await a.setSamplePercent("agent", 100);
  a.setRandom(0.999_999);
  const before = (await a.posted()).length;
  const id = await expectWaiting(await a.reply("agent", "We're on it, sorry for the trouble."), /100%/);
  await a.env.drain();
  expect((await a.message(id))?.delivery_status).toBe("awaiting_approval");
  expect((await a.posted()).length).toBe(before);
});

it("samples no reply at 0%, even at the lowest draw: it is queued and posted", async () => {
  a.setRandom(0);
  const res = await a.reply("agent", "An engineer is looking at your line now.");
  expect(res.statusCode).toBe(202);
  expect(res.json()).toMatchObject({ delivery_status: "queued", approval_reason: null });
  expect(await a.sendJobs(res.json().id)).toHaveLength(1);
  await a.env.drain();
  expect((await a.message(res.json().id))?.delivery_status).toBe("sent");
});

it("samples about the configured share: at 20%, a draw under 0.2 waits and one above does not", async () => {
  await a.setSamplePercent("agent", 20);
  a.setRandom(0.19);
  await expectWaiting(await a.reply("agent", "Checking the outage map for your area."), /20%/);
  a.setRandom(0.2);
  const res = await a.reply("agent", "The outage map shows works near you.");
  expect(res.json().delivery_status).toBe("queued");
});

it("holds every reply of a conversation a rule marked for approval, with the rule's reason", async () => {
  const db = a.env.t.database.db;
  const reason = "Rule 'press mention': PR approves replies";
  await db
    .update(conversations)
    .set({ approvalRequired: true, approvalReason: reason })
    .where(eq(conversations.id, a.conversationId));
  try {
    const conversation = await a.inject("agent", "GET", `/conversations/${a.conversationId}`);
    expect(conversation.json()).toMatchObject({ approval_required: true, approval_reason: reason });
    await expectWaiting(await a.reply("agent", "We hear you and are fixing it."), /press mention/);
    // The requirement holds for an admin and an API key too: it is the conversation's.
    await expectWaiting(await a.reply("admin", "Update: crews are on site."), /press mention/);
  } finally {
    await db
      .update(conversations)
      .set({ approvalRequired: false, approvalReason: null })
      .where(eq(conversations.id, a.conversationId));
  }
});

it("holds a reply its author asked to have reviewed", async () => {
  await expectWaiting(
    await a.reply("agent", "We'll credit your account for the downtime.", { request_approval: true }),
    /asked for a review/,
  );
});

it("still refuses what the network forbids before anything waits for approval", async () => {
  await a.setSamplePercent("agent", 100);
  const res = await a.reply("agent", "x".repeat(300));
  expect(res.statusCode).toBe(422);
  expect(res.json().errors[0]).toMatchObject({ field: "body.text" });
});

it("lists waiting replies in the approval queue, oldest first, with author, reason and age", async () => {
  a.clock.advance(90_000);
  const res = await a.inject("approver", "GET", "/approvals?limit=2");
  expect(res.statusCode).toBe(200);
  const page = res.json();
  expect(page.items).toHaveLength(2);
  expect(page.items[0]).toMatchObject({
    conversation_id: a.conversationId,
    channel: "x",
    visibility: "public",
    author: { id: a.env.w.userIds.agent, name: "agent of contract-x" },
    text: "We're on it, sorry for the trouble.",
    reason: expect.stringMatching(/100%/),
  });
  expect(page.items[0].age_seconds).toBeGreaterThanOrEqual(90);
  const next = await a.inject("approver", "GET", `/approvals?limit=50&cursor=${page.next_cursor}`);
  const ids = [...page.items, ...next.json().items].map((i: { message_id: string }) => i.message_id);
  expect(new Set(ids).size).toBe(ids.length);
  expect(ids.length).toBe(5);
  const otherChannel = await a.inject("approver", "GET", "/approvals?channel=facebook,whatsapp");
  expect(otherChannel.json().items).toEqual([]);
  expect((await a.inject("approver", "GET", "/approvals?channel=x")).json().items).toHaveLength(5);
});

it("shows the queue only to those who decide", async () => {
  for (const role of ["agent", "analyst"] as const) {
    const res = await a.inject(role, "GET", "/approvals");
    expect(res.statusCode, role).toBe(403);
    expect(res.json().detail).toContain("approvals:decide");
  }
  expect((await a.inject("lead", "GET", "/approvals")).statusCode).toBe(200);
});
