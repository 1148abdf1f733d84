import {
  AckPolicy,
  DeliverPolicy,
  type JetStreamClient,
  type JetStreamManager,
  jetstream,
  jetstreamManager,
  StorageType,
} from "@nats-io/jetstream";
import { connect, headers, type NatsConnection, nanos } from "@nats-io/transport-node";
import {
  type Bus,
  type BusHandler,
  type BusMessage,
  DEFAULT_MAX_ATTEMPTS,
  type DeadLetter,
  defaultRetryDelayMs,
  dlqSubject,
  encodePayload,
  type PublishOptions,
  partitionOf,
  type SubscribeOptions,
  type Subscription,
} from "./bus";
import { KEY_HEADER, Semaphore, startPartitionLoop } from "./nats-consumer";

export interface NatsBusOptions {
  servers: string | string[];
  /** Stream holding every bus subject; one per deployment (tests use a unique one per run). */
  stream?: string;
  /** Subjects are stored as `<prefix>.<subject>.<partition>`. */
  subjectPrefix?: string;
  /** Must be the same in every process of a deployment: it decides where a key's messages go. */
  partitions?: number;
  ackWaitMs?: number;
  duplicateWindowMs?: number;
  maxAgeMs?: number;
  retryDelayMs?: (attempt: number) => number;
  onDead?: (dead: DeadLetter) => void | Promise<void>;
  /** Connection name shown by the server (`nats server report connections`). */
  name?: string;
}

type Settings = Required<Omit<NatsBusOptions, "onDead" | "name">> & Pick<NatsBusOptions, "onDead">;

/** Connects, makes sure the stream exists, and returns the bus. */
export async function createNatsBus(opts: NatsBusOptions): Promise<NatsBus> {
  const nc = await connect({ servers: opts.servers, name: opts.name ?? "parley" });
  const settings: Settings = {
    servers: opts.servers,
    stream: opts.stream ?? "PARLEY",
    subjectPrefix: opts.subjectPrefix ?? "parley",
    partitions: opts.partitions ?? 16,
    ackWaitMs: opts.ackWaitMs ?? 30_000,
    duplicateWindowMs: opts.duplicateWindowMs ?? 120_000,
    maxAgeMs: opts.maxAgeMs ?? 7 * 24 * 3_600_000,
    retryDelayMs: opts.retryDelayMs ?? ((attempt) => defaultRetryDelayMs(attempt)),
    onDead: opts.onDead,
  };
  try {
    const jsm = await jetstreamManager(nc);
    await ensureStream(jsm, settings);
    return new NatsBus(nc, jsm, jetstream(nc), settings);
  } catch (err) {
    await nc.close();
    throw err;
  }
}

/** Creates the stream on first use; an existing one is left as operators tuned it. */
async function ensureStream(jsm: JetStreamManager, s: Settings): Promise<void> {
  try {
    await jsm.streams.info(s.stream);
    return;
  } catch {
    // not found: create it below
  }
  await jsm.streams.add({
    name: s.stream,
    subjects: [`${s.subjectPrefix}.>`],
    storage: StorageType.File,
    duplicate_window: nanos(s.duplicateWindowMs),
    max_age: nanos(s.maxAgeMs),
  });
}

/** Durable names cannot hold dots or wildcards. */
const token = (name: string) => name.replace(/[^A-Za-z0-9_-]/g, "_");

export class NatsBus implements Bus {
  private readonly subscriptions = new Set<Subscription>();
  private unkeyed = 0;

  constructor(
    private readonly nc: NatsConnection,
    private readonly jsm: JetStreamManager,
    private readonly js: JetStreamClient,
    private readonly s: Settings,
  ) {}

  /** The bus's connection, shared by ephemeral NATS core traffic (desk change notifications). */
  get connection(): NatsConnection {
    return this.nc;
  }

  /** This deployment's subject prefix; core subjects derive theirs from it so runs never meet. */
  get subjectPrefix(): string {
    return this.s.subjectPrefix;
  }

  async publish(subject: string, payload: Uint8Array | object, opts: PublishOptions = {}): Promise<void> {
    const h = headers();
    if (opts.key !== undefined) h.set(KEY_HEADER, opts.key);
    // Unkeyed messages are spread round-robin; they need no order, only a partition.
    const partition =
      opts.key !== undefined ? partitionOf(opts.key, this.s.partitions) : this.unkeyed++ % this.s.partitions;
    await this.js.publish(this.storedSubject(subject, partition), encodePayload(payload), {
      headers: h,
      ...(opts.msgId !== undefined ? { msgID: opts.msgId } : {}),
    });
  }

  async subscribe(
    subject: string,
    group: string,
    handler: BusHandler,
    opts: SubscribeOptions = {},
  ): Promise<Subscription> {
    const maxAttempts = opts.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
    const slots = new Semaphore(opts.concurrency ?? this.s.partitions);
    const stops: Array<() => Promise<void>> = [];
    const subscription: Subscription = {
      close: async () => {
        this.subscriptions.delete(subscription);
        await Promise.all(stops.map((stop) => stop()));
      },
    };
    this.subscriptions.add(subscription);
    const shared = {
      js: this.js,
      stream: this.s.stream,
      subject,
      group,
      handler,
      slots,
      maxAttempts,
      ackWaitMs: this.s.ackWaitMs,
      retryDelayMs: this.s.retryDelayMs,
      deadLetter: (msg: BusMessage, seq: number, reason: string) => this.deadLetter(group, msg, seq, reason),
    };
    try {
      for (let p = 0; p < this.s.partitions; p++) {
        const consumer = await this.ensureConsumer(subject, group, p, maxAttempts);
        stops.push(await startPartitionLoop({ ...shared, consumer }));
      }
    } catch (err) {
      await subscription.close();
      throw err;
    }
    return subscription;
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((sub) => sub.close()));
    await this.nc.drain();
  }

  private storedSubject(subject: string, partition: number): string {
    return `${this.s.subjectPrefix}.${subject}.${partition}`;
  }

  /**
   * One durable pull consumer per (group, subject, partition). `max_ack_pending: 1` serialises the
   * partition; `max_deliver` leaves one delivery past maxAttempts so a message whose last attempt
   * died with its worker still reaches the DLQ instead of being dropped by the server.
   */
  private async ensureConsumer(subject: string, group: string, p: number, maxAttempts: number) {
    const name = `${token(group)}__${token(subject)}__${p}`;
    const config = {
      ack_wait: nanos(this.s.ackWaitMs),
      max_deliver: maxAttempts + 1,
      max_ack_pending: 1,
    };
    try {
      await this.jsm.consumers.add(this.s.stream, {
        ...config,
        durable_name: name,
        ack_policy: AckPolicy.Explicit,
        // A new group starts with messages published from now on, as in the in-process bus.
        deliver_policy: DeliverPolicy.New,
        filter_subject: this.storedSubject(subject, p),
      });
    } catch {
      // Exists with other settings (a deploy changed maxAttempts or ack_wait): apply them.
      await this.jsm.consumers.update(this.s.stream, name, config);
    }
    return name;
  }

  private async deadLetter(group: string, msg: BusMessage, seq: number, reason: string): Promise<void> {
    await this.s.onDead?.({ subject: msg.subject, group, attempts: msg.attempt, reason, message: msg });
    await this.publish(dlqSubject(msg.subject), msg.data, { key: msg.key, msgId: `dlq:${group}:${seq}` });
  }
}
