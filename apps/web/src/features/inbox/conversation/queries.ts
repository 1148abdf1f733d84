import type {
  Conversation,
  ConversationEvent,
  ConversationStatus,
  EscalateRequest,
  Message,
  Note,
  Priority,
} from "@parley/contracts";
import { type QueryClient, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, type Page } from "../../../app/api";
import { useFallbackPolling } from "../../../app/live";

/** Everything about one conversation lives under ["conversation", id, ...] (the live channel refreshes it). */
export const oneConversation = {
  detail: (id: string) => ["conversation", id] as const,
  notes: (id: string) => ["conversation", id, "notes"] as const,
  events: (id: string) => ["conversation", id, "events"] as const,
};

const path = (id: string, rest = "") => `/conversations/${encodeURIComponent(id)}${rest}`;

export function useNotes(conversationId: string) {
  const refetchInterval = useFallbackPolling();
  return useQuery({
    queryKey: oneConversation.notes(conversationId),
    queryFn: ({ signal }) => api.get<Page<Note>>(path(conversationId, "/notes"), { limit: 200 }, signal),
    refetchInterval,
  });
}

export function useEvents(conversationId: string) {
  const refetchInterval = useFallbackPolling();
  return useQuery({
    queryKey: oneConversation.events(conversationId),
    queryFn: ({ signal }) =>
      api.get<Page<ConversationEvent>>(path(conversationId, "/events"), { limit: 200 }, signal),
    refetchInterval,
  });
}

/** After a change: the conversation (detail, messages, notes, history) and every list that shows it. */
function refresh(client: QueryClient, id: string, updated?: Conversation) {
  if (updated) client.setQueryData(oneConversation.detail(id), updated);
  return Promise.all([
    client.invalidateQueries({ queryKey: ["conversation", id] }),
    client.invalidateQueries({ queryKey: ["conversations"] }),
  ]);
}

export interface ConversationChange {
  status?: ConversationStatus;
  priority?: Priority;
  assignee_id?: string | null;
  team_id?: string | null;
}

export function useUpdateConversation(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (change: ConversationChange) => api.patch<Conversation>(path(id), change),
    onSuccess: (updated) => refresh(client, id, updated),
  });
}

export interface ResolveResult {
  conversation: Conversation;
  close_loop: { message: string; public_message_id: string } | null;
}

export function useResolveConversation(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<ResolveResult>(path(id, "/resolve")),
    onSuccess: (result) => refresh(client, id, result.conversation),
  });
}

export function useUpdateTags(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (change: { add?: string[]; remove?: string[] }) =>
      api.put<Conversation>(path(id, "/tags"), change),
    onSuccess: (updated) => refresh(client, id, updated),
  });
}

export function useEscalate(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: EscalateRequest) =>
      api.post<{ conversation: Conversation }>(path(id, "/escalate"), body),
    onSuccess: (result) => refresh(client, id, result.conversation),
  });
}

/** The first customer message is the one the spam filter learns from (as in bulk "spam"). */
export function useMarkConversationSpam(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ messageId, spam }: { messageId: string; spam: boolean }) =>
      api.post<Message>(`/messages/${encodeURIComponent(messageId)}/spam`, { spam }),
    onSuccess: () => refresh(client, id),
  });
}

export function useDecideApproval(conversationId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({
      messageId,
      decision,
      comment,
    }: {
      messageId: string;
      decision: "approve" | "reject";
      comment?: string;
    }) =>
      api.post<Message>(`/messages/${encodeURIComponent(messageId)}/${decision}`, comment ? { comment } : {}),
    onSuccess: () => refresh(client, conversationId),
  });
}

export interface ReplyInput {
  text: string;
  visibility: "public" | "private";
  allow_sensitive?: boolean;
  request_approval?: boolean;
  seen_message_id?: string;
  force?: boolean;
}

export function useSendReply(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ReplyInput) => api.post<Message>(path(id, "/replies"), input),
    onSuccess: () => refresh(client, id),
  });
}

export function useAddNote(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (text: string) => api.post<Note>(path(id, "/notes"), { text }),
    onSuccess: () => refresh(client, id),
  });
}
