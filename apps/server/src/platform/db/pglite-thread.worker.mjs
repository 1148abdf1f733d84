// @ts-check
/*
 * The embedded database's own thread (docs/adr/0019): PGlite runs here, off the main thread, and
 * answers the PostgreSQL wire protocol that the main thread's node-postgres connection sends over
 * the worker's message port. The main thread keeps only the protocol work; Postgres itself (WASM)
 * runs on another core. Plain JavaScript: a worker does not inherit the main thread's TypeScript
 * loader.
 */
import { parentPort, workerData } from "node:worker_threads";
import { PGlite } from "@electric-sql/pglite";

if (!parentPort) throw new Error("pglite-thread.worker.mjs runs as a worker thread");
const port = parentPort;

const PROTOCOL_3 = 196608;
const CANCEL_REQUEST = 80877102;
const SSL_REQUEST = 80877103;
const TERMINATE = 0x58; // 'X'

let db;
try {
  db = await PGlite.create({
    ...(workerData.dataDir ? { dataDir: workerData.dataDir } : {}),
    ...(workerData.loadDataDir ? { loadDataDir: new Blob([workerData.loadDataDir]) } : {}),
  });
} catch (err) {
  port.postMessage({ type: "failed", message: err instanceof Error ? err.message : String(err) });
  throw err;
}

/** Per connection: bytes received and not yet a whole message. */
const partial = new Map();
/** Whole messages (and COPY jobs) waiting for PGlite, in arrival order. */
const queue = [];
let running = false;

/**
 * Splits what a connection sent into whole messages. Startup messages (no type byte) go to PGlite;
 * SSL and cancel requests are not for PGlite (one session, nothing to cancel); a Terminate would
 * end PGlite's only session, so a connection closing just closes.
 */
function messagesOf(conn, bytes) {
  let buf = partial.has(conn) ? Buffer.concat([partial.get(conn), bytes]) : bytes;
  const whole = [];
  for (;;) {
    if (
      buf.length >= 8 &&
      buf.readInt32BE(0) <= 10_000 &&
      [PROTOCOL_3, CANCEL_REQUEST, SSL_REQUEST].includes(buf.readInt32BE(4))
    ) {
      const n = buf.readInt32BE(0);
      if (buf.length < n) break;
      const code = buf.readInt32BE(4);
      if (code === PROTOCOL_3) whole.push({ startup: true, bytes: buf.subarray(0, n) });
      else if (code === SSL_REQUEST) port.postMessage({ type: "data", conn, bytes: Buffer.from("N") });
      buf = buf.subarray(n);
      continue;
    }
    if (buf.length < 5) break;
    const n = 1 + buf.readInt32BE(1);
    if (buf.length < n) break;
    if (buf[0] !== TERMINATE) whole.push({ startup: false, bytes: buf.subarray(0, n) });
    buf = buf.subarray(n);
  }
  if (buf.length > 0) partial.set(conn, Buffer.from(buf));
  else partial.delete(conn);
  return whole;
}

async function drain() {
  if (running) return;
  running = true;
  try {
    while (queue.length > 0) {
      const job = queue.shift();
      if (job.type === "copy") await runCopy(job);
      else await runMessages(job.conn, job.messages);
    }
  } catch (err) {
    port.postMessage({ type: "fatal", message: err instanceof Error ? err.message : String(err) });
  } finally {
    running = false;
  }
}

/** Hands a connection's messages to PGlite and sends back its answer in one transferable buffer. */
async function runMessages(conn, messages) {
  // A new connection after one that died inside a transaction must not inherit it.
  if (messages[0].startup && db.isInTransaction()) await db.exec("rollback");
  const input = messages.length === 1 ? messages[0].bytes : Buffer.concat(messages.map((m) => m.bytes));
  const out = [];
  let size = 0;
  await db.execProtocolRawStream(new Uint8Array(input.buffer, input.byteOffset, input.length), {
    // Chunks are views of PGlite's memory: copied before the next call reuses it.
    onRawData: (data) => {
      out.push(data.slice());
      size += data.length;
    },
  });
  if (size === 0) return;
  let reply = out[0];
  if (out.length > 1) {
    reply = new Uint8Array(size);
    let at = 0;
    for (const chunk of out) {
      reply.set(chunk, at);
      at += chunk.length;
    }
  }
  port.postMessage({ type: "data", conn, bytes: reply }, [reply.buffer]);
}

/** A COPY FROM of CSV text (benchmarks' baseline): PGlite reads it from a blob, not the wire. */
async function runCopy(job) {
  try {
    await db.query(job.sql, [], { blob: new Blob([job.csv]) });
    port.postMessage({ type: "copied", id: job.id });
  } catch (err) {
    port.postMessage({ type: "copied", id: job.id, error: err instanceof Error ? err.message : String(err) });
  }
}

port.on("message", async (msg) => {
  if (msg.type === "data") {
    const messages = messagesOf(
      msg.conn,
      Buffer.from(msg.bytes.buffer, msg.bytes.byteOffset, msg.bytes.byteLength),
    );
    if (messages.length > 0) queue.push({ type: "messages", conn: msg.conn, messages });
  } else if (msg.type === "copy") queue.push(msg);
  else if (msg.type === "end") partial.delete(msg.conn);
  else if (msg.type === "close") {
    await db.close();
    port.postMessage({ type: "closed" });
    return;
  }
  void drain();
});
port.postMessage({ type: "ready" });
