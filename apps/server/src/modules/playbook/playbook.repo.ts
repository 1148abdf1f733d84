import type { Playbook, UpdatePlaybookRequest } from "@parley/contracts";
import { eq } from "drizzle-orm";
import type { Queryable } from "../../platform/db";
import { playbooks, users } from "../../platform/db/schema";

/** The workspace's playbook; an empty one (updated_at null) until someone saves it. */
export async function findPlaybook(db: Queryable, workspaceId: string): Promise<Playbook> {
  const [row] = await db
    .select({ playbook: playbooks, authorName: users.name })
    .from(playbooks)
    .leftJoin(users, eq(users.id, playbooks.updatedBy))
    .where(eq(playbooks.workspaceId, workspaceId))
    .limit(1);
  if (!row) {
    return {
      tone_of_voice: "",
      dos: [],
      donts: [],
      examples: [],
      escalation_contacts: [],
      updated_at: null,
      updated_by: null,
    };
  }
  const p = row.playbook;
  return {
    tone_of_voice: p.toneOfVoice,
    dos: p.dos,
    donts: p.donts,
    examples: p.examples,
    escalation_contacts: p.escalationContacts,
    updated_at: p.updatedAt.toISOString(),
    updated_by: p.updatedBy && row.authorName != null ? { id: p.updatedBy, name: row.authorName } : null,
  };
}

/** Replaces the whole playbook (PUT semantics), creating the row on first save. */
export async function savePlaybook(
  db: Queryable,
  workspaceId: string,
  input: UpdatePlaybookRequest,
  userId: string | null,
  now: Date,
) {
  const values = {
    toneOfVoice: input.tone_of_voice,
    dos: input.dos,
    donts: input.donts,
    examples: input.examples,
    escalationContacts: input.escalation_contacts,
    updatedBy: userId,
    updatedAt: now,
  };
  await db
    .insert(playbooks)
    .values({ workspaceId, ...values })
    .onConflictDoUpdate({ target: playbooks.workspaceId, set: values });
}
