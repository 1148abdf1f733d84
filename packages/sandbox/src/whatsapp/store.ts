import type { Clock } from "../meta/core/clock";
import type { Random } from "../meta/core/random";

export interface WhatsAppCustomer {
  /** E.164 digits without `+`. */
  waId: string;
  name: string;
  /** Not on WhatsApp / old client: every message fails with 131026. */
  undeliverable: boolean;
  createdAt: Date;
}

export interface InboundMessage {
  id: string;
  from: string;
  type: string;
  /** The type-specific object (`text: {body}`, `reaction: {...}`...). */
  content: Record<string, unknown>;
  contextId?: string | undefined;
  createdAt: Date;
  readByBusinessAt?: Date | undefined;
}

export type StatusName = "sent" | "delivered" | "read" | "failed";

export interface StatusError {
  code: number;
  title: string;
  message: string;
  error_data: { details: string };
  href: string;
}

export interface OutboundMessage {
  id: string;
  to: string;
  type: string;
  /** The request body as the business sent it. */
  request: Record<string, unknown>;
  createdAt: Date;
  /** Free-form and outside the window, or template: decides pricing and the late failure. */
  insideWindow: boolean;
  templateCategory?: string | undefined;
  bizOpaqueCallbackData?: string | undefined;
  statuses: { status: StatusName; timestamp: string; errors?: StatusError[] }[];
  finalStatus: "accepted" | StatusName;
}

/** An injected delivery-time failure (`failed` status) for the next matching sends. */
export interface StatusFailureRule {
  code: number;
  to?: string | undefined;
  remaining: number;
}

export class WhatsAppStore {
  readonly customers = new Map<string, WhatsAppCustomer>();
  readonly inbound: InboundMessage[] = [];
  readonly outbound: OutboundMessage[] = [];
  /** wa_id → last customer message (the customer-service window runs from it). */
  readonly lastInbound = new Map<string, Date>();
  /** Send times (ms) for the throughput and pair-rate limits. */
  readonly sendTimes: { to: string; at: number }[] = [];
  statusFailures: StatusFailureRule[] = [];
  private readonly usedIds = new Set<string>();

  constructor(
    readonly clock: Clock,
    readonly random: Random,
  ) {}

  uniqueId(make: () => string): string {
    for (;;) {
      const id = make();
      if (!this.usedIds.has(id)) {
        this.usedIds.add(id);
        return id;
      }
    }
  }

  outboundById(id: string): OutboundMessage | undefined {
    return this.outbound.find((m) => m.id === id);
  }

  /** Consumes the first injected status failure that applies to `to`. */
  takeStatusFailure(to: string): number | undefined {
    const rule = this.statusFailures.find((r) => !r.to || r.to === to);
    if (!rule) return undefined;
    rule.remaining--;
    if (rule.remaining <= 0) this.statusFailures = this.statusFailures.filter((r) => r !== rule);
    return rule.code;
  }

  reset(): void {
    this.customers.clear();
    this.inbound.length = 0;
    this.outbound.length = 0;
    this.lastInbound.clear();
    this.sendTimes.length = 0;
    this.statusFailures = [];
    this.usedIds.clear();
  }
}

const HEX = "0123456789ABCDEF";

/**
 * `wamid.` + base64 of Meta's internal key: the customer number, a direction byte and a hex
 * message key (the shape of the reference examples, decoded).
 */
export function newWamid(store: WhatsAppStore, waId: string, direction: "inbound" | "outbound"): string {
  return store.uniqueId(() => {
    const keyLength = direction === "inbound" ? 20 : 18;
    let key = direction === "inbound" ? "3EB0" : "";
    while (key.length < keyLength) key += HEX[store.random.int(0, 15)];
    const number = Buffer.from(waId, "ascii");
    const bytes = Buffer.concat([
      Buffer.from([0x1c, 0x18, number.length]),
      number,
      Buffer.from([0x15, 0x02, 0x00, direction === "inbound" ? 0x12 : 0x11, 0x18, keyLength]),
      Buffer.from(key, "ascii"),
      Buffer.from([0x00]),
    ]);
    return `wamid.${bytes.toString("base64")}`;
  });
}
