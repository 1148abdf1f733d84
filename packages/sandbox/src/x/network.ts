import type { Clock } from "../shared/clock";
import { createRandom, type Random } from "../shared/random";
import { resolveConfig, type XConfig, type XEmulatorOptions, type XPolicy } from "./config";
import { FailureInjector, RateLimiter } from "./rate-limit";
import { RuleBook } from "./rules";
import { SnowflakeGenerator } from "./snowflake";
import { XStore } from "./store";
import { StreamHub } from "./stream";
import type { VerifiedType, XUser } from "./types";
import { WebhookService } from "./webhooks";

/** A user to create (control API shape: snake_case like X's own JSON). */
export interface NewUser {
  id?: string;
  username: string;
  name?: string;
  description?: string;
  location?: string;
  url?: string;
  followers_count?: number;
  following_count?: number;
  tweet_count?: number;
  listed_count?: number;
  verified?: boolean;
  verified_type?: VerifiedType;
  protected?: boolean;
  receives_your_dm?: boolean;
  created_at?: string;
  profile_image_url?: string;
}

/**
 * The emulated network: one instance holds the store and every stateful service (limits, rules,
 * open streams, webhooks). Route modules and operations receive it; lower layers take only what
 * they use.
 */
export class XNetwork {
  readonly config: XConfig;
  /** Mutable copy: the control API flips these switches at run time. */
  readonly policy: XPolicy;
  readonly clock: Clock;
  readonly random: Random;
  readonly ids: SnowflakeGenerator;
  readonly store = new XStore();
  readonly limiter: RateLimiter;
  readonly failures = new FailureInjector();
  readonly rules = new RuleBook();
  readonly streams: StreamHub;
  readonly webhooks: WebhookService;

  constructor(options: XEmulatorOptions = {}) {
    this.config = resolveConfig(options);
    this.policy = { ...this.config.policy };
    this.clock = this.config.clock;
    this.random = createRandom(this.config.seed);
    this.ids = new SnowflakeGenerator(this.random.int(1024));
    this.limiter = new RateLimiter(this.clock, this.config.rateLimits);
    this.streams = new StreamHub(this.config.stream);
    this.webhooks = new WebhookService({
      store: this.store,
      clock: this.clock,
      random: this.random,
      nextId: () => this.ids.next(this.clock.now()),
      consumerSecret: this.config.credentials.consumerSecret,
      options: this.config.webhooks,
    });
    this.addBrand();
  }

  brand(): XUser {
    const brand = this.store.user(this.config.brand.id);
    if (!brand) throw new Error("brand account missing");
    return brand;
  }

  createUser(input: NewUser): XUser {
    const createdAt = input.created_at ? new Date(input.created_at) : this.clock.now();
    const username = input.username.replace(/^@/, "");
    return this.store.addUser({
      id: input.id ?? this.ids.next(createdAt),
      username,
      name: input.name ?? username,
      createdAt,
      description: input.description ?? "",
      location: input.location,
      url: input.url,
      verified: input.verified ?? false,
      verifiedType: input.verified_type ?? (input.verified ? "blue" : "none"),
      protected: input.protected ?? false,
      profileImageUrl: input.profile_image_url ?? `https://pbs.example/img/${username}_normal.jpg`,
      followersCount: input.followers_count ?? 0,
      followingCount: input.following_count ?? 0,
      tweetCount: input.tweet_count ?? 0,
      listedCount: input.listed_count ?? 0,
      likeCount: 0,
      mediaCount: 0,
      receivesYourDm: input.receives_your_dm ?? true,
    });
  }

  /** Back to a fresh network: only the brand and users holding tokens remain; policy back to config. */
  reset(): void {
    const tokenUsers = new Set(this.config.credentials.userTokens.map((t) => t.userId));
    this.store.clear((user) => tokenUsers.has(user.id));
    this.addBrand();
    this.rules.clear();
    this.limiter.reset();
    this.failures.clear();
    this.webhooks.dispatcher.clearLog();
    this.ids.reset();
    Object.assign(this.policy, this.config.policy);
  }

  async close(): Promise<void> {
    this.streams.closeAll();
    this.webhooks.dispatcher.close();
    await this.webhooks.dispatcher.idle();
  }

  private addBrand(): void {
    const brand = this.config.brand;
    this.createUser({
      id: brand.id,
      username: brand.username,
      name: brand.name,
      description: brand.description,
      followers_count: brand.followersCount,
      verified: brand.verified,
      verified_type: brand.verified ? "business" : "none",
      created_at: brand.createdAt,
      following_count: 12,
    });
  }
}
