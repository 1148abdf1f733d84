import type {
  Channel,
  Conversation,
  ConversationStatus,
  Message,
  Priority,
  Sentiment,
  Team,
  User,
} from "@parley/contracts";
import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query";
import { useMemo } from "react";
import { api, type Page } from "../../app/api";
import { useFallbackPolling } from "../../app/live";

export type ConversationSort = "priority" | "newest" | "oldest";

/** The GET /conversations query string the inbox sends (see ListConversationsQuery in contracts). */
export interface ConversationQuery {
  status?: ConversationStatus[] | undefined;
  channel?: Channel[] | undefined;
  priority?: Priority[] | undefined;
  sentiment?: Sentiment[] | undefined;
  assignee_id?: string | undefined;
  team_id?: string | undefined;
  q?: string | undefined;
  sort: ConversationSort;
}

const PAGE_SIZE = 100;

/**
 * Query keys shared by the whole web app: lists under ["conversations", ...], everything about one
 * conversation under ["conversation", id, ...]; the live channel invalidates by these prefixes.
 */
export const conversationKeys = {
  all: ["conversations"] as const,
  list: (query: ConversationQuery) => ["conversations", "list", query] as const,
  detail: (id: string) => ["conversation", id] as const,
  messages: (id: string) => ["conversation", id, "messages"] as const,
};

export function useConversationList(query: ConversationQuery) {
  const refetchInterval = useFallbackPolling();
  return useInfiniteQuery({
    queryKey: conversationKeys.list(query),
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<Conversation>>(
        "/conversations",
        { ...query, limit: PAGE_SIZE, cursor: pageParam },
        signal,
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor,
    refetchInterval,
    placeholderData: keepPreviousData,
  });
}

export function useConversation(id: string) {
  const refetchInterval = useFallbackPolling();
  return useQuery({
    queryKey: conversationKeys.detail(id),
    queryFn: ({ signal }) =>
      api.get<Conversation>(`/conversations/${encodeURIComponent(id)}`, undefined, signal),
    refetchInterval,
  });
}

export function useMessages(conversationId: string) {
  const refetchInterval = useFallbackPolling();
  return useInfiniteQuery({
    queryKey: conversationKeys.messages(conversationId),
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<Message>>(
        `/conversations/${encodeURIComponent(conversationId)}/messages`,
        { limit: 100, cursor: pageParam },
        signal,
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor,
    refetchInterval,
  });
}

/** Everyone in the workspace by id, to put names and initials on assignees. */
export function useUsersById(): Map<string, User> {
  const { data } = useUsers();
  return useMemo(() => new Map((data?.items ?? []).map((user) => [user.id, user])), [data]);
}

export function useUsers() {
  return useQuery({
    queryKey: ["users", "directory"],
    queryFn: ({ signal }) => api.get<Page<User>>("/users", { limit: 200 }, signal),
    staleTime: 5 * 60_000,
  });
}

export function useTeamsList() {
  return useQuery({
    queryKey: ["teams", "directory"],
    queryFn: ({ signal }) => api.get<Page<Team>>("/teams", { limit: 200 }, signal),
    staleTime: 5 * 60_000,
  });
}

/** An agent's "spam" / "not spam" on a customer message; the filter learns it (SPEC T1). */
export function useClassifySpam() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ messageId, spam }: { messageId: string; spam: boolean }) =>
      api.post<Message>(`/messages/${encodeURIComponent(messageId)}/spam`, { spam }),
    // The conversation may have moved in or out of the spam folder: refresh it and the lists.
    onSuccess: (message) =>
      Promise.all([
        client.invalidateQueries({ queryKey: conversationKeys.all }),
        client.invalidateQueries({ queryKey: conversationKeys.detail(message.conversation_id) }),
      ]),
  });
}
