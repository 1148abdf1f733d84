import Fastify, { type FastifyInstance } from "fastify";

export interface ReceivedWebhook {
  rawBody: string;
  body: Record<string, unknown>;
  headers: Record<string, string | string[] | undefined>;
}

export interface WebhookReceiver {
  url: string;
  received: ReceivedWebhook[];
  verifications: Record<string, string>[];
  /** Statuses answered to the next POSTs, in order; 200 once exhausted. */
  respondWith: number[];
  /** Waits until at least `count` POSTs have arrived. */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedWebhook[]>;
  close(): Promise<void>;
}

/**
 * A stand-in for Parley's webhook endpoint on a real port: answers the `hub.challenge`
 * handshake when the verify token matches and records every POST with its exact bytes.
 */
export async function startWebhookReceiver(verifyToken: string): Promise<WebhookReceiver> {
  const app: FastifyInstance = Fastify();
  const state = {
    received: [] as ReceivedWebhook[],
    verifications: [] as Record<string, string>[],
    respondWith: [] as number[],
  };
  app.addContentTypeParser("application/json", { parseAs: "string" }, (_req, body, done) => done(null, body));
  app.get("/webhook", async (request, reply) => {
    const query = request.query as Record<string, string>;
    state.verifications.push(query);
    if (query["hub.mode"] === "subscribe" && query["hub.verify_token"] === verifyToken) {
      return reply.type("text/plain").send(query["hub.challenge"]);
    }
    return reply.status(403).send("forbidden");
  });
  app.post("/webhook", async (request, reply) => {
    const rawBody = String(request.body);
    state.received.push({ rawBody, body: JSON.parse(rawBody), headers: request.headers });
    return reply.status(state.respondWith.shift() ?? 200).send("EVENT_RECEIVED");
  });
  await app.listen({ port: 0, host: "127.0.0.1" });
  const address = app.server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/webhook`,
    get received() {
      return state.received;
    },
    get verifications() {
      return state.verifications;
    },
    get respondWith() {
      return state.respondWith;
    },
    set respondWith(statuses: number[]) {
      state.respondWith = statuses;
    },
    waitFor: async (count, timeoutMs = 5000) => {
      const deadline = Date.now() + timeoutMs;
      while (state.received.length < count) {
        if (Date.now() > deadline)
          throw new Error(`expected ${count} webhooks, got ${state.received.length}`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      return state.received;
    },
    close: () => app.close(),
  };
}
