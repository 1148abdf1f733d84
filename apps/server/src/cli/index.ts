import { existsSync, statSync } from "node:fs";
import { ROLES, type Role } from "@parley/contracts";
import { Command, InvalidArgumentError, Option } from "commander";
import { z } from "zod";
import { ConfigError, loadConfig } from "../config";
import { seedDemo } from "../demo/seed-demo";
import { createApiKey } from "../modules/api-keys/create-api-key";
import { AlreadyMemberError, createUser } from "../modules/users/create-user";
import { createWorkspace, WorkspaceExistsError } from "../modules/workspaces/create-workspace";
import { findWorkspaceBySlug } from "../modules/workspaces/workspaces.repo";
import { openRuntime, type Runtime } from "../runtime";

/** A mistake the person running the command can fix; printed without a stack trace. */
class UsageError extends Error {}

async function withRuntime<T>(fn: (rt: Runtime) => Promise<T>): Promise<T> {
  const runtime = await openRuntime(loadConfig());
  try {
    return await fn(runtime);
  } finally {
    await runtime.close();
  }
}

async function workspaceId(rt: Runtime, slug: string): Promise<string> {
  const ws = await findWorkspaceBySlug(rt.deps.db, slug);
  if (!ws) throw new UsageError(`No workspace "${slug}". Create it with: parley workspace create ${slug}`);
  return ws.id;
}

const roleOption = () =>
  new Option("--role <role>", "agent, lead, approver, admin or analyst").choices(ROLES).makeOptionMandatory();
const email = (v: string) => {
  if (!z.email().safeParse(v).success) throw new InvalidArgumentError("not an email address");
  return v;
};

const program = new Command("parley")
  .description("Parley, the open-source social customer care desk")
  .showHelpAfterError();

program
  .command("start")
  .description("run the server (web app, API); embedded PGlite unless DATABASE_URL is set")
  .action(async () => {
    const { startServer } = await import("../main");
    await startServer(loadConfig());
  });

program
  .command("sandbox")
  .description(
    "run only the sandbox networks (X, Meta, WhatsApp emulators) and, optionally, simulated customers",
  )
  .option("--port <port>", "port to listen on", (v) => Number.parseInt(v, 10), 4000)
  .option("--host <host>", "interface", "127.0.0.1")
  .option("--rate <perMinute>", "simulated customer messages per minute (0 = none)", (v) => Number(v), 0)
  .option("--seed <seed>", "random seed of the simulation", (v) => Number.parseInt(v, 10), 42)
  .action(async (opts: { port: number; host: string; rate: number; seed: number }) => {
    if (!Number.isInteger(opts.port) || opts.port < 0 || opts.port > 65535)
      throw new UsageError("--port must be a port number");
    if (!Number.isFinite(opts.rate) || opts.rate < 0)
      throw new UsageError("--rate must be a number of messages per minute, 0 or more");
    const { runStandaloneSandbox } = await import("../demo/standalone");
    await runStandaloneSandbox({
      port: opts.port,
      host: opts.host,
      ratePerMinute: opts.rate,
      seed: opts.seed,
    });
  });

program
  .command("migrate")
  .description("apply database migrations and exit")
  .action(() => withRuntime(async (rt) => console.log(`Migrations applied (${rt.database.driver}).`)));

program
  .command("seed-demo")
  .description('create the demo workspace "acme" with one user per role (idempotent)')
  .action(() =>
    withRuntime(async (rt) => {
      const { created } = await seedDemo(rt.deps.db, rt.deps.clock.now());
      console.log(
        created
          ? "Demo workspace acme created."
          : "Demo workspace acme already exists; missing parts were added.",
      );
    }),
  );

