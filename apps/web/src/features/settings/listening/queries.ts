import type { ListeningKind, ListeningProfile } from "@parley/contracts";
import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { api, type Page } from "../../../app/api";

const KEY = ["listening-profiles"] as const;

export interface ProfileInput {
  name: string;
  kind: ListeningKind;
  include: string[];
  require_any: string[];
  exclude: string[];
  languages: string[];
  locations: string[];
  enabled: boolean;
}

export function useListeningProfiles() {
  return useInfiniteQuery({
    queryKey: KEY,
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<ListeningProfile>>("/listening-profiles", { limit: 100, cursor: pageParam }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor,
    select: (data) => ({ items: data.pages.flatMap((p) => p.items) }),
  });
}

/** Creates a profile, or changes one when `id` is given. */
export function useSaveProfile() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id?: string; input: Partial<ProfileInput> }) =>
      id
        ? api.patch<ListeningProfile>(`/listening-profiles/${encodeURIComponent(id)}`, input)
        : api.post<ListeningProfile>("/listening-profiles", input),
    onSuccess: () => client.invalidateQueries({ queryKey: KEY }),
  });
}

export function useDeleteProfile() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/listening-profiles/${encodeURIComponent(id)}`),
    onSuccess: () => client.invalidateQueries({ queryKey: KEY }),
  });
}
