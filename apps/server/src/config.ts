import path from "node:path";
import { z } from "zod";
import { type BusConfig, busConfigFromEnv } from "./platform/bus";

const bool = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((v) => v === "true" || v === "1" || v === "yes");

/** Environment variables Parley reads; README's configuration table lists the same. */
const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  DATABASE_URL: z.string().url().optional(),
  PARLEY_DATA_DIR: z.string().default("./data"),
  PARLEY_PGLITE_THREAD: bool.default(true),
  PARLEY_SECRET_KEY: z
    .string()
    .regex(/^[0-9a-f]{64}$/i, "must be 64 hex characters (32 bytes)")
    .optional(),
  PARLEY_DEMO: bool.optional(),
  PARLEY_SANDBOX: bool.optional(),
  PARLEY_SIM_RATE: z.coerce.number().min(0).max(6000).default(24),
  PARLEY_SIM_SEED: z.coerce.number().int().default(42),
  PARLEY_DEMO_HISTORY_DAYS: z.coerce.number().int().min(0).max(90).default(30),
  PARLEY_PUBLIC_URL: z.string().url().optional(),
  PARLEY_COOKIE_SECURE: bool.default(false),
  PARLEY_SESSION_TTL_HOURS: z.coerce
    .number()
    .positive()
    .default(24 * 7),
  PARLEY_BODY_LIMIT_BYTES: z.coerce.number().int().positive().default(1_048_576),
  PARLEY_WEB_DIR: z.string().optional(),
  NATS_URL: z.string().optional(),
  NATS_STREAM: z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/)
    .optional(),
  NATS_SUBJECT_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/)
    .optional(),
  NATS_ACK_WAIT_MS: z.coerce.number().int().positive().optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

export type DatabaseConfig =
  | {
      driver: "pglite";
      dataDir: string | null;
      /** PGlite on a thread of its own (ADR 0019); in the main thread when false (tests). */
      thread?: boolean;
    }
  | { driver: "postgres"; url: string };

export interface Config {
  port: number;
  host: string;
  database: DatabaseConfig;
  /** The pipeline's bus: in-process unless NATS_URL names a NATS JetStream server (ADR 0010). */
  bus: BusConfig;
  dataDir: string;
  secretKey: string | null;
  demo: boolean;
  /** Days of past activity the demo workspace gets on its first start (0 = none). */
  demoHistoryDays: number;
  /** Local emulators of the networks under /sandbox, with the demo's channels connected to them. */
  sandbox: boolean;
  /** Simulated customer messages per minute (0 = off) and the simulator's random seed. */
  simulator: { ratePerMinute: number; seed: number };
  /** How networks reach this server (webhook URLs); defaults to http://127.0.0.1:<port>. */
  publicUrl: string | null;
  cookieSecure: boolean;
  sessionTtlMs: number;
  bodyLimit: number;
  webDir: string;
  logLevel: string;
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.PARLEY_DATA_DIR);
  return {
    port: e.PORT,
    host: e.HOST,
    database: e.DATABASE_URL
      ? { driver: "postgres", url: e.DATABASE_URL }
      : { driver: "pglite", dataDir: path.join(dataDir, "pglite"), thread: e.PARLEY_PGLITE_THREAD },
    bus: busConfigFromEnv({
      NATS_URL: e.NATS_URL,
      NATS_STREAM: e.NATS_STREAM,
      NATS_SUBJECT_PREFIX: e.NATS_SUBJECT_PREFIX,
      NATS_ACK_WAIT_MS: e.NATS_ACK_WAIT_MS?.toString(),
    }),
    dataDir,
    secretKey: e.PARLEY_SECRET_KEY ?? null,
    // The demo workspace is on by default only for the embedded, zero-setup run.
    demo: e.PARLEY_DEMO ?? !e.DATABASE_URL,
    demoHistoryDays: e.PARLEY_DEMO_HISTORY_DAYS,
    sandbox: e.PARLEY_SANDBOX ?? e.PARLEY_DEMO ?? !e.DATABASE_URL,
    simulator: { ratePerMinute: e.PARLEY_SIM_RATE, seed: e.PARLEY_SIM_SEED },
    publicUrl: e.PARLEY_PUBLIC_URL?.replace(/\/+$/, "") ?? null,
    cookieSecure: e.PARLEY_COOKIE_SECURE,
    sessionTtlMs: e.PARLEY_SESSION_TTL_HOURS * 3_600_000,
    bodyLimit: e.PARLEY_BODY_LIMIT_BYTES,
    webDir: path.resolve(e.PARLEY_WEB_DIR ?? new URL("../../web/dist", import.meta.url).pathname),
    logLevel: e.LOG_LEVEL,
  };
}
