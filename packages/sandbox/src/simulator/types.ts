import type { MetaEmulator } from "../meta/emulator";
import type { Clock } from "../shared/clock";
import type { WhatsAppEmulator } from "../whatsapp/emulator";
import type { XEmulator } from "../x/plugin";
import type { FollowUpKind, Intent, Lang } from "./templates";

export type { FollowUpKind, Intent, Lang } from "./templates";

export const NETWORKS = ["x", "facebook", "instagram", "whatsapp"] as const;
export type Network = (typeof NETWORKS)[number];
/** Public: a post, mention or comment anyone can see. Private: a DM, Messenger or WhatsApp message. */
export type Channel = "public" | "private";
/** Intents of regular (non-crisis) traffic; spam is drawn separately through `spamShare`. */
export type RegularIntent = Exclude<Intent, "spam" | "crisis">;

/** What the simulator needs of each emulator: only the in-process handles, never HTTP. */
export type XPort = Pick<XEmulator, "control" | "network">;
export type MetaPort = Pick<MetaEmulator, "actions" | "store">;
export type WhatsAppPort = Pick<WhatsAppEmulator, "actions" | "store">;

export interface SimulatorOptions {
  /** Any emulator left out is simply not used. */
  x?: XPort;
  meta?: MetaPort;
  whatsapp?: WhatsAppPort;
  /** Timestamps events and paces `start()`; defaults to the emulators' clock, then the system clock. */
  clock?: Clock;
  seed: number | string;
  /** New conversations (spam included) per simulated minute, outside crisis spikes. */
  ratePerMinute: number;
  /** Share of new conversations that are spam or noise (default 0.4). */
  spamShare?: number;
  /** Languages to write in: a list (the first gets 70 %, the others share the rest) or weights. */
  languages?: readonly Lang[] | Readonly<Partial<Record<Lang, number>>>;
  /** Mean simulated minutes between crisis spikes; 0 turns them off (default 60). */
  crisisEvery?: number;
  /** Called with every event (also returned by `tick()`). */
  log?: (event: SimEvent) => void;
  /** Weights of the regular intents (defaults in `mix.ts`). */
  mix?: Readonly<Partial<Record<RegularIntent, number>>>;
  /** Multiplies the per-intent network weights, e.g. `{ whatsapp: 0 }`. */
  networks?: Readonly<Partial<Record<Network, number>>>;
  /** Simulated time one step stands for (default 1000 ms). */
  tickMs?: number;
  /** Steps between two looks at what the brand did (default 5). */
  pollEvery?: number;
  /** Customers remembered at most; the least recently active are forgotten first (default 1000). */
  maxCustomers?: number;
  /** Conversations idle this long (simulated) are forgotten (default 180 minutes). */
  forgetAfterMinutes?: number;
}

export type SimEventKind =
  | "arrival"
  | "follow_up"
  | "survey_answer"
  | "crisis_start"
  | "crisis_end"
  | "error";

export interface SimEvent {
  kind: SimEventKind;
  step: number;
  /** From the clock (the emulators' time), ISO 8601. */
  at: string;
  network?: Network;
  channel?: Channel;
  intent?: Intent;
  topic?: string;
  lang?: Lang;
  spam?: boolean;
  followUp?: FollowUpKind;
  /** The simulator's id of the customer (stable across networks and follow-ups). */
  customerId?: string;
  /** The customer's handle (X) or name (elsewhere). */
  customer?: string;
  text?: string;
  /** Id of what was created on the network: post, comment, DM event, mid or wamid. */
  ref?: string;
  error?: string;
  /** A `survey_answer`: the kind asked and the score given (surveys.ts). */
  survey?: { kind: "csat" | "nps"; score: number };
}

export interface CrisisInfo {
  topic: string;
  city: string;
  lang: Lang;
  hashtag: string;
  startStep: number;
  endStep: number;
}

export interface SimulatorStats {
  steps: number;
  simulatedMinutes: number;
  running: boolean;
  /** New conversations, spam and crisis posts included. */
  arrivals: number;
  spam: number;
  followUps: number;
  brandRepliesSeen: number;
  /** Answers to the brand's CSAT/NPS questions (surveys.ts). */
  surveyAnswers: number;
  errors: number;
  /** Every customer message (arrivals and follow-ups) by network. */
  byNetwork: Record<Network, number>;
  byIntent: Record<Intent, number>;
  byLanguage: Partial<Record<Lang, number>>;
  byFollowUp: Partial<Record<FollowUpKind, number>>;
  crises: number;
  crisis?: CrisisInfo;
  customers: number;
  conversations: number;
  pending: number;
}

export interface Simulator {
  /** Paces steps by the clock on a timer (one step per `tickMs` of clock time). */
  start(): void;
  stop(): void;
  /** Runs `n` steps (default 1) at once, synchronously; returns what happened. */
  tick(n?: number): SimEvent[];
  stats(): SimulatorStats;
  /** Starts a crisis spike now, e.g. `{ topic: "outage", city: "Manchester" }`. */
  triggerCrisis(input?: { topic?: "outage" | "billing" | "app"; city?: string; lang?: Lang }): CrisisInfo;
}
