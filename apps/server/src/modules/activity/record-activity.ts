import { type ActivityKind, ROLE_PERMISSIONS, ROLES } from "@parley/contracts";
import { sql } from "drizzle-orm";
import { type Queryable, queryRows } from "../../platform/db";

/** One heartbeat of an agent on a conversation, stamped with the server's receive time. */
export interface ActivityBeat {
  workspaceId: string;
  conversationId: string;
  userId: string;
  kind: ActivityKind;
  at: Date;
}

/** Roles whose members may read conversations, so whose beats count. */
const READERS = ROLES.filter((r) => ROLE_PERMISSIONS[r].includes("conversations:read"));

/**
 * Stores beats as `agent_activity` conversation events (SPEC M3, read by reporting/handling-time)
 * in one statement. The statement itself checks that each conversation belongs to the beat's
 * workspace and that the user is still a member allowed to read it: a beat for anything else is
 * dropped, so a stale or forged beat never lands in another workspace's log. Returns how many
 * were stored.
 */
export async function insertActivity(db: Queryable, beats: readonly ActivityBeat[]): Promise<number> {
  if (beats.length === 0) return 0;
  const values = sql.join(
    beats.map(
      (b) =>
        sql`(${b.workspaceId}::uuid, ${b.conversationId}::uuid, ${b.userId}::uuid, ${b.kind}::text, ${b.at.toISOString()}::timestamptz)`,
    ),
    sql`, `,
  );
  const readers = sql.join(
    READERS.map((r) => sql`${r}`),
    sql`, `,
  );
  const rows = await queryRows<{ seq: number }>(
    db,
    sql`insert into conversation_events
          (workspace_id, conversation_id, type, actor_type, actor_id, data, occurred_at, created_at)
        select v.workspace_id, v.conversation_id, 'agent_activity', 'user', v.user_id,
               jsonb_build_object('kind', v.kind), v.at, v.at
        from (values ${values}) as v (workspace_id, conversation_id, user_id, kind, at)
        join conversations c on c.id = v.conversation_id and c.workspace_id = v.workspace_id
        join memberships m on m.workspace_id = v.workspace_id and m.user_id = v.user_id
        where m.role in (${readers})
        returning seq`,
  );
  return rows.length;
}
