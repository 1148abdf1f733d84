import type { Role } from "@parley/contracts";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type ApprovalEnv, startApprovalEnv } from "../../testing/approval-env";
import { createWorkspaceFixture } from "../../testing/fixtures";
import { authHeaders } from "../../testing/harness";

/*
 * SPEC W5 decisions against the sandbox X emulator: approve as is or edited (the network receives
 * exactly one post, with the approved text, and only after approval), reject with a comment the
 * author sees, one decision per reply, no approving one's own reply, approvers only, own workspace only.
 */
let a: ApprovalEnv;

beforeAll(async () => {
  a = await startApprovalEnv();
});
afterAll(() => a?.close());

/** A reply by `role` that waits for approval (its author asks for a review). */
async function waiting(text: string, role: Role = "agent"): Promise<string> {
  const res = await a.reply(role, text, { request_approval: true });
  expect(res.json().delivery_status).toBe("awaiting_approval");
  return res.json().id;
}

async function decisionEvent(id: string) {
  return (await a.events(id)).find((e) => e.type === "approval_decided")?.data;
}

it("approves a reply as it is: posted once, with its text, only after approval", async () => {
  const id = await waiting("Sorry about this! We're checking your line.");
  const before = await a.posted();
  await a.env.drain();
  expect(await a.posted()).toEqual(before);

  const res = await a.approve("approver", id, { comment: "Good tone" });
  expect(res.statusCode).toBe(200);
  expect(res.json()).toMatchObject({
    delivery_status: "queued",
    reviewed_by: a.env.w.userIds.approver,
    review_comment: "Good tone",
    approval_reason: expect.stringMatching(/review/),
  });
  expect(res.json().reviewed_at).toBe(a.clock.now().toISOString());
  expect(await a.sendJobs(id)).toHaveLength(1);
  await a.env.drain();
  const after = await a.posted();
  expect(after).toHaveLength(before.length + 1);
  expect(after.at(-1)?.text).toContain("Sorry about this! We're checking your line.");
  const sent = await a.message(id);
  expect(sent).toMatchObject({ delivery_status: "sent", external_id: after.at(-1)?.id });
  expect(await decisionEvent(id)).toEqual({ decision: "approved", comment: "Good tone", edited: false });
  expect((await a.audit("message.approved")).map((r) => r.targetId)).toContain(id);
});

it("approves an edited reply: the network receives exactly one post, with the approver's text", async () => {
  const id = await waiting("we r lookin into it lol");
  const before = await a.posted();
  const res = await a.approve("lead", id, {
    text: "We're looking into it and will update you within the hour.",
  });
  expect(res.statusCode).toBe(200);
  expect(res.json().text).toBe("We're looking into it and will update you within the hour.");
  await a.env.drain();
  await a.env.drain();
  const after = await a.posted();
  expect(after).toHaveLength(before.length + 1);
  expect(after.at(-1)?.text).toContain("We're looking into it and will update you within the hour.");
  expect(after.some((p) => p.text.includes("lol"))).toBe(false);
  expect(await decisionEvent(id)).toEqual({ decision: "approved", comment: null, edited: true });
  const audit = (await a.audit("message.approved")).find((r) => r.targetId === id);
  expect(audit?.data).toMatchObject({ edited: true, original_text: "we r lookin into it lol" });
});

it("checks the network's rules and the personal-data guard again on an edit: 422, still waiting", async () => {
  const id = await waiting("We're on it.");
  const tooLong = await a.approve("approver", id, { text: "x".repeat(300) });
  expect(tooLong.statusCode).toBe(422);
  expect(tooLong.json().errors[0]).toMatchObject({
    field: "body.text",
    message: expect.stringMatching(/characters/),
  });
  const personal = await a.approve("approver", id, { text: "Your account number 12345678 is unlocked." });
  expect(personal.statusCode).toBe(422);
  expect(personal.json().detail).toMatch(/personal data/);
  expect((await a.message(id))?.delivery_status).toBe("awaiting_approval");
  expect(await a.sendJobs(id)).toEqual([]);
  expect(await decisionEvent(id)).toBeUndefined();
  expect((await a.reject("approver", id, { comment: "Tidy up" })).statusCode).toBe(200);
});

