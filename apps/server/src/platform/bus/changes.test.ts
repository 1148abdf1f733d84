import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type ChangeFeed,
  createChangeFeed,
  createInlineChangeFeed,
  type DeskChange,
  normalizeChange,
} from "./changes";
import { InlineBus } from "./inline-bus";
import { createNatsBus, type NatsBus } from "./nats-bus";
import { deleteStream, uniqueNatsNames, waitFor } from "./testing/harness";

const WS = "ws-1";

it("dedupes ids and reasons, resolves created, and drops empty changes", () => {
  expect(normalizeChange({ workspaceId: WS, conversationIds: [], reasons: ["message"] })).toBeNull();
  expect(
    normalizeChange({
      workspaceId: WS,
      conversationIds: ["a", "b", "a"],
      reasons: ["m", "m"],
      created: true,
    }),
  ).toEqual({ workspaceId: WS, conversationIds: ["a", "b"], reasons: ["m"], created: ["a", "b"] });
  expect(
    normalizeChange({ workspaceId: WS, conversationIds: ["a", "b"], reasons: [], created: ["b"] }),
  ).toMatchObject({
    created: ["b"],
  });
});

/** The same contract for both feeds: a publish reaches the workspace's subscribers, only them. */
function contract(name: string, open: () => Promise<{ publisher: ChangeFeed; listener: ChangeFeed }>) {
  describe(`${name} change feed`, () => {
    let publisher: ChangeFeed;
    let listener: ChangeFeed;
    beforeAll(async () => {
      ({ publisher, listener } = await open());
    });

    it("delivers a workspace's changes to its subscribers and never to another workspace's", async () => {
      const mine: DeskChange[] = [];
      const theirs: DeskChange[] = [];
      const stopMine = listener.subscribe(WS, (c) => mine.push(c));
      const stopTheirs = listener.subscribe("ws-2", (c) => theirs.push(c));
      await settle();
      publisher.publish({
        workspaceId: WS,
        conversationIds: ["c1", "c1", "c2"],
        reasons: ["message"],
        created: ["c2"],
      });
      await waitFor(() => mine.length === 1);
      expect(mine[0]).toEqual({
        workspaceId: WS,
        conversationIds: ["c1", "c2"],
        reasons: ["message"],
        created: ["c2"],
      });
      expect(theirs).toEqual([]);
      stopMine();
      stopTheirs();
    });

    it("stops delivering after unsubscribe, and publish never throws", async () => {
      const got: DeskChange[] = [];
      const stop = listener.subscribe(WS, (c) => got.push(c));
      stop();
      await settle();
      expect(() =>
        publisher.publish({ workspaceId: WS, conversationIds: ["c3"], reasons: ["status"] }),
      ).not.toThrow();
      await new Promise((r) => setTimeout(r, 100));
      expect(got).toEqual([]);
    });
  });
}

// A NATS subscription reaches the server on the next flush: give it a moment.
const settle = () => new Promise((r) => setTimeout(r, 50));

contract("in-process", async () => {
  const feed = createInlineChangeFeed();
  return { publisher: feed, listener: feed };
});

it("uses the in-process feed on the in-process bus", async () => {
  const bus = new InlineBus();
  const feed = createChangeFeed(bus);
  const got: DeskChange[] = [];
  feed.subscribe(WS, (c) => got.push(c));
  feed.publish({ workspaceId: WS, conversationIds: ["c1"], reasons: ["message"] });
  expect(got).toHaveLength(1);
  await bus.close();
});

/* Across processes: a `parley worker`'s publish reaches the HTTP process (NATS core; needs NATS_URL). */
const natsUrl = process.env.NATS_URL;
if (natsUrl)
  describe("over NATS", () => {
    const names = uniqueNatsNames();
    const buses: NatsBus[] = [];
    afterAll(async () => {
      await Promise.all(buses.map((b) => b.close()));
      if (natsUrl) await deleteStream(natsUrl, names.stream as string);
    });
    contract("NATS core", async () => {
      const url = natsUrl as string;
      // Two connections stand for two processes (worker and HTTP) of one deployment.
      buses.push(
        await createNatsBus({ servers: url, ...names }),
        await createNatsBus({ servers: url, ...names }),
      );
      const [a, b] = buses as [NatsBus, NatsBus];
      return { publisher: createChangeFeed(a), listener: createChangeFeed(b) };
    });
  });
