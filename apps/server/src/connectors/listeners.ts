import { and, eq, inArray, sql } from "drizzle-orm";
import type { Logger } from "pino";
import { type ChannelRow, credentialsOf } from "../modules/channels/channels.repo";
import { channelAccounts } from "../platform/db/schema";
import type { Deps } from "../platform/deps";
import { createNetworkClient, type NetworkClient } from "./http";
import { fetchMentionsSince, type XPostPayload } from "./x/feeds";
import { ensureStreamRule, startXStream } from "./x/stream";

type Mode = "webhook" | "stream" | "poll";
const modeOf = (c: ChannelRow): Mode =>
  ["stream", "poll"].includes(String(c.settings.ingest)) ? (c.settings.ingest as Mode) : "webhook";

/**
 * Keeps a live feed open for every channel that pulls instead of receiving webhooks: the X filtered
 * stream (with gap recovery through the mentions timeline) or polling with a cursor kept on the
 * channel. Re-reads the channel list periodically, so connecting or pausing takes effect by itself.
 */
export function startListeners(
  deps: Deps,
  log: Pick<Logger, "info" | "warn" | "error">,
  opts: { onStored?: () => void; http?: NetworkClient; fetch?: typeof fetch; refreshMs?: number } = {},
) {
  const http = opts.http ?? createNetworkClient();
  const running = new Map<string, { stop(): void; updatedAt: number }>();
  let stopped = false;

  const store = (channel: ChannelRow) => async (post: XPostPayload) => {
    const { duplicate } = await deps.inbound.accept({
      channel,
      idempotencyKey: post.key,
      payload: post.payload,
    });
    if (!duplicate) opts.onStored?.();
  };

  /** Posts seen on the stream move the cursor too, so recovery after a drop only fetches the gap. */
  const storeAndAdvance = (channel: ChannelRow) => async (post: XPostPayload) => {
    await store(channel)(post);
    const id = post.key.slice("x:post:".length);
    await deps.db
      .update(channelAccounts)
      .set({
        cursor: sql`jsonb_set(${channelAccounts.cursor}, '{mentions_since_id}', to_jsonb(${id}::text))`,
      })
      .where(
        and(
          eq(channelAccounts.id, channel.id),
          sql`coalesce((${channelAccounts.cursor}->>'mentions_since_id')::numeric, 0) < ${id}::numeric`,
        ),
      );
  };

  async function pollOnce(channel: ChannelRow) {
    const [fresh] = await deps.db.select().from(channelAccounts).where(eq(channelAccounts.id, channel.id));
    if (!fresh) return;
    const since = (fresh.cursor.mentions_since_id as string | undefined) ?? null;
    try {
      const ctx = {
        channel: fresh as ChannelRow,
        credentials: credentialsOf(fresh as ChannelRow, deps.secrets),
        http,
        now: deps.clock.now(),
      };
      const { posts, cursor } = await fetchMentionsSince(ctx, since);
      // Oldest first, so a crash part-way leaves nothing behind the saved cursor.
      for (const post of posts.reverse()) await store(fresh as ChannelRow)(post);
      await deps.db
        .update(channelAccounts)
        .set({
          cursor: { ...fresh.cursor, mentions_since_id: cursor },
          lastError: null,
          status: fresh.status === "error" ? "active" : fresh.status,
        })
        .where(eq(channelAccounts.id, fresh.id));
    } catch (err) {
      await deps.db
        .update(channelAccounts)
        .set({
          lastError: (err as Error).message,
          lastErrorAt: deps.clock.now(),
          status: fresh.status === "active" ? "error" : fresh.status,
        })
        .where(eq(channelAccounts.id, fresh.id));
      log.warn({ channel: fresh.id, err: (err as Error).message }, "polling failed");
    }
  }

  function start(channel: ChannelRow) {
    const mode = modeOf(channel);
    if (mode === "stream") {
      const credentials = credentialsOf(channel, deps.secrets);
      const stream = startXStream({
        channel,
        credentials,
        store: storeAndAdvance(channel),
        beforeConnect: () => ensureStreamRule({ channel, credentials, http, now: deps.clock.now() }),
        recover: () => pollOnce(channel),
        log,
        fetch: opts.fetch,
      });
      return { stop: stream.stop };
    }
    const every = Math.max(5, Number(channel.settings.poll_seconds ?? 60)) * 1000;
    const timer = setInterval(() => void pollOnce(channel), every);
    void pollOnce(channel);
    return { stop: () => clearInterval(timer) };
  }

  async function refresh() {
    const channels = (await deps.db
      .select()
      .from(channelAccounts)
      .where(
        and(eq(channelAccounts.network, "x"), inArray(channelAccounts.status, ["active", "error"])),
      )) as ChannelRow[];
    const wanted = new Map(channels.filter((c) => modeOf(c) !== "webhook").map((c) => [c.id, c]));
    for (const [id, listener] of running) {
      const c = wanted.get(id);
      if (!c || c.updatedAt.getTime() !== listener.updatedAt) {
        listener.stop();
        running.delete(id);
      }
    }
    for (const [id, c] of wanted)
      if (!running.has(id)) running.set(id, { ...start(c), updatedAt: c.updatedAt.getTime() });
  }

  const tick = () => refresh().catch((err) => log.error({ err }, "listener refresh failed"));
  const timer = setInterval(() => !stopped && void tick(), opts.refreshMs ?? 15_000);
  void tick();
  return {
    refresh,
    stop() {
      stopped = true;
      clearInterval(timer);
      for (const l of running.values()) l.stop();
      running.clear();
    },
  };
}
