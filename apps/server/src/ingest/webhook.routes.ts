import { createHash } from "node:crypto";
import { Channel } from "@parley/contracts";
import { eq } from "drizzle-orm";
import type { FastifyPluginAsync, FastifyRequest } from "fastify";
import { connectorFor } from "../connectors/registry";
import { type ChannelRow, credentialsOf } from "../modules/channels/channels.repo";
import { channelAccounts } from "../platform/db/schema";
import type { Deps } from "../platform/deps";
import { sendProblem } from "../platform/http/errors";
import { HttpProblem, notFound } from "../platform/http/problem";

/** Headers worth keeping with a raw event (for replay and forensics); never auth headers. */
const KEPT_HEADERS = [
  "content-type",
  "user-agent",
  "x-twitter-webhooks-signature",
  "x-hub-signature-256",
  "x-hub-signature",
];

async function channelFor(
  deps: Deps,
  request: FastifyRequest<{ Params: { network: string; channelId: string } }>,
) {
  const network = Channel.safeParse(request.params.network);
  if (!network.success || !/^[0-9a-f-]{36}$/.test(request.params.channelId))
    throw notFound("Webhook endpoint");
  const [row] = await deps.db
    .select()
    .from(channelAccounts)
    .where(eq(channelAccounts.id, request.params.channelId));
  const connector = connectorFor(network.data);
  if (!row || row.network !== network.data || row.status === "disconnected" || !connector)
    throw notFound("Webhook endpoint");
  return { row: row as ChannelRow, connector, credentials: credentialsOf(row as ChannelRow, deps.secrets) };
}

/**
 * Where networks deliver: `/ingest/<network>/<channel id>`. GET answers the network's handshake;
 * POST verifies the signature over the raw bytes, stores the delivery, schedules it and answers
 * 200. Nothing else happens here (ENGINEERING.md style 3), so networks never time out on us.
 */
export const webhookRoutes: FastifyPluginAsync<{ deps: Deps }> = async (app, { deps }) => {
  // Signatures are computed over the exact bytes: keep the body raw.
  app.addContentTypeParser(
    ["application/json", "application/x-www-form-urlencoded", "text/plain"],
    { parseAs: "buffer" },
    (_req, body, done) => done(null, body),
  );

  app.get<{ Params: { network: string; channelId: string }; Querystring: Record<string, string> }>(
    "/ingest/:network/:channelId",
    { config: { public: true }, schema: { hide: true } },
    async (request, reply) => {
      const { connector, credentials } = await channelFor(deps, request);
      const answer = connector.handshake(request.query, credentials);
      return reply.status(answer.status).type(answer.contentType).send(answer.body);
    },
  );

  app.post<{ Params: { network: string; channelId: string }; Body: Buffer }>(
    "/ingest/:network/:channelId",
    { config: { public: true }, schema: { hide: true } },
    async (request, reply) => {
      const { row, connector, credentials } = await channelFor(deps, request);
      const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.from("");
      if (!connector.verify(raw, request.headers, credentials)) {
        request.log.warn({ channel: row.id }, "webhook signature mismatch");
        return sendProblem(
          reply,
          new HttpProblem(
            401,
            "Unauthorized",
            "The delivery's signature does not match this channel's secret.",
          ),
          request.url,
        );
      }
      let payload: unknown;
      try {
        payload = JSON.parse(raw.toString("utf8"));
      } catch {
        return sendProblem(
          reply,
          new HttpProblem(400, "Malformed JSON", "The delivery is signed but is not JSON."),
          request.url,
        );
      }
      const headers = Object.fromEntries(
        KEPT_HEADERS.flatMap((h) =>
          typeof request.headers[h] === "string" ? [[h, request.headers[h] as string]] : [],
        ),
      );
      const idempotencyKey = `webhook:${createHash("sha256").update(raw).digest("hex")}`;
      await deps.inbound.accept({ channel: row as ChannelRow, idempotencyKey, payload, headers });
      return reply.status(200).send({ received: true });
    },
  );
};
