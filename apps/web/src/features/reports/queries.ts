import type { ConversationFactsRow, ReportMetric, ReportSummary } from "@parley/contracts";
import { keepPreviousData, useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { api, type QueryValue } from "../../app/api";

type Query = Record<string, QueryValue>;

/** Every figure of the period; the previous period's stay on screen while a new filter loads. */
export function useReportSummary(query: Query, enabled: boolean) {
  return useQuery({
    queryKey: ["reports", "summary", query],
    queryFn: ({ signal }) => api.get<ReportSummary>("/reports/summary", query, signal),
    enabled,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

interface DrillDownPage {
  metric: ReportMetric;
  items: ConversationFactsRow[];
  next_cursor: string | null;
}

/** The conversations behind a figure, 50 at a time. */
export function useReportConversations(query: Query, metric: ReportMetric | null) {
  return useInfiniteQuery({
    queryKey: ["reports", "conversations", metric, query],
    queryFn: ({ pageParam, signal }) =>
      api.get<DrillDownPage>(
        "/reports/conversations",
        { ...query, metric, limit: 50, cursor: pageParam },
        signal,
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor,
    enabled: metric !== null,
    staleTime: 60_000,
    select: (data) => ({ items: data.pages.flatMap((p) => p.items) }),
  });
}
