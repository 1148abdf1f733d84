import type { Logger } from "pino";
import type { ChannelRow } from "../../modules/channels/channels.repo";
import type { ConnectorContext } from "../connector";
import { throwForStatus } from "../errors";
import { resetFrom } from "../http";
import { splitPage, TWEET_FIELDS, type XPostPayload } from "./feeds";

export interface XStreamOptions {
  channel: ChannelRow;
  credentials: Record<string, string>;
  /** Persists one post (idempotent by key). */
  store: (post: XPostPayload) => Promise<void>;
  /** Runs before every connection attempt (e.g. making sure the stream rule exists). */
  beforeConnect?: () => Promise<void>;
  /** Fills the gap since the last post seen, after every (re)connect. */
  recover: () => Promise<void>;
  log: Pick<Logger, "info" | "warn">;
  fetch?: typeof fetch;
  /** No byte (not even a keep-alive) for this long means the connection is dead. */
  stallMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

/** X's reconnect guidance: network errors back off linearly, HTTP errors exponentially, 429s from a minute. */
export function reconnectDelay(kind: "network" | "http" | "rate", attempt: number): number {
  if (kind === "network") return Math.min(16_000, 250 * attempt);
  if (kind === "rate") return Math.min(15 * 60_000, 60_000 * 2 ** (attempt - 1));
  return Math.min(320_000, 5_000 * 2 ** (attempt - 1));
}

/**
 * Consumes the filtered stream (`\r\n`-delimited JSON with keep-alive newlines) for as long as it
 * runs, reconnecting with backoff and recovering what was missed while disconnected.
 */
export function startXStream(opts: XStreamOptions): { stop(): void; done: Promise<void> } {
  const doFetch = opts.fetch ?? fetch;
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const control = new AbortController();
  let attempt = 0;

  async function consume(body: ReadableStream<Uint8Array>) {
    const reader = body.getReader();
    const decoder = new TextDecoder();
    let buffer = "";
    let stall: NodeJS.Timeout | undefined;
    const armStall = () => {
      clearTimeout(stall);
      stall = setTimeout(() => reader.cancel("stalled").catch(() => {}), opts.stallMs ?? 60_000);
    };
    armStall();
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        armStall();
        buffer += decoder.decode(value, { stream: true });
        const lines = buffer.split(/\r?\n/);
        buffer = lines.pop() ?? "";
        for (const line of lines) {
          if (!line.trim()) continue; // keep-alive
          const item = JSON.parse(line) as { data?: unknown; errors?: unknown };
          if (item.data)
            for (const post of splitPage({ ...(item as object), data: [item.data] } as never))
              await opts.store(post);
          else if (item.errors)
            opts.log.warn(
              { channel: opts.channel.id, errors: item.errors },
              "X stream sent an error; reconnecting",
            );
          if (item.errors && !item.data) return;
        }
      }
    } finally {
      clearTimeout(stall);
    }
  }

  async function run() {
    const url = `${opts.channel.baseUrl}/2/tweets/search/stream?${TWEET_FIELDS}`;
    while (!control.signal.aborted) {
      let kind: "network" | "http" | "rate" = "network";
      try {
        await opts.beforeConnect?.();
        const res = await doFetch(url, {
          headers: { authorization: `Bearer ${opts.credentials.bearer_token}` },
          signal: control.signal,
        });
        if (res.ok && res.body) {
          opts.log.info({ channel: opts.channel.id }, "X stream connected");
          attempt = 0;
          await opts.recover();
          await consume(res.body);
        } else {
          kind = res.status === 429 ? "rate" : "http";
          opts.log.warn({ channel: opts.channel.id, status: res.status }, "X stream refused the connection");
          await res.body?.cancel();
        }
      } catch (err) {
        if (control.signal.aborted) return;
        opts.log.warn({ channel: opts.channel.id, err: (err as Error).message }, "X stream dropped");
      }
      if (control.signal.aborted) return;
      attempt++;
      await sleep(reconnectDelay(kind, attempt));
    }
  }

  const done = run();
  return { stop: () => control.abort(), done };
}

/**
 * Makes sure the app's filtered stream has this channel's rule (tagged with the channel id):
 * `settings.stream_rule`, or mentions of the brand handle without reposts.
 */
export async function ensureStreamRule(ctx: ConnectorContext): Promise<void> {
  const url = `${ctx.channel.baseUrl}/2/tweets/search/stream/rules`;
  const headers = { authorization: `Bearer ${ctx.credentials.bearer_token}` };
  const tag = `parley:${ctx.channel.id}`;
  const value = String(ctx.channel.settings.stream_rule ?? `@${ctx.channel.handle} -is:retweet`);
  const fail = (res: Awaited<ReturnType<typeof ctx.http.request>>) =>
    throwForStatus(
      res,
      (j) => String((j as { detail?: string })?.detail ?? "stream rules failed"),
      () => resetFrom(res.headers, "x-rate-limit-reset", ctx.now),
    );
  const list = await ctx.http.request("GET", url, { headers });
  if (list.status >= 300) fail(list);
  const rules = (list.json as { data?: { id: string; value: string; tag?: string }[] }).data ?? [];
  const mine = rules.filter((r) => r.tag === tag);
  if (mine.some((r) => r.value === value)) return;
  if (mine.length) {
    const del = await ctx.http.request("POST", url, {
      headers,
      body: { delete: { ids: mine.map((r) => r.id) } },
    });
    if (del.status >= 300) fail(del);
  }
  const add = await ctx.http.request("POST", url, { headers, body: { add: [{ value, tag }] } });
  if (add.status >= 300) fail(add);
}
