import type { BulkAction, BulkConversationResult, Conversation, Message } from "@parley/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, type Page } from "../../../app/api";
import { conversationKeys } from "../queries";
import { chunks } from "./selection";

export type BulkItemResult = BulkConversationResult["results"][number];

/**
 * POST /conversations/bulk in chunks of 200: one failure never blocks the others, and the answer
 * says which conversations failed and why.
 */
export function useBulkAction() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ ids, action }: { ids: string[]; action: BulkAction }) => {
      const results: BulkItemResult[] = [];
      for (const part of chunks(ids)) {
        const answer = await api.post<BulkConversationResult>("/conversations/bulk", {
          conversation_ids: part,
          action,
        });
        results.push(...answer.results);
      }
      return results;
    },
    onSettled: (_data, _error, { ids }) =>
      Promise.all([
        client.invalidateQueries({ queryKey: conversationKeys.all }),
        ...ids.map((id) => client.invalidateQueries({ queryKey: conversationKeys.detail(id) })),
      ]),
  });
}

/** Resolve one conversation (POST /conversations/:id/resolve, which also checks the close-the-loop rule). */
export function useResolveConversation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<unknown>(`/conversations/${encodeURIComponent(id)}/resolve`),
    onSettled: (_data, _error, id) =>
      Promise.all([
        client.invalidateQueries({ queryKey: conversationKeys.all }),
        client.invalidateQueries({ queryKey: conversationKeys.detail(id) }),
      ]),
  });
}

export function useAssignConversation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, assigneeId }: { id: string; assigneeId: string | null }) =>
      api.patch<Conversation>(`/conversations/${encodeURIComponent(id)}`, { assignee_id: assigneeId }),
    onSettled: (_data, _error, { id }) =>
      Promise.all([
        client.invalidateQueries({ queryKey: conversationKeys.all }),
        client.invalidateQueries({ queryKey: conversationKeys.detail(id) }),
      ]),
  });
}

/**
 * "Not spam" from the spam folder: the verdict on the conversation's first customer message is what
 * moves it out and what the filter learns from (POST /messages/:id/spam {spam: false}).
 */
export function useNotSpam() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (conversationId: string) => {
      const page = await api.get<Page<Message>>(
        `/conversations/${encodeURIComponent(conversationId)}/messages`,
        { limit: 20 },
      );
      const first = page.items.find((m) => m.direction === "inbound");
      if (!first) throw new Error("This conversation has no customer message to correct.");
      return api.post<Message>(`/messages/${encodeURIComponent(first.id)}/spam`, { spam: false });
    },
    onSettled: (_data, _error, id) =>
      Promise.all([
        client.invalidateQueries({ queryKey: conversationKeys.all }),
        client.invalidateQueries({ queryKey: conversationKeys.detail(id) }),
      ]),
  });
}
