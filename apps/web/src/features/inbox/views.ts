import type { ConversationStatus, Priority } from "@parley/contracts";
import {
  IconAlertOctagon,
  IconBan,
  IconCircleCheck,
  IconFlame,
  IconHourglass,
  IconInbox,
  IconSparkles,
  IconUser,
  IconUserOff,
  type TablerIcon,
} from "@tabler/icons-react";

export type ViewId =
  | "all"
  | "mine"
  | "unassigned"
  | "urgent"
  | "new"
  | "pending"
  | "escalated"
  | "resolved"
  | "spam";

/** What a view fixes in GET /conversations; the rest comes from the filters. */
export interface ViewQuery {
  status?: ConversationStatus[];
  priority?: Priority[];
  assignee_id?: "me" | "none";
}

export interface InboxView {
  id: ViewId;
  label: string;
  Icon: TablerIcon;
  query: ViewQuery;
  empty: string;
}

export const QUEUE_VIEWS: InboxView[] = [
  {
    id: "all",
    label: "All open",
    Icon: IconInbox,
    query: {},
    empty: "They appear here as soon as a connected channel delivers them.",
  },
  {
    id: "mine",
    label: "Mine",
    Icon: IconUser,
    query: { assignee_id: "me" },
    empty: "Nothing is assigned to you.",
  },
  {
    id: "unassigned",
    label: "Unassigned",
    Icon: IconUserOff,
    query: { assignee_id: "none" },
    empty: "Every open conversation has an owner.",
  },
  {
    id: "urgent",
    label: "Urgent",
    Icon: IconFlame,
    query: { priority: ["urgent"] },
    empty: "No urgent conversations right now.",
  },
];

export const STATUS_VIEWS: InboxView[] = [
  { id: "new", label: "New", Icon: IconSparkles, query: { status: ["new"] }, empty: "No new conversations." },
  {
    id: "pending",
    label: "Pending",
    Icon: IconHourglass,
    query: { status: ["pending"] },
    empty: "No conversation is waiting on a customer.",
  },
  {
    id: "escalated",
    label: "Escalated",
    Icon: IconAlertOctagon,
    query: { status: ["escalated"] },
    empty: "Nothing is escalated.",
  },
  {
    id: "resolved",
    label: "Resolved",
    Icon: IconCircleCheck,
    query: { status: ["resolved", "closed"] },
    empty: "Resolved and closed conversations appear here.",
  },
  { id: "spam", label: "Spam", Icon: IconBan, query: { status: ["spam"] }, empty: "No spam caught so far." },
];

const ALL_VIEWS = [...QUEUE_VIEWS, ...STATUS_VIEWS];

export function viewById(id: string | null): InboxView {
  return ALL_VIEWS.find((view) => view.id === id) ?? (QUEUE_VIEWS[0] as InboxView);
}
