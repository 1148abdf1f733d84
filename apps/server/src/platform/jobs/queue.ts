import { and, eq, sql } from "drizzle-orm";
import { type Queryable, queryRows } from "../db";
import { jobs } from "../db/schema";
import { newId } from "../ids";

export interface EnqueueInput {
  queue: string;
  payload: Record<string, unknown>;
  workspaceId?: string | null;
  /** Dedupe: a second job with the same queue and key is not created. */
  key?: string;
  runAt?: Date;
  maxAttempts?: number;
}

/** Adds a job; call it inside the transaction whose commit should make the job exist. */
export async function enqueue(db: Queryable, input: EnqueueInput, now: Date): Promise<string | null> {
  const id = newId();
  const rows = await db
    .insert(jobs)
    .values({
      id,
      workspaceId: input.workspaceId ?? null,
      queue: input.queue,
      key: input.key ?? null,
      payload: input.payload,
      runAt: input.runAt ?? now,
      maxAttempts: input.maxAttempts ?? 10,
      createdAt: now,
      updatedAt: now,
    })
    .onConflictDoNothing()
    .returning({ id: jobs.id });
  return rows[0]?.id ?? null;
}

export interface ClaimedJob {
  id: string;
  queue: string;
  workspaceId: string | null;
  payload: Record<string, unknown>;
  attempts: number;
  maxAttempts: number;
  /** The previous attempt's worker died holding the job: its effect may or may not have happened. */
  recovered: boolean;
}

/**
 * Locks up to `limit` due jobs for this worker (`FOR UPDATE SKIP LOCKED`, so concurrent workers
 * never take the same job). A running job whose lock expired is taken again, flagged `recovered`.
 */
export async function claimJobs(
  db: Queryable,
  opts: { queues: string[]; limit: number; workerId: string; lockMs: number; now: Date },
): Promise<ClaimedJob[]> {
  const lockedUntil = new Date(opts.now.getTime() + opts.lockMs);
  const queues = sql.join(
    opts.queues.map((q) => sql`${q}`),
    sql`, `,
  );
  const rows = await queryRows(
    db,
    sql`
    with picked as (
      select id, status as previous_status from jobs
      where queue in (${queues}) and run_at <= ${opts.now}
        and (status = 'pending' or (status = 'running' and locked_until < ${opts.now}))
      order by run_at
      limit ${opts.limit}
      for update skip locked
    )
    update jobs j set status = 'running', attempts = j.attempts + 1, locked_by = ${opts.workerId},
      locked_until = ${lockedUntil}, updated_at = ${opts.now}
    from picked where j.id = picked.id
    returning j.id, j.queue, j.workspace_id, j.payload, j.attempts, j.max_attempts, picked.previous_status`,
  );
  return rows.map((r) => ({
    id: String(r.id),
    queue: String(r.queue),
    workspaceId: (r.workspace_id as string | null) ?? null,
    payload: (typeof r.payload === "string" ? JSON.parse(r.payload) : r.payload) as Record<string, unknown>,
    attempts: Number(r.attempts),
    maxAttempts: Number(r.max_attempts),
    recovered: r.previous_status === "running",
  }));
}

/** Ends a job this worker holds. `retryAt` puts it back in the queue; `dead` keeps it for inspection. */
export async function settleJob(
  db: Queryable,
  job: { id: string; workerId: string },
  outcome:
    | { status: "done" }
    | { status: "retry"; at: Date; error: string }
    | { status: "dead"; error: string },
  now: Date,
): Promise<void> {
  const base = { lockedBy: null, lockedUntil: null, updatedAt: now };
  const set =
    outcome.status === "done"
      ? { ...base, status: "done" as const }
      : outcome.status === "retry"
        ? { ...base, status: "pending" as const, runAt: outcome.at, lastError: outcome.error }
        : { ...base, status: "dead" as const, lastError: outcome.error };
  await db
    .update(jobs)
    .set(set)
    .where(and(eq(jobs.id, job.id), eq(jobs.lockedBy, job.workerId)));
}
