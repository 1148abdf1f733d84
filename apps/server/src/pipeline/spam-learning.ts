import { sql } from "drizzle-orm";
import type { Classifiers } from "../nlp/classifier";
import { type Queryable, queryRows } from "../platform/db";
import { recordset } from "./steps/batch";

/**
 * Keeps this process's spam filters in step with the agents' corrections (SPEC T1). Corrections
 * live in the database, so every pipeline process learns every correction, in order, before the
 * next batch: a message marked on one node is effective for the next message on all of them, and
 * a restart relearns them all.
 */
export function createSpamLearning(db: Queryable, models: Classifiers) {
  const learnt = new Map<string, number>();
  return {
    async sync(workspaceIds: string[]): Promise<void> {
      if (workspaceIds.length === 0) return;
      const rows = await queryRows<{
        seq: string | number;
        workspace_id: string;
        label: "spam" | "ham";
        text: string;
      }>(
        db,
        sql`select s.seq, s.workspace_id, s.label, s.text
            from ${recordset(
              workspaceIds.map((ws) => ({ ws, after: learnt.get(ws) ?? 0 })),
              "ws uuid, after bigint",
            )}
            join spam_corrections s on s.workspace_id = v.ws and s.seq > v.after
            order by s.seq`,
      );
      for (const r of rows) {
        models.forWorkspace(r.workspace_id).spam.learn(r.text, r.label);
        learnt.set(r.workspace_id, Number(r.seq));
      }
    },
  };
}