program
  .command("workspace")
  .description("manage workspaces")
  .command("create <slug>")
  .description("create a workspace (tenant)")
  .option("--name <name>", "display name (default: the slug)")
  .option("--timezone <tz>", "IANA time zone", "UTC")
  .action((slug: string, opts: { name?: string; timezone: string }) =>
    withRuntime(async (rt) => {
      const ws = await createWorkspace(
        rt.deps.db,
        { slug, name: opts.name ?? slug, timezone: opts.timezone },
        rt.deps.clock.now(),
      );
      console.log(`Workspace ${ws.slug} created (${ws.id}).`);
    }),
  );

program
  .command("user")
  .description("manage users")
  .command("create")
  .description("create a user in a workspace")
  .requiredOption("--email <email>", "login email", email)
  .requiredOption("--workspace <slug>", "workspace slug")
  .addOption(roleOption())
  .option("--name <name>", "display name (default: the email's local part)")
  .option("--password <password>", "at least 10 characters (or set PARLEY_USER_PASSWORD)")
  .action((opts: { email: string; workspace: string; role: Role; name?: string; password?: string }) =>
    withRuntime(async (rt) => {
      const password = opts.password ?? process.env.PARLEY_USER_PASSWORD;
      if (!password || password.length < 10)
        throw new UsageError(
          "Give a password of at least 10 characters with --password or PARLEY_USER_PASSWORD.",
        );
      const id = await workspaceId(rt, opts.workspace);
      const name = opts.name ?? opts.email.split("@")[0] ?? opts.email;
      const user = await rt.deps.db.transaction((tx) =>
        createUser(
          tx,
          { workspaceId: id, email: opts.email, name, password, role: opts.role },
          rt.deps.clock.now(),
        ),
      );
      console.log(`User ${user.email} added to ${opts.workspace} as ${opts.role} (${user.id}).`);
    }),
  );

program
  .command("api-key")
  .description("manage API keys")
  .command("create")
  .description("create an API key; the key alone is printed on the last line")
  .requiredOption("--workspace <slug>", "workspace slug")
  .addOption(roleOption())
  .option("--name <name>", "what the key is for", "cli")
  .action((opts: { workspace: string; role: Role; name: string }) =>
    withRuntime(async (rt) => {
      const id = await workspaceId(rt, opts.workspace);
      const { row, key } = await createApiKey(
        rt.deps.db,
        { workspaceId: id, name: opts.name, role: opts.role, createdBy: null },
        rt.deps.clock.now(),
      );
      console.error(
        `API key "${row.name}" (${row.role}) for ${opts.workspace}; store it now, it is not shown again:`,
      );
      console.log(key);
    }),
  );

program
  .command("eval <task> <file>")
  .description("score a triage classifier (sentiment, spam, complaint, offensive, category) on JSON Lines")
  .option("--json", "print only the scores, as JSON")
  .action(async (task: string, file: string, opts: { json?: boolean }) => {
    const { DatasetError, runEval } = await import("../nlp/eval");
    try {
      console.log(runEval(task, file, opts));
    } catch (err) {
      throw err instanceof DatasetError ? new UsageError(err.message) : err;
    }
  });

program
  .command("import")
  .description("backfill history")
  .command("twcs <file>")
  .description('import a "Customer Support on Twitter" CSV through the pipeline (brand handles → X accounts)')
  .requiredOption("--workspace <slug>", "workspace slug")
  .option("--json", "print the result as JSON")
  .action((file: string, opts: { workspace: string; json?: boolean }) =>
    withRuntime(async (rt) => {
      const { importTwcs } = await import("../imports/import-twcs");
      if (!existsSync(file) || !statSync(file).isFile()) throw new UsageError(`No file at ${file}.`);
      const id = await workspaceId(rt, opts.workspace);
      const r = await importTwcs(rt.deps, { file, workspaceId: id });
      if (opts.json) console.log(JSON.stringify(r));
      else
        console.log(
          `Imported ${r.rows} tweets of ${r.brands} brand accounts into ${opts.workspace}: ${r.outcomes.processed} stored, ` +
            `${r.duplicates} already there, ${r.outcomes.dropped} with no customer (brand broadcasts), ` +
            `${r.outcomes.dead + r.outcomes.retry} failed, ${r.unreadable} unreadable rows.`,
        );
    }),
  );

