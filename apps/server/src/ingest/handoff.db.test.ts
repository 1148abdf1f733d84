import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ChannelRow } from "../modules/channels/channels.repo";
import { createWorkspace } from "../modules/workspaces/create-workspace";
import { InlineBus } from "../platform/bus";
import type { Database } from "../platform/db";
import { openTestDatabase } from "../platform/db/testing";
import { insertXAccount } from "../testing/fixtures";
import { createInbound } from "./inbound";

/** The in-process handoff: an event this process stored reaches its pipeline without a read back. */
describe("inbound handoff", () => {
  let database: Database;
  let channel: ChannelRow;
  beforeAll(async () => {
    database = await openTestDatabase();
    const ws = await createWorkspace(database.db, { slug: "handoff", name: "Handoff" }, new Date());
    channel = await insertXAccount(database.db, ws.id, {
      name: "@acme",
      handle: "acme",
      externalAccountId: "1",
    });
  });
  afterAll(() => database?.close());

  it("hands each stored event over once, as stored; a duplicate delivery hands over nothing", async () => {
    const now = new Date("2026-01-05T10:00:00Z");
    const inbound = createInbound({ db: database.db, clock: { now: () => now }, bus: new InlineBus() });
    const payload = { data: { id: "42", text: "hello\u0000there" } };
    const first = await inbound.accept({ channel, idempotencyKey: "x:42", payload });
    const again = await inbound.accept({ channel, idempotencyKey: "x:42", payload });
    expect(again).toEqual({ eventId: null, duplicate: true });
    const event = inbound.take(first.eventId as string);
    expect(event).toEqual({
      id: first.eventId,
      workspaceId: channel.workspaceId,
      channelAccountId: channel.id,
      network: "x",
      // What was stored: the NUL PostgreSQL refuses is gone.
      payload: { data: { id: "42", text: "hellothere" } },
      receivedAt: now,
    });
    expect(inbound.take(first.eventId as string)).toBeNull();
  });
});
