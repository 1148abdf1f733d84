import type { Clock } from "../core/clock";
import type { Random } from "../core/random";
import type {
  BrandAction,
  CommentRecord,
  CustomerRecord,
  DirectMessageRecord,
  IgCommentRecord,
  IgMediaRecord,
  InstagramAccountRecord,
  PageRecord,
  PostRecord,
} from "./types";

/**
 * Everything the Meta emulator knows. Pages and IG accounts are configuration and survive
 * `reset()`; customers, content, messages and the outbox do not.
 */
export class MetaStore {
  readonly pages = new Map<string, PageRecord>();
  readonly instagram = new Map<string, InstagramAccountRecord>();
  readonly customers = new Map<string, CustomerRecord>();
  readonly posts = new Map<string, PostRecord>();
  readonly comments = new Map<string, CommentRecord>();
  readonly igMedia = new Map<string, IgMediaRecord>();
  readonly igComments = new Map<string, IgCommentRecord>();
  readonly messages: DirectMessageRecord[] = [];
  readonly outbox: BrandAction[] = [];
  /** `${businessId}:${userId}` → when the user last messaged (opens the 24 h window). */
  readonly lastInbound = new Map<string, Date>();
  /** `${businessId}:${userId}` → conversation id (`t_...`). */
  readonly conversations = new Map<string, string>();
  private readonly usedIds = new Set<string>();
  private customerSeq = 0;
  private actionSeq = 0;

  constructor(
    readonly clock: Clock,
    readonly random: Random,
  ) {}

  /** A fresh id from `make`, never handed out twice. */
  uniqueId(make: () => string): string {
    for (;;) {
      const id = make();
      if (!this.usedIds.has(id)) {
        this.usedIds.add(id);
        return id;
      }
    }
  }

  reserveId(id: string): void {
    this.usedIds.add(id);
  }

  nextCustomerId(): string {
    this.customerSeq++;
    return `cus_${this.customerSeq}`;
  }

  recordAction(action: Omit<BrandAction, "seq" | "at">): BrandAction {
    this.actionSeq++;
    const full = { ...action, seq: this.actionSeq, at: this.clock.now().toISOString() };
    this.outbox.push(full);
    return full;
  }

  pageByToken(token: string): PageRecord | undefined {
    return [...this.pages.values()].find((p) => p.accessToken === token);
  }

  instagramByToken(token: string): InstagramAccountRecord | undefined {
    return [...this.instagram.values()].find((a) => a.accessToken === token);
  }

  customerByPsid(pageId: string, psid: string): CustomerRecord | undefined {
    return [...this.customers.values()].find((c) => c.psids[pageId] === psid);
  }

  customerByIgsid(accountId: string, igsid: string): CustomerRecord | undefined {
    return [...this.customers.values()].find((c) => c.igsids[accountId] === igsid);
  }

  /** Finds who owns a PSID or IGSID regardless of Page/account, for `GET /{psid}`. */
  scopedUser(
    userId: string,
  ): { customer: CustomerRecord; platform: "messenger" | "instagram"; businessId: string } | undefined {
    for (const customer of this.customers.values()) {
      for (const [pageId, psid] of Object.entries(customer.psids)) {
        if (psid === userId) return { customer, platform: "messenger", businessId: pageId };
      }
      for (const [accountId, igsid] of Object.entries(customer.igsids)) {
        if (igsid === userId) return { customer, platform: "instagram", businessId: accountId };
      }
    }
    return undefined;
  }

  windowKey(businessId: string, userId: string): string {
    return `${businessId}:${userId}`;
  }

  conversationId(businessId: string, userId: string): string {
    const key = this.windowKey(businessId, userId);
    let id = this.conversations.get(key);
    if (!id) {
      id = this.uniqueId(() => `t_${this.random.digits(15)}`);
      this.conversations.set(key, id);
    }
    return id;
  }

  thread(businessId: string, userId: string): DirectMessageRecord[] {
    return this.messages.filter((m) => m.businessId === businessId && m.userId === userId);
  }

  reset(): void {
    this.customers.clear();
    this.posts.clear();
    this.comments.clear();
    this.igMedia.clear();
    this.igComments.clear();
    this.messages.length = 0;
    this.outbox.length = 0;
    this.lastInbound.clear();
    this.conversations.clear();
    this.usedIds.clear();
    for (const id of [...this.pages.keys(), ...this.instagram.keys()]) this.usedIds.add(id);
    this.customerSeq = 0;
    this.actionSeq = 0;
  }
}
