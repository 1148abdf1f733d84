import type { Channel, Priority } from "@parley/contracts";
import { useCallback, useMemo } from "react";
import { useSearchParams } from "react-router";
import { CHANNEL_META } from "../../ui/channels";
import { PRIORITY_OPTIONS } from "../../ui/PriorityBadge";
import type { ConversationQuery, ConversationSort } from "./queries";
import { type InboxView, viewById } from "./views";

const SORTS: ConversationSort[] = ["priority", "newest", "oldest"];
const CHANNELS = Object.keys(CHANNEL_META) as Channel[];
const PRIORITIES: Priority[] = PRIORITY_OPTIONS.map((o) => o.value);

function csv<T extends string>(value: string | null, allowed: readonly T[]): T[] {
  return (value ?? "").split(",").filter((v): v is T => (allowed as readonly string[]).includes(v));
}

export interface InboxParams {
  view: InboxView;
  channels: Channel[];
  priorities: Priority[];
  q: string;
  sort: ConversationSort;
  /** The API query for the list: the view's fixed part plus the filters. */
  query: ConversationQuery;
  hasFilters: boolean;
  set: (patch: Partial<Record<"view" | "channel" | "priority" | "q" | "sort", string | null>>) => void;
}

/** The inbox state lives in the URL (`?view=mine&channel=x,facebook`) so views can be linked and reloaded. */
export function useInboxParams(): InboxParams {
  const [params, setParams] = useSearchParams();
  const raw = params.toString();
  // Parsed once per URL change, so the arrays and the query keep their identity between renders.
  const parsed = useMemo(() => {
    const search = new URLSearchParams(raw);
    return {
      view: viewById(search.get("view")),
      channels: csv(search.get("channel"), CHANNELS),
      priorities: csv(search.get("priority"), PRIORITIES),
      q: search.get("q") ?? "",
      sort: csv(search.get("sort"), SORTS)[0] ?? "priority",
    };
  }, [raw]);
  const { view, channels, priorities, q, sort } = parsed;

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

  const query = useMemo<ConversationQuery>(
    () => ({
      status: view.query.status,
      assignee_id: view.query.assignee_id,
      priority: view.query.priority ?? priorities,
      channel: channels,
      q: q.trim() || undefined,
      sort,
    }),
    [view, priorities, channels, q, sort],
  );

  const hasFilters =
    channels.length > 0 || (!view.query.priority && priorities.length > 0) || q.trim() !== "";
  return { view, channels, priorities, q, sort, query, hasFilters, set };
}
