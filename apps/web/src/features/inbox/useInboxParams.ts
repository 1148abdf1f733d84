import { type Channel, type Priority, SENTIMENTS, type Sentiment } from "@parley/contracts";
import { useCallback, useMemo } from "react";
import { useSearchParams } from "react-router";
import { useCan, useCurrentMe } from "../../app/auth";
import { CHANNEL_META } from "../../ui/channels";
import { PRIORITY_OPTIONS } from "../../ui/PriorityBadge";
import { type ConversationQuery, type ConversationSort, useTeamsList } from "./queries";
import { APPROVALS_VIEW, findView, type InboxView, QUEUE_VIEWS, STATUS_VIEWS, teamViews } from "./views";

const SORTS: ConversationSort[] = ["priority", "newest", "oldest"];
const CHANNELS = Object.keys(CHANNEL_META) as Channel[];
const PRIORITIES: Priority[] = PRIORITY_OPTIONS.map((o) => o.value);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function csv<T extends string>(value: string | null, allowed: readonly T[]): T[] {
  return (value ?? "").split(",").filter((v): v is T => (allowed as readonly string[]).includes(v));
}

export interface InboxViewGroups {
  queues: InboxView[];
  teams: InboxView[];
  statuses: InboxView[];
  all: InboxView[];
}

/** The sidebar's views for the signed-in person: their teams, and the approval queue if they decide. */
export function useInboxViews(): InboxViewGroups {
  const me = useCurrentMe();
  const canApprove = useCan("approvals:decide");
  const teamList = useTeamsList();
  return useMemo(() => {
    const mine = new Set(me.user?.team_ids ?? []);
    const teams = teamViews((teamList.data?.items ?? []).filter((t) => mine.has(t.id)));
    const queues = canApprove ? [...QUEUE_VIEWS, APPROVALS_VIEW] : QUEUE_VIEWS;
    return { queues, teams, statuses: STATUS_VIEWS, all: [...queues, ...teams, ...STATUS_VIEWS] };
  }, [me.user, canApprove, teamList.data]);
}

type ParamKey = "view" | "channel" | "priority" | "sentiment" | "assignee" | "q" | "sort";

export interface InboxParams {
  view: InboxView;
  channels: Channel[];
  priorities: Priority[];
  sentiments: Sentiment[];
  /** A user id, or "none" for unassigned; "" = anyone. */
  assignee: string;
  q: string;
  sort: ConversationSort;
  /** The API query for the list: the view's fixed part plus the filters. */
  query: ConversationQuery;
  hasFilters: boolean;
  set: (patch: Partial<Record<ParamKey, string | null>>) => void;
  clearFilters: () => void;
}

/** The inbox state lives in the URL (`?view=mine&channel=x,facebook`) so views can be linked and reloaded. */
export function useInboxParams(views: InboxView[]): InboxParams {
  const [params, setParams] = useSearchParams();
  const raw = params.toString();
  // Parsed once per URL change, so the arrays and the query keep their identity between renders.
  const parsed = useMemo(() => {
    const search = new URLSearchParams(raw);
    const assignee = search.get("assignee") ?? "";
    return {
      viewId: search.get("view"),
      channels: csv(search.get("channel"), CHANNELS),
      priorities: csv(search.get("priority"), PRIORITIES),
      sentiments: csv(search.get("sentiment"), SENTIMENTS),
      assignee: assignee === "none" || UUID.test(assignee) ? assignee : "",
      q: search.get("q") ?? "",
      sort: csv(search.get("sort"), SORTS)[0] ?? "priority",
    };
  }, [raw]);
  const { viewId, channels, priorities, sentiments, assignee, q, sort } = parsed;
  const view = useMemo(() => findView(viewId, views), [viewId, views]);

  const set = useCallback<InboxParams["set"]>(
    (patch) =>
      setParams(
        (prev) => {
          const nextParams = new URLSearchParams(prev);
          for (const [key, value] of Object.entries(patch)) {
            if (value) nextParams.set(key, value);
            else nextParams.delete(key);
          }
          return nextParams;
        },
        { replace: true },
      ),
    [setParams],
  );
  const clearFilters = useCallback(
    () => set({ channel: null, priority: null, sentiment: null, assignee: null, q: null }),
    [set],
  );

  const query = useMemo<ConversationQuery>(
    () => ({
      status: view.query.status,
      assignee_id: view.query.assignee_id ?? (assignee || undefined),
      team_id: view.query.team_id,
      priority: view.query.priority ?? priorities,
      channel: channels,
      sentiment: sentiments,
      q: q.trim() || undefined,
      sort,
    }),
    [view, priorities, channels, sentiments, assignee, q, sort],
  );

  const hasFilters =
    channels.length > 0 ||
    sentiments.length > 0 ||
    (!view.query.priority && priorities.length > 0) ||
    (!view.query.assignee_id && assignee !== "") ||
    q.trim() !== "";
  return { view, channels, priorities, sentiments, assignee, q, sort, query, hasFilters, set, clearFilters };
}
