import type { ConversationStatus, Priority, Team } from "@parley/contracts";
import {
  IconAlertOctagon,
  IconBan,
  IconCircleCheck,
  IconFlame,
  IconHourglass,
  IconInbox,
  IconShieldCheck,
  IconSparkles,
  IconUser,
  IconUserOff,
  IconUsersGroup,
  type TablerIcon,
} from "@tabler/icons-react";

/** Fixed views by name; team views are "team:<id>". */
export type ViewId = string;

/** What a view fixes in GET /conversations; the rest comes from the filters. */
export interface ViewQuery {
  status?: ConversationStatus[];
  priority?: Priority[];
  assignee_id?: "me" | "none";
  team_id?: string;
}

export interface InboxView {
  id: ViewId;
  label: string;
  Icon: TablerIcon;
  query: ViewQuery;
  empty: string;
  /** Where the rows come from: the conversation list, or the approval queue (replies waiting). */
  source: "conversations" | "approvals";
}

const view = (v: Omit<InboxView, "source"> & { source?: InboxView["source"] }): InboxView => ({
  source: "conversations",
  ...v,
});

export const ALL_OPEN = view({
  id: "all",
  label: "All open",
  Icon: IconInbox,
  query: {},
  empty: "They appear here as soon as a connected channel delivers them.",
});

export const QUEUE_VIEWS: InboxView[] = [
  ALL_OPEN,
  view({
    id: "mine",
    label: "Mine",
    Icon: IconUser,
    query: { assignee_id: "me" },
    empty: "Nothing is assigned to you.",
  }),
  view({
    id: "unassigned",
    label: "Unassigned",
    Icon: IconUserOff,
    query: { assignee_id: "none" },
    empty: "Every open conversation has an owner.",
  }),
  view({
    id: "urgent",
    label: "Urgent",
    Icon: IconFlame,
    query: { priority: ["urgent"] },
    empty: "No urgent conversations right now.",
  }),
];

/** Only for people who may decide on approvals: it reads the approval queue. */
export const APPROVALS_VIEW = view({
  id: "approvals",
  label: "Awaiting approval",
  Icon: IconShieldCheck,
  query: {},
  empty: "No reply is waiting for an approver.",
  source: "approvals",
});

export const STATUS_VIEWS: InboxView[] = [
  view({
    id: "new",
    label: "New",
    Icon: IconSparkles,
    query: { status: ["new"] },
    empty: "No new conversations.",
  }),
  view({
    id: "pending",
    label: "Pending",
    Icon: IconHourglass,
    query: { status: ["pending"] },
    empty: "No conversation is waiting on a customer.",
  }),
  view({
    id: "escalated",
    label: "Escalated",
    Icon: IconAlertOctagon,
    query: { status: ["escalated"] },
    empty: "Nothing is escalated.",
  }),
  view({
    id: "spam",
    label: "Spam",
    Icon: IconBan,
    query: { status: ["spam"] },
    empty: "No spam caught so far. Caught spam lands here; mark mistakes as not spam.",
  }),
  view({
    id: "resolved",
    label: "Resolved",
    Icon: IconCircleCheck,
    query: { status: ["resolved", "closed"] },
    empty: "Resolved and closed conversations appear here.",
  }),
];

/** One view per team the signed-in person belongs to ("My teams"). */
export function teamViews(teams: Pick<Team, "id" | "name">[]): InboxView[] {
  return teams.map((team) =>
    view({
      id: `team:${team.id}`,
      label: team.name,
      Icon: IconUsersGroup,
      query: { team_id: team.id },
      empty: `Nothing open in ${team.name}'s queue.`,
    }),
  );
}

export function findView(id: string | null, views: InboxView[]): InboxView {
  return views.find((v) => v.id === id) ?? ALL_OPEN;
}
