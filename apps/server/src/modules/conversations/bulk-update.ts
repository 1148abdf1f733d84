import type { BulkAction, BulkConversationResult, Permission } from "@parley/contracts";
import type { Db, Tx } from "../../platform/db";
import { HttpProblem, notFound } from "../../platform/http/problem";
import { recordAudit } from "../audit/audit.repo";
import { assertCan, type Principal } from "../auth/principal";
import { remindToCloseLoop } from "../escalations/close-loop";
import { reasonsFor } from "../live/change-reasons";
import { classifySpam, firstCustomerMessageId } from "./classify-spam";
import { findConversation } from "./conversations.repo";
import { updateConversation } from "./update-conversation";
import { updateTags } from "./update-tags";

type ItemResult = BulkConversationResult["results"][number];

/** The permission the single route for the same change needs (PATCH, PUT tags, POST spam). */
const PERMISSION: Record<BulkAction["type"], Permission> = {
  status: "conversations:update",
  assign: "conversations:update",
  tag: "conversations:update",
  priority: "conversations:update",
  spam: "messages:classify",
};

export interface BulkOutcome {
  results: ItemResult[];
  /** Conversations that changed, with the live channel's reasons. */
  changed: string[];
  reasons: string[];
}

/** One item: the same function the single route calls, so the rules and events are the same. */
async function applyOne(tx: Tx, p: Principal, id: string, action: BulkAction, now: Date): Promise<string[]> {
  switch (action.type) {
    case "status": {
      const changed = await updateConversation(tx, p, id, { status: action.status }, now);
      if (action.status === "resolved" && changed.includes("status_changed"))
        await remindToCloseLoop(tx, p, id, now);
      return changed;
    }
    case "priority":
      return updateConversation(tx, p, id, { priority: action.priority }, now);
    case "assign":
      return updateConversation(tx, p, id, { assignee_id: action.assignee_id }, now);
    case "tag":
      return (await updateTags(tx, p, id, action, now)) ? ["tags_changed"] : [];
    case "spam": {
      const conversation = await findConversation(tx, p.workspaceId, id);
      if (!conversation) throw notFound("Conversation");
      const first = await firstCustomerMessageId(tx, p.workspaceId, id);
      if (!first)
        throw new HttpProblem(
          422,
          "Unprocessable Entity",
          "The conversation has no customer message to judge.",
        );
      const result = await classifySpam(tx, p, first, action.spam, now);
      return result.status ? ["status_changed"] : ["spam"];
    }
  }
}

function failure(id: string, error: unknown, log: (e: unknown) => void): ItemResult {
  if (error instanceof HttpProblem)
    return {
      conversation_id: id,
      ok: false,
      error: { status: error.status, title: error.title, detail: error.detail ?? error.title },
    };
  log(error);
  return {
    conversation_id: id,
    ok: false,
    error: { status: 500, title: "Internal Server Error", detail: "This conversation could not be changed." },
  };
}

/**
 * Applies one action to many conversations, each in its own transaction with its own audit row:
 * one that fails (not found, not allowed, invalid) is reported and never blocks the others.
 */
export async function bulkUpdate(
  db: Db,
  p: Principal,
  ids: readonly string[],
  action: BulkAction,
  ctx: { ip: string | null; now: Date; log: (e: unknown) => void },
): Promise<BulkOutcome> {
  const outcome: BulkOutcome = { results: [], changed: [], reasons: [] };
  const eventTypes = new Set<string>();
  for (const id of new Set(ids)) {
    try {
      assertCan(p, PERMISSION[action.type]);
      const changed = await db.transaction(async (tx) => {
        const changed = await applyOne(tx, p, id, action, ctx.now);
        if (changed.length > 0) {
          const data = { ...action, bulk: true } as Record<string, unknown>;
          await recordAudit(
            tx,
            p,
            ctx.ip,
            { action: `conversation.bulk_${action.type}`, targetType: "conversation", targetId: id, data },
            ctx.now,
          );
        }
        return changed;
      });
      if (changed.length > 0) outcome.changed.push(id);
      for (const t of changed) eventTypes.add(t);
      outcome.results.push({ conversation_id: id, ok: true });
    } catch (error) {
      outcome.results.push(failure(id, error, ctx.log));
    }
  }
  outcome.reasons = reasonsFor([...eventTypes]);
  return outcome;
}
