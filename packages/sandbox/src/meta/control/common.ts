import type { FastifyError, FastifyInstance } from "fastify";
import { z } from "zod";
import type { GraphError } from "../graph/errors";
import { type FailureInjector, failureInput } from "../graph/failures";
import type { UsageMeter } from "../graph/usage";
import type { WebhookHub } from "../webhooks/hub";
import { ControlError } from "./errors";

/**
 * Control-API plumbing shared by the Meta and WhatsApp emulators. Not part of Meta's API: plain
 * JSON, no auth, errors as `{"error": "..."}`.
 */
export function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body ?? {});
  if (!result.success) {
    throw new ControlError(
      result.error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; "),
    );
  }
  return result.data;
}

export function installControlErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, _request, reply) => {
    const status = error instanceof ControlError ? error.status : (error.statusCode ?? 500);
    return reply.status(status).send({ error: error.message });
  });
}

const FailureSchema = z.object({
  kind: z.string().optional(),
  error: z
    .object({
      code: z.number().int(),
      subcode: z.number().int().optional(),
      message: z.string().optional(),
      type: z.string().optional(),
      status: z.number().int().optional(),
    })
    .optional(),
  method: z.string().optional(),
  path: z.string().optional(),
  times: z.number().int().positive().optional(),
});

const UsageSchema = z.object({
  app: z.number().min(0).max(100).optional(),
  business: z.record(z.string(), z.number().min(0).max(100)).optional(),
});

export interface CommonControlDeps {
  hub: WebhookHub;
  failures: FailureInjector;
  usage: UsageMeter;
  presets: Record<string, () => GraphError>;
}

/** `/failures`, `/usage` and `/webhooks/*` endpoints. */
export function registerCommonControl(app: FastifyInstance, deps: CommonControlDeps): void {
  app.post("/failures", async (request) => {
    const input = failureInput(parseBody(FailureSchema, request.body), deps.presets);
    if (!input)
      throw new ControlError(`give an error or one of kind: ${Object.keys(deps.presets).join(", ")}`);
    return deps.failures.add(input);
  });
  app.get("/failures", async () => ({ data: deps.failures.list(), presets: Object.keys(deps.presets) }));
  app.delete("/failures", async () => {
    deps.failures.clear();
    return { success: true };
  });
  app.post("/usage", async (request) => {
    deps.usage.override(parseBody(UsageSchema, request.body));
    return { success: true };
  });
  app.get("/webhooks/subscriptions", async () => ({ data: deps.hub.subscriptions.list() }));
  app.get("/webhooks/deliveries", async () => ({ data: deps.hub.deliveries() }));
  app.get("/webhooks/skipped", async () => ({ data: deps.hub.skipped() }));
  app.post("/webhooks/hold", async () => {
    deps.hub.hold();
    return { success: true };
  });
  app.post("/webhooks/release", async () => {
    await deps.hub.release();
    return { success: true };
  });
  app.post("/webhooks/retry", async () => {
    await deps.hub.retryNow();
    return { success: true };
  });
  // Waits (bounded) until every delivery has settled: lets a simulator pace itself.
  app.post("/webhooks/idle", async (request) => {
    const { timeoutMs } = parseBody(
      z.object({ timeoutMs: z.number().int().positive().max(60_000).default(10_000) }),
      request.body,
    );
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs);
    });
    const idle = await Promise.race([deps.hub.idle().then(() => true), timedOut]);
    clearTimeout(timer);
    return { idle };
  });
}
