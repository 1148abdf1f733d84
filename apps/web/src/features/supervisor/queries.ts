import type { LiveServerMessage, SupervisorOverview } from "@parley/contracts";
import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { api } from "../../app/api";
import { useLiveEvent } from "../../app/live";
import { createRefreshScheduler, type RefreshScheduler } from "../../app/refresh-scheduler";

export const SUPERVISOR_KEY = ["supervisor", "overview"] as const;

/** Waits, due times and "today" move with the clock alone: refetch this often even when nothing changes. */
export const TIME_REFRESH_MS = 15_000;
/** A burst of live changes refetches at most this often. */
export const LIVE_REFRESH_MS = 1_000;

export function useSupervisorOverview(enabled: boolean) {
  return useQuery({
    queryKey: SUPERVISOR_KEY,
    queryFn: ({ signal }) => api.get<SupervisorOverview>("/supervisor/overview", undefined, signal),
    enabled,
    placeholderData: keepPreviousData,
    refetchInterval: TIME_REFRESH_MS,
    refetchOnWindowFocus: true,
  });
}

/** Which live messages change a figure of the overview. */
export function affectsOverview(msg: LiveServerMessage): boolean {
  return msg.type === "conversation.changed" || msg.type === "presence" || msg.type === "users.changed";
}

/** Refetches the overview when the live channel reports a change, debounced to one refetch a second. */
export function useLiveOverviewRefresh(enabled: boolean) {
  const client = useQueryClient();
  const scheduler = useRef<RefreshScheduler | null>(null);
  useEffect(() => {
    if (!enabled) return;
    const s = createRefreshScheduler(
      () => client.invalidateQueries({ queryKey: SUPERVISOR_KEY }, { cancelRefetch: false }),
      LIVE_REFRESH_MS,
    );
    scheduler.current = s;
    return () => {
      s.dispose();
      scheduler.current = null;
    };
  }, [client, enabled]);
  useLiveEvent((msg) => {
    if (affectsOverview(msg)) scheduler.current?.request();
  });
}
