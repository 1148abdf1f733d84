import type { ServerResponse } from "node:http";
import { PROBLEMS } from "./errors";
import type { Selection } from "./fields";

/**
 * Open filtered-stream connections (§1.7.2): one JSON object per line ending in `\r\n`, a bare
 * `\r\n` keep-alive after `keepAliveMs` without traffic, and the operational-disconnect line
 * followed by closing the connection when asked to drop clients.
 */
export interface StreamConnection {
  id: number;
  selection: Selection;
  openedAt: Date;
}

interface LiveConnection extends StreamConnection {
  response: ServerResponse;
  timer?: NodeJS.Timeout;
}

export class StreamHub {
  private readonly connections = new Map<number, LiveConnection>();
  private nextId = 1;

  constructor(
    private readonly options: {
      keepAliveMs: number;
      maxConnections: number;
    },
  ) {}

  get size(): number {
    return this.connections.size;
  }

  isFull(): boolean {
    return this.connections.size >= this.options.maxConnections;
  }

  list(): StreamConnection[] {
    return [...this.connections.values()].map(({ id, selection, openedAt }) => ({ id, selection, openedAt }));
  }

  /** Takes over a response whose headers were already written; it stays open until either side closes. */
  attach(response: ServerResponse, selection: Selection, openedAt: Date): StreamConnection {
    const connection: LiveConnection = { id: this.nextId++, selection, openedAt, response };
    this.connections.set(connection.id, connection);
    response.on("close", () => this.forget(connection.id));
    this.armKeepAlive(connection);
    return { id: connection.id, selection, openedAt };
  }

  /** Sends one payload to each open connection, rendered with that connection's field selection. */
  publish(render: (selection: Selection) => unknown | undefined): number {
    let sent = 0;
    for (const connection of this.connections.values()) {
      const payload = render(connection.selection);
      if (payload === undefined) continue;
      this.write(connection, `${JSON.stringify(payload)}\r\n`);
      sent++;
    }
    return sent;
  }

  /** Writes the operational-disconnect error line, then closes every connection. */
  disconnectAll(detail = "This stream has been disconnected for operational reasons."): number {
    const count = this.connections.size;
    const line = {
      errors: [
        {
          title: "operational-disconnect",
          disconnect_type: "UpstreamOperationalDisconnect",
          detail,
          type: `${PROBLEMS}operational-disconnect`,
        },
      ],
    };
    for (const connection of [...this.connections.values()]) {
      this.write(connection, `${JSON.stringify(line)}\r\n`);
      this.end(connection);
    }
    return count;
  }

  /** Closes every connection without a message (server shutdown). */
  closeAll(): void {
    for (const connection of [...this.connections.values()]) this.end(connection);
  }

  writeTo(id: number, payload: unknown): void {
    const connection = this.connections.get(id);
    if (connection) this.write(connection, `${JSON.stringify(payload)}\r\n`);
  }

  private write(connection: LiveConnection, chunk: string): void {
    if (connection.response.writableEnded) return;
    connection.response.write(chunk);
    this.armKeepAlive(connection);
  }

  private armKeepAlive(connection: LiveConnection): void {
    clearTimeout(connection.timer);
    connection.timer = setTimeout(() => this.write(connection, "\r\n"), this.options.keepAliveMs);
  }

  private end(connection: LiveConnection): void {
    this.forget(connection.id);
    connection.response.end();
  }

  private forget(id: number): void {
    const connection = this.connections.get(id);
    if (!connection) return;
    clearTimeout(connection.timer);
    this.connections.delete(id);
  }
}
