import type { Channel, Conversation, ConversationStatus, Message, Priority, User } from "@parley/contracts";
import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query";
import { useMemo } from "react";
import { api, type Page } from "../../app/api";

export type ConversationSort = "priority" | "newest" | "oldest";

export interface ConversationQuery {
  status?: ConversationStatus[] | undefined;
  channel?: Channel[] | undefined;
  priority?: Priority[] | undefined;
  assignee_id?: string | undefined;
  q?: string | undefined;
  sort: ConversationSort;
}

/** Until live updates arrive over WebSocket, the inbox polls. */
export const INBOX_REFRESH_MS = 10_000;
const PAGE_SIZE = 50;

export const conversationKeys = {
  all: ["conversations"] as const,
  list: (query: ConversationQuery) => ["conversations", "list", query] as const,
  detail: (id: string) => ["conversations", "detail", id] as const,
  messages: (id: string) => ["conversations", "messages", id] as const,
};

export function useConversationList(query: ConversationQuery) {
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
    refetchInterval: INBOX_REFRESH_MS,
    placeholderData: keepPreviousData,
  });
}

export function useConversation(id: string) {
  return useQuery({
    queryKey: conversationKeys.detail(id),
    queryFn: ({ signal }) =>
      api.get<Conversation>(`/conversations/${encodeURIComponent(id)}`, undefined, signal),
    refetchInterval: INBOX_REFRESH_MS,
  });
}

export function useMessages(conversationId: string) {
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
    refetchInterval: INBOX_REFRESH_MS,
  });
}

/** Everyone in the workspace by id, to put names and initials on assignees. */
export function useUsersById(): Map<string, User> {
  const { data } = useQuery({
    queryKey: ["users", "directory"],
    queryFn: ({ signal }) => api.get<Page<User>>("/users", { limit: 200 }, signal),
    staleTime: 5 * 60_000,
  });
  return useMemo(() => new Map((data?.items ?? []).map((user) => [user.id, user])), [data]);
}

/** An agent's "spam" / "not spam" on a customer message; the filter learns it (SPEC T1). */
export function useClassifySpam() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ messageId, spam }: { messageId: string; spam: boolean }) =>
      api.post<Message>(`/messages/${encodeURIComponent(messageId)}/spam`, { spam }),
    // The conversation may have moved in or out of the spam folder: refresh it and the lists.
    onSuccess: () => client.invalidateQueries({ queryKey: conversationKeys.all }),
  });
}
