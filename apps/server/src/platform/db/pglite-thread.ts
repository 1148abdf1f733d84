import { Duplex } from "node:stream";
import { Worker } from "node:worker_threads";

/**
 * PGlite on its own thread (docs/adr/0019). The main thread reaches it through node-postgres, as
 * it reaches a PostgreSQL server, over a stream carried by the worker's message port instead of a
 * socket; the worker (pglite-thread.worker.mjs) hands the wire-protocol bytes to PGlite. PGlite is
 * one session, so the pool that uses these streams keeps a single connection.
 */
export interface PgliteThread {
  /** node-postgres' `stream` option: a new connection to the worker. */
  stream(): Duplex;
  /** `COPY … FROM '/dev/blob'` of CSV text, run between the connection's statements. */
  copyCsv(sql: string, csv: string): Promise<void>;
  close(): Promise<void>;
}

type FromWorker =
  | { type: "ready" | "closed" }
  | { type: "data"; conn: number; bytes: Uint8Array }
  | { type: "copied"; id: number; error?: string }
  | { type: "failed" | "fatal"; message: string };

export async function startPgliteThread(opts: {
  dataDir: string | null;
  /** A dumped data directory (`dumpDataDir`) to start from instead of initdb. */
  loadDataDir?: Blob;
}): Promise<PgliteThread> {
  const loadDataDir = opts.loadDataDir ? new Uint8Array(await opts.loadDataDir.arrayBuffer()) : undefined;
  const worker = new Worker(new URL("./pglite-thread.worker.mjs", import.meta.url), {
    workerData: { dataDir: opts.dataDir, loadDataDir },
    transferList: loadDataDir ? [loadDataDir.buffer as ArrayBuffer] : [],
  });
  const streams = new Map<number, WorkerStream>();
  const copies = new Map<number, { resolve: () => void; reject: (e: Error) => void }>();
  let fatal: Error | null = null;
  let lastId = 0;
  let onClosed: (() => void) | null = null;

  class WorkerStream extends Duplex {
    readonly conn = ++lastId;
    // The socket methods node-postgres calls on its stream.
    setNoDelay() {
      return this;
    }
    setKeepAlive() {
      return this;
    }
    ref() {
      return this;
    }
    unref() {
      return this;
    }
    connect() {
      if (fatal) process.nextTick(() => this.destroy(fatal as Error));
      else {
        streams.set(this.conn, this);
        process.nextTick(() => this.emit("connect"));
      }
      return this;
    }
    override _read() {}
    override _write(chunk: Buffer, _encoding: BufferEncoding, done: (err?: Error | null) => void) {
      this.send([chunk], done);
    }
    override _writev(chunks: { chunk: Buffer }[], done: (err?: Error | null) => void) {
      this.send(
        chunks.map((c) => c.chunk),
        done,
      );
    }
    /** One message per write, in a buffer of its own to transfer (node-postgres corks each query). */
    private send(chunks: Buffer[], done: (err?: Error | null) => void) {
      if (fatal) return done(fatal);
      const bytes = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
      let at = 0;
      for (const c of chunks) {
        bytes.set(c, at);
        at += c.length;
      }
      worker.postMessage({ type: "data", conn: this.conn, bytes }, [bytes.buffer]);
      done();
    }
    override _final(done: () => void) {
      this.forget();
      done();
    }
    override _destroy(err: Error | null, done: (err: Error | null) => void) {
      this.forget();
      done(err);
    }
    private forget() {
      if (!streams.delete(this.conn)) return;
      worker.postMessage({ type: "end", conn: this.conn });
      this.push(null);
    }
  }

  const failAll = (err: Error) => {
    fatal = err;
    for (const s of streams.values()) s.destroy(err);
    for (const c of copies.values()) c.reject(err);
    copies.clear();
  };
  await new Promise<void>((resolve, reject) => {
    worker.once("error", (err) => {
      reject(err);
      failAll(new Error(`the embedded database thread stopped: ${err.message}`));
    });
    worker.on("message", (msg: FromWorker) => {
      if (msg.type === "ready") resolve();
      else if (msg.type === "data")
        streams
          .get(msg.conn)
          ?.push(Buffer.from(msg.bytes.buffer, msg.bytes.byteOffset, msg.bytes.byteLength));
      else if (msg.type === "copied") {
        const waiting = copies.get(msg.id);
        copies.delete(msg.id);
        if (msg.error) waiting?.reject(new Error(msg.error));
        else waiting?.resolve();
      } else if (msg.type === "failed")
        reject(new Error(`the embedded database did not start: ${msg.message}`));
      else if (msg.type === "fatal") failAll(new Error(`the embedded database failed: ${msg.message}`));
      else if (msg.type === "closed") onClosed?.();
    });
  });
  return {
    stream: () => new WorkerStream(),
    copyCsv: (sql, csv) =>
      new Promise<void>((resolve, reject) => {
        if (fatal) return reject(fatal);
        const id = ++lastId;
        copies.set(id, { resolve, reject });
        worker.postMessage({ type: "copy", id, sql, csv });
      }),
    async close() {
      if (!fatal)
        await new Promise<void>((resolve) => {
          onClosed = resolve;
          worker.postMessage({ type: "close" });
        });
      await worker.terminate();
    },
  };
}
