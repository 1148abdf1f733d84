import type { DeadLetter } from "@parley/contracts";
import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { api, type Page } from "../../../app/api";

const KEY = ["dead-letters"] as const;

export function useDeadLetters() {
  return useInfiniteQuery({
    queryKey: KEY,
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<DeadLetter>>("/dead-letters", { limit: 100, cursor: pageParam }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor,
    select: (data) => ({ items: data.pages.flatMap((p) => p.items) }),
    // Replays are processed in the background: the list catches up on its own.
    refetchInterval: 10_000,
  });
}

/** Replays one dead letter, or all of them without an id. */
export function useReplay() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id?: string) =>
      api.post<{ replayed: number }>(
        id ? `/dead-letters/${encodeURIComponent(id)}/replay` : "/dead-letters/replay-all",
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: KEY }),
  });
}
