import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { installControlErrorHandler, parseBody, registerCommonControl } from "../meta/control/common";
import { ControlError } from "../meta/control/errors";
import type { FailureInjector } from "../meta/graph/failures";
import type { UsageMeter } from "../meta/graph/usage";
import { type CustomerDeps, createWhatsAppCustomer, customerSendsWhatsApp } from "./customers";
import { WHATSAPP_FAILURE_PRESETS } from "./presets";
import type { StatusProgression } from "./statuses";

/** `/_control/*` of the WhatsApp emulator: act as customers, read what the brand sent. Not Meta's API. */
export interface WhatsAppControlDeps extends CustomerDeps {
  progression: StatusProgression;
  failures: FailureInjector;
  usage: UsageMeter;
  reset: (options: { subscriptions?: boolean }) => void;
}

const opt = z.string().optional();
const Customer = z.object({
  name: z.string().min(1),
  waId: opt,
  phone: opt,
  undeliverable: z.boolean().optional(),
});
const Message = z.object({
  from: z.string(),
  text: opt,
  type: opt,
  content: z.record(z.string(), z.unknown()).optional(),
  contextMessageId: opt,
});
const Status = z.object({
  status: z.enum(["sent", "delivered", "read", "failed"]),
  code: z.number().int().optional(),
});
const StatusFailure = z.object({
  code: z.number().int(),
  to: opt,
  times: z.number().int().positive().default(1),
});

export function whatsappControlRoutes(deps: WhatsAppControlDeps) {
  return async (app: FastifyInstance) => {
    installControlErrorHandler(app);
    registerCommonControl(app, {
      hub: deps.hub,
      failures: deps.failures,
      usage: deps.usage,
      presets: WHATSAPP_FAILURE_PRESETS,
    });
    app.post("/customers", async (req, reply) =>
      reply.status(201).send(createWhatsAppCustomer(deps, parseBody(Customer, req.body))),
    );
    app.get("/customers", async () => ({ data: [...deps.store.customers.values()] }));
    app.patch<{ Params: { waId: string } }>("/customers/:waId", async (req) => {
      const customer = deps.store.customers.get(req.params.waId);
      if (!customer) throw new ControlError(`unknown customer ${req.params.waId}`, 404);
      customer.undeliverable = parseBody(z.object({ undeliverable: z.boolean() }), req.body).undeliverable;
      return customer;
    });
    app.post("/messages", async (req, reply) =>
      reply.status(201).send(customerSendsWhatsApp(deps, parseBody(Message, req.body))),
    );
    app.get<{ Querystring: { from?: string } }>("/messages", async (req) => ({
      data: deps.store.inbound.filter((m) => !req.query.from || m.from === req.query.from),
    }));
    app.get<{ Querystring: { to?: string } }>("/outbox", async (req) => ({
      data: deps.store.outbound.filter((m) => !req.query.to || m.to === req.query.to),
    }));
    app.post<{ Params: { id: string } }>("/outbox/:id/status", async (req) => {
      const message = deps.store.outboundById(req.params.id);
      if (!message) throw new ControlError(`unknown message ${req.params.id}`, 404);
      const body = parseBody(Status, req.body);
      await deps.progression.emit(message, body.status, body.code);
      return message;
    });
    app.post("/status-failures", async (req) => {
      const rule = parseBody(StatusFailure, req.body);
      deps.store.statusFailures.push({
        code: rule.code,
        to: rule.to?.replace(/\D/g, ""),
        remaining: rule.times,
      });
      return { success: true };
    });
    app.post("/reset", async (req) => {
      deps.reset(parseBody(z.object({ subscriptions: z.boolean().optional() }), req.body));
      return { success: true };
    });
  };
}