program
  .command("metrics")
  .description("response-time figures of a workspace over all time (SPEC M2)")
  .requiredOption("--workspace <slug>", "workspace slug")
  .option("--json", "print JSON")
  .action((opts: { workspace: string; json?: boolean }) =>
    withRuntime(async (rt) => {
      const { metricsCommand } = await import("../modules/reporting/metrics.command");
      await workspaceId(rt, opts.workspace);
      console.log(await metricsCommand(rt.deps, { workspace: opts.workspace, json: Boolean(opts.json) }));
    }),
  );

program
  .command("worker")
  .description("run pipeline workers only (no HTTP); needs NATS_URL so several processes share the work")
  .action(async () => {
    const { runWorker } = await import("../worker");
    await runWorker(loadConfig());
  });

const bench = program.command("bench").description("benchmarks");

bench
  .command("rules")
  .description("the rules evaluator on one core: generated triaged messages through a set of realistic rules")
  .option("--rules <n>", "rules in the set", (v) => Number.parseInt(v, 10), 200)
  .option("--messages <n>", "messages evaluated", (v) => Number.parseInt(v, 10), 200_000)
  .option("--json", "print JSON")
  .action(async (opts: { rules: number; messages: number; json?: boolean }) => {
    if (!Number.isInteger(opts.rules) || opts.rules < 1)
      throw new UsageError("--rules must be a positive integer");
    if (!Number.isInteger(opts.messages) || opts.messages < 1)
      throw new UsageError("--messages must be a positive integer");
    const { benchRules } = await import("@parley/rules");
    const result = benchRules({ rules: opts.rules, messages: opts.messages });
    if (opts.json) console.log(JSON.stringify(result, null, 2));
    else console.table([result]);
  });

bench
  .command("ingest")
  .description(
    "generated posts through the whole pipeline into scratch databases (PGlite, and PostgreSQL with DATABASE_URL)",
  )
  .option("--messages <n>", "posts pushed in the throughput run", (v) => Number.parseInt(v, 10), 20_000)
  .option("--rate <perSecond>", "steady rate of the latency run", (v) => Number.parseInt(v, 10), 1000)
  .option("--json", "print JSON (an object for one driver, an array for two)")
  .addOption(new Option("--driver <driver>", "only this database driver").choices(["pglite", "postgres"]))
  .action(
    async (opts: { messages: number; rate: number; json?: boolean; driver?: "pglite" | "postgres" }) => {
      if (!Number.isInteger(opts.messages) || opts.messages < 1)
        throw new UsageError("--messages must be a positive integer");
      if (!Number.isInteger(opts.rate) || opts.rate < 1)
        throw new UsageError("--rate must be a positive integer");
      const { benchIngest } = await import("../bench/ingest-bench");
      const postgresUrl = process.env.DATABASE_URL ?? null;
      if (opts.driver === "postgres" && !postgresUrl)
        throw new UsageError("--driver postgres needs DATABASE_URL");
      const results = await benchIngest({
        messages: opts.messages,
        latencyRate: opts.rate,
        postgresUrl,
        driver: opts.driver,
      });
      if (opts.json) console.log(JSON.stringify(results.length === 1 ? results[0] : results, null, 2));
      else console.table(results);
      process.exit(0);
    },
  );

