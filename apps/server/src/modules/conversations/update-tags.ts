import type { UpdateTagsRequest } from "@parley/contracts";
import { badRequest, found } from "../../platform/http/problem";
import type { Principal } from "../auth/principal";
import { findConversation } from "./conversations.repo";
import { updateConversation } from "./update-conversation";

/**
 * The tags after adding and removing, matched without regard to case: a tag already there keeps
 * its first spelling, so "Outage" and "outage" never both appear.
 */
export function nextTags(current: readonly string[], change: UpdateTagsRequest): string[] {
  const removed = new Set((change.remove ?? []).map((t) => t.toLowerCase()));
  const result = current.filter((t) => !removed.has(t.toLowerCase()));
  const seen = new Set(result.map((t) => t.toLowerCase()));
  for (const tag of change.add ?? []) {
    const key = tag.toLowerCase();
    if (seen.has(key) || removed.has(key)) continue;
    seen.add(key);
    result.push(tag);
  }
  return result;
}

/**
 * Adds and removes tags through updateConversation (one `tags_changed` event with from/to);
 * nothing is written when the tags stay the same. Returns whether they changed. Run inside a
 * transaction.
 */
export async function updateTags(
  db: Parameters<typeof updateConversation>[0],
  p: Principal,
  conversationId: string,
  change: UpdateTagsRequest,
  now: Date,
): Promise<boolean> {
  if (!change.add?.length && !change.remove?.length) {
    throw badRequest("Say which tags to add or remove.", [
      { field: "body.add", message: "add or remove at least one tag" },
    ]);
  }
  const current = found(await findConversation(db, p.workspaceId, conversationId), "Conversation");
  const before = current.conversation.tags;
  const tags = nextTags(before, change);
  if (tags.length === before.length && tags.every((t, i) => t === before[i])) return false;
  await updateConversation(db, p, conversationId, { tags }, now);
  return true;
}
