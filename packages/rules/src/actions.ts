import { ConversationStatus, Priority, Role, Visibility } from "@parley/contracts";
import { z } from "zod";
import { foldText } from "./text";

const Id = z.string().trim().min(1);
const Words = z.string().trim().min(1);

/**
 * What a matching rule asks the desk to do (SPEC W1, with W2 routing, W4 escalation, W5 approval).
 * The rules package only decides; the server's listeners carry the actions out.
 */
export const ActionSchema = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("set_category"), category: Words }),
  z.strictObject({ type: z.literal("add_tag"), tag: Words }),
  z.strictObject({ type: z.literal("remove_tag"), tag: Words }),
  z.strictObject({ type: z.literal("set_priority"), priority: Priority }),
  z.strictObject({ type: z.literal("route_to_team"), team_id: Id }),
  /** "auto" hands the conversation to the team's assignment policy (round robin, load balanced). */
  z.strictObject({
    type: z.literal("assign"),
    to: z.union([z.literal("auto"), z.strictObject({ user_id: Id })]),
  }),
  z.strictObject({ type: z.literal("archive_no_response") }),
  z.strictObject({ type: z.literal("mark_spam") }),
  z.strictObject({ type: z.literal("require_approval"), reason: Words }),
  z.strictObject({ type: z.literal("suggest_template"), template_id: Id }),
  z.strictObject({ type: z.literal("suggest_action"), text: Words }),
  z
    .strictObject({
      type: z.literal("notify"),
      users: z.array(Id).default([]),
      teams: z.array(Id).default([]),
      message: Words,
    })
    .refine((a) => a.users.length + a.teams.length > 0, {
      message: "notify needs at least one user or team",
      path: ["users"],
    }),
  z.strictObject({ type: z.literal("send_acknowledgement"), template_id: Id, visibility: Visibility }),
  z.strictObject({
    type: z.literal("escalate"),
    to: z.union([z.strictObject({ team_id: Id }), z.strictObject({ role: Role })]),
    reason: Words,
  }),
  z.strictObject({ type: z.literal("set_status"), status: ConversationStatus }),
]);
export type Action = z.output<typeof ActionSchema>;
export type ActionInput = z.input<typeof ActionSchema>;
export type ActionType = Action["type"];

/**
 * The single-valued decision an action takes, or null for actions that accumulate. When two
 * matching rules take the same slot (two priorities, a mark_spam and a set_status), the first
 * rule in order wins and the later action is suppressed: rules are ordered by the admin, and
 * "the earlier rule is the more specific one" is how they are written. Status has one slot for
 * set_status, mark_spam and archive_no_response because they all end in a status. Each tag is its
 * own slot, so a later rule cannot remove a tag an earlier one added. Approval reasons, suggestions
 * and notifications accumulate (duplicates dropped): each is something a person should see.
 */
export function actionSlot(action: Action): string | null {
  switch (action.type) {
    case "set_category":
      return "category";
    case "set_priority":
      return "priority";
    case "route_to_team":
      return "team";
    case "assign":
      return "assignee";
    case "set_status":
    case "mark_spam":
    case "archive_no_response":
      return "status";
    case "send_acknowledgement":
      return "acknowledgement";
    case "escalate":
      return "escalation";
    case "add_tag":
    case "remove_tag":
      return `tag:${foldText(action.tag)}`;
    default:
      return null;
  }
}

/** A canonical form of the action (keys sorted), so identical actions from two rules merge. */
export function actionKey(action: Action): string {
  return JSON.stringify(action, (_key, value: unknown) =>
    value && typeof value === "object" && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : value,
  );
}
