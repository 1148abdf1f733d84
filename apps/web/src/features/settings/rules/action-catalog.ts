import type { ActionDraft } from "./rule-form";

/**
 * What the action picker offers (the ActionSchema of @parley/rules), with the blank each starts
 * from, so a new action is the right shape before the admin fills it in.
 */
export const ACTION_CATALOG: { type: string; label: string; blank: () => ActionDraft }[] = [
  { type: "route_to_team", label: "Route to team", blank: () => ({ type: "route_to_team", team_id: "" }) },
  { type: "assign", label: "Assign", blank: () => ({ type: "assign", to: "auto" }) },
  { type: "set_priority", label: "Set priority", blank: () => ({ type: "set_priority", priority: "high" }) },
  { type: "set_category", label: "Set category", blank: () => ({ type: "set_category", category: "" }) },
  { type: "add_tag", label: "Add tag", blank: () => ({ type: "add_tag", tag: "" }) },
  { type: "remove_tag", label: "Remove tag", blank: () => ({ type: "remove_tag", tag: "" }) },
  { type: "set_status", label: "Set status", blank: () => ({ type: "set_status", status: "open" }) },
  {
    type: "archive_no_response",
    label: "Archive (no response needed)",
    blank: () => ({ type: "archive_no_response" }),
  },
  { type: "mark_spam", label: "Mark as spam", blank: () => ({ type: "mark_spam" }) },
  {
    type: "require_approval",
    label: "Require approval",
    blank: () => ({ type: "require_approval", reason: "" }),
  },
  {
    type: "escalate",
    label: "Escalate",
    blank: () => ({ type: "escalate", to: { role: "lead" }, reason: "" }),
  },
  {
    type: "notify",
    label: "Notify",
    blank: () => ({ type: "notify", users: [], teams: [], message: "" }),
  },
  {
    type: "suggest_template",
    label: "Suggest a template",
    blank: () => ({ type: "suggest_template", template_id: "" }),
  },
  {
    type: "suggest_action",
    label: "Suggest next best action",
    blank: () => ({ type: "suggest_action", text: "" }),
  },
  {
    type: "send_acknowledgement",
    label: "Send acknowledgement",
    blank: () => ({ type: "send_acknowledgement", template_id: "", visibility: "public" }),
  },
];

const LABELS = new Map(ACTION_CATALOG.map((a) => [a.type, a.label]));

export function actionLabel(type: string): string {
  return LABELS.get(type) ?? type.replaceAll("_", " ");
}

export function blankAction(type: string): ActionDraft {
  return ACTION_CATALOG.find((a) => a.type === type)?.blank() ?? { type };
}

export interface Names {
  team: (id: string) => string;
  user: (id: string) => string;
  template: (id: string) => string;
}

const str = (v: unknown) => (typeof v === "string" ? v : "");

/** One line saying what an action does, with ids shown as names: "Route to team Billing". */
export function describeAction(action: Record<string, unknown>, names: Names): string {
  const label = actionLabel(str(action.type));
  switch (action.type) {
    case "route_to_team":
      return `${label} ${names.team(str(action.team_id))}`;
    case "assign": {
      const to = action.to as { user_id?: string } | string | undefined;
      return typeof to === "object" && to?.user_id
        ? `Assign to ${names.user(to.user_id)}`
        : "Assign automatically";
    }
    case "set_priority":
      return `Priority ${str(action.priority)}`;
    case "set_category":
      return `Category ${str(action.category)}`;
    case "add_tag":
      return `Tag #${str(action.tag)}`;
    case "remove_tag":
      return `Untag #${str(action.tag)}`;
    case "set_status":
      return `Status ${str(action.status)}`;
    case "escalate": {
      const to = action.to as { team_id?: string; role?: string } | undefined;
      return `Escalate to ${to?.team_id ? names.team(to.team_id) : (to?.role ?? "?")}`;
    }
    case "suggest_template":
    case "send_acknowledgement":
      return `${label}: ${names.template(str(action.template_id))}`;
    default:
      return label;
  }
}
