import type { Config } from "../config";
import type { Inbound } from "../ingest/inbound";
import type { Bus, ChangeFeed } from "./bus";
import type { Clock } from "./clock";
import type { Db } from "./db";
import type { SecretBox } from "./secrets";

/** What route modules and operations receive. Kept small on purpose (no service locator). */
export interface Deps {
  db: Db;
  clock: Clock;
  config: Config;
  secrets: SecretBox;
  bus: Bus;
  /** Where deliveries enter: stored, then handed to the pipeline. */
  inbound: Inbound;
  /**
   * Desk change notifications for the live channel. Call `changes.publish({ workspaceId,
   * conversationIds, reasons, created? })` after the write committed; it never throws or waits.
   */
  changes: ChangeFeed;
  /** A number in [0, 1) (approval sampling); tests pin it. Math.random when absent. */
  random?: () => number;
}