bench
  .command("inbox")
  .description(
    "the inbox's first page per view over HTTP with N conversations (PGlite, and PostgreSQL with DATABASE_URL)",
  )
  .option("--conversations <n>", "conversations loaded", (v) => Number.parseInt(v, 10), 100_000)
  .option("--samples <n>", "timed requests per view", (v) => Number.parseInt(v, 10), 40)
  .option("--json", "print a JSON array, one entry per driver")
  .addOption(new Option("--driver <driver>", "only this database driver").choices(["pglite", "postgres"]))
  .action(
    async (opts: {
      conversations: number;
      samples: number;
      json?: boolean;
      driver?: "pglite" | "postgres";
    }) => {
      if (!Number.isInteger(opts.conversations) || opts.conversations < 1)
        throw new UsageError("--conversations must be a positive integer");
      if (!Number.isInteger(opts.samples) || opts.samples < 1)
        throw new UsageError("--samples must be a positive integer");
      const postgresUrl = process.env.DATABASE_URL ?? null;
      if (opts.driver === "postgres" && !postgresUrl)
        throw new UsageError("--driver postgres needs DATABASE_URL");
      const { benchInbox } = await import("../bench/inbox-bench");
      const results = await benchInbox({ ...opts, postgresUrl });
      if (opts.json) console.log(JSON.stringify(results, null, 2));
      else
        console.table(
          results.flatMap((r) =>
            Object.entries(r.views).map(([view, t]) => ({ driver: r.driver, view, ...t })),
          ),
        );
      process.exit(0);
    },
  );

bench
  .command("reports")
  .description(
    "the reports' summary over HTTP with N conversations in the rollup (PGlite, and PostgreSQL with DATABASE_URL)",
  )
  .option("--conversations <n>", "conversations over the past year", (v) => Number.parseInt(v, 10), 1_000_000)
  .option(
    "--samples <n>",
    "timed requests per period (after two warm-up ones)",
    (v) => Number.parseInt(v, 10),
    20,
  )
  .option("--json", "print JSON (an object for one driver, an array for two)")
  .addOption(new Option("--driver <driver>", "only this database driver").choices(["pglite", "postgres"]))
  .action(
    async (opts: {
      conversations: number;
      samples: number;
      json?: boolean;
      driver?: "pglite" | "postgres";
    }) => {
      if (!Number.isInteger(opts.conversations) || opts.conversations < 1)
        throw new UsageError("--conversations must be a positive integer");
      if (!Number.isInteger(opts.samples) || opts.samples < 10)
        throw new UsageError("--samples must be an integer of at least 10");
      const postgresUrl = process.env.DATABASE_URL ?? null;
      if (opts.driver === "postgres" && !postgresUrl)
        throw new UsageError("--driver postgres needs DATABASE_URL");
      const { benchReports } = await import("../bench/reports-bench");
      const results = await benchReports({ ...opts, postgresUrl });
      if (opts.json) console.log(JSON.stringify(results.length === 1 ? results[0] : results, null, 2));
      else console.table(results);
      process.exit(0);
    },
  );

program
  .command("reports")
  .description("the reporting rollup (conversation_facts)")
  .command("rebuild")
  .description(
    "recompute every conversation's facts (after changing business hours, or to repair the rollup)",
  )
  .option("--workspace <slug>", "only this workspace")
  .action((opts: { workspace?: string }) =>
    withRuntime(async (rt) => {
      const { rebuildFacts } = await import("../modules/reporting/rollup");
      const id = opts.workspace ? await workspaceId(rt, opts.workspace) : undefined;
      const n = await rebuildFacts(rt.deps.db, rt.deps.clock.now(), { workspaceId: id });
      console.log(`Recomputed the facts of ${n} conversations.`);
    }),
  );

try {
  await program.parseAsync(process.argv);
} catch (err) {
  const known =
    err instanceof UsageError ||
    err instanceof ConfigError ||
    err instanceof WorkspaceExistsError ||
    err instanceof AlreadyMemberError ||
    err instanceof z.ZodError;
  const message =
    err instanceof z.ZodError ? err.issues.map((i) => i.message).join("; ") : (err as Error).message;
  console.error(known ? `parley: ${message}` : err);
  process.exit(known ? 2 : 1);
}
