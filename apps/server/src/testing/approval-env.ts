import type { Message, Role } from "@parley/contracts";
import { and, eq } from "drizzle-orm";
import type { LightMyRequestResponse } from "fastify";
import { type ContractEnv, startContract } from "../connectors/contract/harness";
import { xPair } from "../connectors/contract/x.pair";
import { fixedClock } from "../platform/clock";
import { auditLog, conversationEvents, jobs } from "../platform/db/schema";
import { authHeaders } from "./harness";

/**
 * Parley connected to the sandbox X emulator (over loopback HTTP, as in the connector contract
 * suite) with one customer mention filed as a conversation: what the approval suites reply to.
 * The outbox runs only on `drain()`, so a test can prove nothing was posted before approval.
 */
export async function startApprovalEnv() {
  const clock = fixedClock(new Date("2026-03-02T15:00:00Z"));
  const pair = xPair();
  const env: ContractEnv = await startContract(pair, clock);
  await pair.customerPosts("my internet has been down since this morning");
  await env.drain();
  const [conversationId] = await env.conversationIds();
  if (!conversationId) throw new Error("the mention did not become a conversation");
  const { t, w } = env;
  const db = t.database.db;
  const inject = (role: Role, method: "GET" | "POST" | "PATCH", url: string, payload?: object) =>
    t.app.inject({ method, url: `/api/v1${url}`, payload, headers: authHeaders(w.sessions[role]) });

  return {
    env,
    clock,
    conversationId,
    inject,
    reply: (role: Role, text: string, extra: object = {}) =>
      inject(role, "POST", `/conversations/${conversationId}/replies`, {
        text,
        visibility: "public",
        ...extra,
      }),
    approve: (role: Role, id: string, body: object = {}): Promise<LightMyRequestResponse> =>
      inject(role, "POST", `/messages/${id}/approve`, body),
    reject: (role: Role, id: string, body: object): Promise<LightMyRequestResponse> =>
      inject(role, "POST", `/messages/${id}/reject`, body),
    /** What the brand has posted publicly on the emulated X, oldest first. */
    posted: () => pair.brandSent("public"),
    message: async (id: string): Promise<Message | undefined> => env.message(conversationId, id),
    /** Pins the randomness approval sampling draws from. */
    setRandom: (value: number) => {
      t.deps.random = () => value;
    },
    /** An admin sets a member's spot-check share through the users API. */
    setSamplePercent: async (role: Role, percent: number) => {
      const res = await inject("admin", "PATCH", `/users/${w.userIds[role]}`, {
        approval_sample_percent: percent,
      });
      if (res.statusCode !== 200 || res.json().approval_sample_percent !== percent)
        throw new Error(`setting the sample share failed: ${res.statusCode} ${res.body}`);
    },
    sendJobs: (messageId: string) => db.select().from(jobs).where(eq(jobs.key, messageId)),
    events: (messageId: string) =>
      db
        .select()
        .from(conversationEvents)
        .where(
          and(
            eq(conversationEvents.conversationId, conversationId),
            eq(conversationEvents.messageId, messageId),
          ),
        ),
    audit: (action: string) =>
      db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.workspaceId, w.workspaceId), eq(auditLog.action, action))),
    close: () => env.close(),
  };
}
export type ApprovalEnv = Awaited<ReturnType<typeof startApprovalEnv>>;
