import { HOUR_MS } from "../meta/core/time";
import { type Params, str } from "../meta/graph/params";
import { waErrors } from "./errors";
import type { ResolvedWhatsAppOptions } from "./options";
import type { StatusProgression } from "./statuses";
import { newWamid, type OutboundMessage, type WhatsAppStore } from "./store";
import { type ValidatedSend, validateSend } from "./validate";

export interface SendDeps {
  store: WhatsAppStore;
  config: ResolvedWhatsAppOptions;
  progression: StatusProgression;
}

const WINDOW_MS = 24 * HOUR_MS;
const PAIR_INTERVAL_MS = 6_000;

function markAsRead(deps: SendDeps, params: Params) {
  const id = str(params, "message_id");
  if (!id) throw waErrors.invalidParameter("The parameter message_id is required.");
  const message = deps.store.inbound.find((m) => m.id === id);
  if (!message) throw waErrors.invalidParameter(`Param message_id (${id}) is not a valid message id.`);
  message.readByBusinessAt = deps.config.clock.now();
  return { success: true };
}

/** Throughput and pair-rate limits, both behind flags (§3.5). */
function enforceRates(deps: SendDeps, waId: string, now: number): void {
  const times = deps.store.sendTimes;
  while (times.length > 0 && (times[0]?.at ?? 0) <= now - PAIR_INTERVAL_MS) times.shift();
  if (deps.config.enforceThroughput) {
    const lastSecond = times.filter((t) => t.at > now - 1000).length;
    if (lastSecond >= deps.config.throughputPerSecond) throw waErrors.throughput();
  }
  if (deps.config.enforcePairRate && times.some((t) => t.to === waId)) throw waErrors.pairRate();
}

/** The delivery-time failure, if any: injected, undeliverable, or free-form outside the window. */
function lateFailure(deps: SendDeps, send: ValidatedSend, insideWindow: boolean): number | undefined {
  const injected = deps.store.takeStatusFailure(send.waId);
  if (injected !== undefined) return injected;
  const customer = deps.store.customers.get(send.waId);
  if (!customer || customer.undeliverable) return 131026;
  if (!send.template && !insideWindow) return 131047;
  return undefined;
}

/**
 * `POST /{phone-number-id}/messages`: validates, answers `200` with a wamid as soon as the message
 * is accepted, and leaves the outcome to status webhooks (§3.4, §3.5).
 */
export function sendMessage(deps: SendDeps, params: Params) {
  const product = str(params, "messaging_product");
  if (!product) throw waErrors.invalidParameter("The parameter messaging_product is required.");
  if (product !== "whatsapp") throw waErrors.invalidParameter("Param messaging_product must be whatsapp.");
  if (str(params, "status") === "read") return markAsRead(deps, params);
  const send = validateSend(params, {
    templates: deps.config.templates,
    ownNumber: deps.config.phoneNumber.displayPhoneNumber,
  });
  const now = deps.config.clock.now();
  enforceRates(deps, send.waId, now.getTime());
  const last = deps.store.lastInbound.get(send.waId);
  const insideWindow = last !== undefined && now.getTime() - last.getTime() <= WINDOW_MS;
  const message: OutboundMessage = {
    id: newWamid(deps.store, send.waId, "outbound"),
    to: send.waId,
    type: send.type,
    request: Object.fromEntries(
      Object.entries(params).filter(([key]) => key !== "access_token" && key !== "appsecret_proof"),
    ),
    createdAt: now,
    insideWindow,
    templateCategory: send.template?.category,
    bizOpaqueCallbackData: send.bizOpaqueCallbackData,
    statuses: [],
    finalStatus: "accepted",
  };
  deps.store.outbound.push(message);
  deps.store.sendTimes.push({ to: send.waId, at: now.getTime() });
  deps.progression.start(message, lateFailure(deps, send, insideWindow));
  return {
    messaging_product: "whatsapp",
    contacts: [{ input: send.to, wa_id: send.waId }],
    messages: [send.template ? { id: message.id, message_status: "accepted" } : { id: message.id }],
  };
}
