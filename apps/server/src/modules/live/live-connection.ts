import {
  type LiveClientMessage as ClientMessage,
  LiveClientMessage,
  type LiveServerMessage,
} from "@parley/contracts";
import { and, eq } from "drizzle-orm";
import type { WebSocket } from "ws";
import type { Clock } from "../../platform/clock";
import type { Db } from "../../platform/db";
import { conversations, users } from "../../platform/db/schema";
import { newId } from "../../platform/ids";
import type { ActivityRecorder } from "../activity/activity-recorder";
import { findActiveSession, touchSession } from "../auth/auth.repo";
import type { Principal } from "../auth/principal";
import type { LiveClient, LiveHub } from "./live-hub";

/** Client messages a connection may send per second; more is a broken or hostile client. */
const MAX_MESSAGES_PER_SECOND = 30;
/** Server pings this often; a socket that did not answer the previous one is dead. */
const HEARTBEAT_MS = 30_000;

const frame = (msg: LiveServerMessage) => JSON.stringify(msg);

/** "conversation_id: Invalid UUID": the first problem of a message, naming its field. */
function describeInvalid(raw: unknown): string {
  const parsed = LiveClientMessage.safeParse(raw);
  if (parsed.success) return "";
  const issue = parsed.error.issues[0];
  const field = issue?.path.length ? issue.path.join(".") : "type";
  return `${field}: ${issue?.message ?? "is invalid"}`;
}

function parseMessage(data: Buffer | ArrayBuffer | Buffer[]): ClientMessage | string {
  let raw: unknown;
  try {
    raw = JSON.parse(
      Buffer.isBuffer(data) ? data.toString("utf8") : Buffer.from(data as ArrayBuffer).toString(),
    );
  } catch {
    return "message: is not valid JSON";
  }
  const parsed = LiveClientMessage.safeParse(raw);
  return parsed.success ? parsed.data : describeInvalid(raw);
}

async function userName(db: Db, userId: string): Promise<string> {
  const [row] = await db.select({ name: users.name }).from(users).where(eq(users.id, userId));
  return row?.name ?? "Someone";
}

async function conversationExists(db: Db, workspaceId: string, id: string): Promise<boolean> {
  const rows = await db
    .select({ id: conversations.id })
    .from(conversations)
    .where(and(eq(conversations.workspaceId, workspaceId), eq(conversations.id, id)));
  return rows.length > 0;
}

export interface LiveDeps {
  db: Db;
  clock: Clock;
  hub: LiveHub;
  activity: ActivityRecorder;
  /** Sliding session lifetime: an open desk keeps its session alive like any request does. */
  sessionTtlMs: number;
}

/**
 * A logout or expiry ends the session; its open sockets must stop hearing the workspace too. A
 * session still alive is marked seen: an open desk tab is a signed-in agent, even with no request
 * for a while (the availability rules read `last_seen_at` to tell a closed desk from a quiet one).
 */
async function sessionEnded(deps: LiveDeps, p: Principal): Promise<boolean> {
  if (!p.sessionTokenHash) return false;
  const now = deps.clock.now();
  try {
    const session = await findActiveSession(deps.db, p.sessionTokenHash, now);
    if (!session) return true;
    await touchSession(deps.db, p.sessionTokenHash, now, new Date(now.getTime() + deps.sessionTtlMs));
    return false;
  } catch {
    // A database hiccup is not a logout: keep the socket, look again next round.
    return false;
  }
}

/**
 * Serves one WebSocket: says hello, hands the hub what the client does, answers pings and tells the
 * client (with an `error` message, never by dropping the socket) what it could not take.
 * Listeners are attached synchronously, before any await, so no early message is lost.
 */
export function serveLiveConnection(deps: LiveDeps, socket: WebSocket, p: Principal) {
  const send = (f: string) => {
    if (socket.readyState === socket.OPEN) socket.send(f);
  };
  const ready = (p.userId ? userName(deps.db, p.userId).catch(() => "Someone") : Promise.resolve(null)).then(
    (name) => {
      const client: LiveClient = {
        id: newId(),
        workspaceId: p.workspaceId,
        user: p.userId && name !== null ? { id: p.userId, name } : null,
        get bufferedAmount() {
          return socket.bufferedAmount;
        },
        send,
        close: (code, reason) => socket.close(code, reason),
      };
      // API keys have no user: the key's id stands in for it in `hello`.
      send(
        frame({ type: "hello", user_id: p.userId ?? (p.apiKeyId as string), workspace_id: p.workspaceId }),
      );
      deps.hub.join(client);
      return client;
    },
  );
  let queue: Promise<LiveClient> = ready;
  let window = { start: Date.now(), count: 0 };
  let alive = true;
  const heartbeat = setInterval(() => {
    if (!alive) return socket.terminate();
    alive = false;
    socket.ping();
    void sessionEnded(deps, p).then((ended) => ended && socket.close(4401, "session ended: log in again"));
  }, HEARTBEAT_MS);
  heartbeat.unref();
  socket.on("pong", () => {
    alive = true;
  });
  socket.on("message", (data) => {
    alive = true;
    const now = Date.now();
    if (now - window.start >= 1000) window = { start: now, count: 0 };
    if (++window.count > MAX_MESSAGES_PER_SECOND)
      return window.count === MAX_MESSAGES_PER_SECOND + 1
        ? send(frame({ type: "error", detail: "message: too many messages; slow down" }))
        : undefined;
    const msg = parseMessage(data as Buffer);
    if (typeof msg === "string") return send(frame({ type: "error", detail: msg }));
    // One at a time, in order: a `typing` right after a `view` must find the view done.
    queue = queue
      .then((client) => handle(deps, client, msg, send).then(() => client))
      .catch(() => {
        send(frame({ type: "error", detail: "message: could not be handled; try again" }));
        return ready;
      });
  });
  socket.on("close", () => {
    clearInterval(heartbeat);
    void ready.then((client) => deps.hub.leave(client)).catch(() => undefined);
  });
  socket.on("error", () => socket.terminate());
}

async function handle(deps: LiveDeps, client: LiveClient, msg: ClientMessage, send: (f: string) => void) {
  const error = (detail: string) => send(frame({ type: "error", detail }));
  if (msg.type === "ping") return send(frame({ type: "pong" }));
  if (!client.user) return error("type: presence needs a user session, not an API key");
  if (msg.type === "view") {
    const id = msg.conversation_id;
    // Checked so presence never names a conversation outside the user's workspace.
    if (id && !(await conversationExists(deps.db, client.workspaceId, id)))
      return error("conversation_id: no such conversation in this workspace");
    return deps.hub.view(client, id);
  }
  if (msg.type === "activity") {
    // The `view` checked the conversation is the workspace's; the insert checks it again.
    if (deps.hub.viewingOf(client) !== msg.conversation_id)
      return error("conversation_id: send `view` for this conversation before `activity`");
    // Coalesced beats are taken silently: a fast client is not an error.
    deps.activity.record({
      workspaceId: client.workspaceId,
      userId: client.user.id,
      conversationId: msg.conversation_id,
      kind: msg.kind,
    });
    return;
  }
  const kind = msg.typing ? (msg.kind ?? "public") : null;
  if (!deps.hub.typing(client, msg.conversation_id, kind))
    error("conversation_id: send `view` for this conversation before `typing`");
}