it("rejects with a comment the author sees; nothing is posted", async () => {
  const id = await waiting("Not our problem, call your landlord.");
  const before = await a.posted();
  const missing = await a.reject("approver", id, {});
  expect(missing.statusCode).toBe(400);
  expect(missing.json().errors[0].field).toBe("body.comment");
  const res = await a.reject("approver", id, { comment: "Too blunt: apologise and offer a technician." });
  expect(res.statusCode).toBe(200);
  expect(res.json()).toMatchObject({ delivery_status: "rejected", reviewed_by: a.env.w.userIds.approver });
  await a.env.drain();
  expect(await a.posted()).toEqual(before);
  expect(await a.sendJobs(id)).toEqual([]);
  // The author reads the comment on their message in the conversation.
  const timeline = await a.inject("agent", "GET", `/conversations/${a.conversationId}/messages?limit=200`);
  const mine = timeline.json().items.find((m: { id: string }) => m.id === id);
  expect(mine).toMatchObject({
    delivery_status: "rejected",
    review_comment: "Too blunt: apologise and offer a technician.",
  });
  expect(await decisionEvent(id)).toEqual({
    decision: "rejected",
    comment: "Too blunt: apologise and offer a technician.",
    edited: false,
  });
  expect((await a.audit("message.rejected")).map((r) => r.targetId)).toContain(id);
});

it("decides once: a second approval or a rejection after it is 409, and posts nothing more", async () => {
  const id = await waiting("Thanks for your patience today.");
  expect((await a.approve("approver", id)).statusCode).toBe(200);
  const again = await a.approve("lead", id);
  expect(again.statusCode).toBe(409);
  expect(again.json().detail).toMatch(/already approved/);
  expect((await a.reject("lead", id, { comment: "late" })).statusCode).toBe(409);
  const rejected = await waiting("Have you tried turning it off and on?");
  expect((await a.reject("approver", rejected, { comment: "No" })).statusCode).toBe(200);
  expect((await a.approve("lead", rejected)).json().detail).toMatch(/already rejected/);
  const before = (await a.posted()).length;
  await a.env.drain();
  expect((await a.posted()).length).toBe(before + 1);
  expect((await a.events(id)).filter((e) => e.type === "approval_decided")).toHaveLength(1);
});

it("does not let an approver approve their own reply, but an admin may", async () => {
  const own = await waiting("Approver here: we're sending a technician.", "approver");
  const res = await a.approve("approver", own);
  expect(res.statusCode).toBe(403);
  expect(res.json().detail).toMatch(/You wrote this reply.*another approver/);
  expect((await a.message(own))?.delivery_status).toBe("awaiting_approval");
  expect((await a.approve("lead", own)).statusCode).toBe(200);
  const admins = await waiting("Admin here: the fault is fixed.", "admin");
  expect((await a.approve("admin", admins)).statusCode).toBe(200);
});

it("lets only approvers, leads and admins decide: an agent or analyst gets 403", async () => {
  const id = await waiting("We've escalated this to our network team.");
  for (const role of ["agent", "analyst"] as const) {
    for (const res of [await a.approve(role, id), await a.reject(role, id, { comment: "no" })]) {
      expect(res.statusCode, role).toBe(403);
      expect(res.json().detail).toContain("approvals:decide");
    }
  }
  const byKey = await a.env.t.app.inject({
    method: "POST",
    url: `/api/v1/messages/${id}/approve`,
    payload: {},
    headers: authHeaders(a.env.w.apiKeys.agent),
  });
  expect(byKey.statusCode).toBe(403);
  expect((await a.message(id))?.delivery_status).toBe("awaiting_approval");
});

it("finds nothing in another workspace: 404 on decisions, and the queue does not show it", async () => {
  const id = await waiting("Our apologies, a fix is coming.");
  const other = await createWorkspaceFixture(a.env.t.app, a.env.t.database.db, "other-approvals");
  for (const creds of [other.sessions.admin, other.apiKeys.approver]) {
    for (const [url, payload] of [
      [`/api/v1/messages/${id}/approve`, {}],
      [`/api/v1/messages/${id}/reject`, { comment: "not yours" }],
    ] as const) {
      const res = await a.env.t.app.inject({ method: "POST", url, payload, headers: authHeaders(creds) });
      expect(res.statusCode, url).toBe(404);
      expect(res.headers["content-type"]).toContain("application/problem+json");
    }
    const queue = await a.env.t.app.inject({
      method: "GET",
      url: "/api/v1/approvals",
      headers: authHeaders(creds),
    });
    expect(queue.json().items).toEqual([]);
  }
  expect((await a.message(id))?.delivery_status).toBe("awaiting_approval");
});

it("answers 409 for a message that never waited for approval", async () => {
  const res = await a.reply("agent", "Quick update: all clear now.");
  expect(res.json().delivery_status).toBe("queued");
  expect((await a.approve("approver", res.json().id)).json().detail).toMatch(/not waiting for approval/);
});
