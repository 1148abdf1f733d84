import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../app/api";
import type { RuleDocument } from "./rule-form";

export interface Rule extends RuleDocument {
  id: string;
  position: number;
  created_at: string;
  updated_at: string;
}

export interface DryRunMatch {
  conversation_id: string;
  message_id: string;
  sent_at: string;
  channel: string;
  text: string;
  actions: Record<string, unknown>[];
}

export interface DryRunResult {
  days: number;
  messages_scanned: number;
  messages_matched: number;
  conversations_matched: number;
  truncated: boolean;
  matches: DryRunMatch[];
}

const RULES = ["rules"] as const;

export function useRules() {
  return useQuery({
    queryKey: RULES,
    queryFn: ({ signal }) => api.get<{ items: Rule[] }>("/rules", undefined, signal),
    select: (data) => data.items,
  });
}

export function useSaveRule() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, doc }: { id: string | null; doc: RuleDocument }) =>
      id ? api.patch<Rule>(`/rules/${encodeURIComponent(id)}`, doc) : api.post<Rule>("/rules", doc),
    onSuccess: () => client.invalidateQueries({ queryKey: RULES }),
  });
}

export function usePatchRule() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: Partial<Rule> }) =>
      api.patch<Rule>(`/rules/${encodeURIComponent(id)}`, patch),
    onSuccess: () => client.invalidateQueries({ queryKey: RULES }),
  });
}

/** Several position changes at once (a reorder swaps two rules), refetched once at the end. */
export function useReorderRules() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (moves: { id: string; position: number }[]) => {
      for (const { id, position } of moves)
        await api.patch<Rule>(`/rules/${encodeURIComponent(id)}`, { position });
    },
    onSettled: () => client.invalidateQueries({ queryKey: RULES }),
  });
}

export function useDeleteRule() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/rules/${encodeURIComponent(id)}`),
    onSuccess: () => client.invalidateQueries({ queryKey: RULES }),
  });
}

export function useDryRun() {
  return useMutation({
    mutationFn: (input: { rule: RuleDocument; days: number }) =>
      api.post<DryRunResult>("/rules/dry-run", {
        rule: withoutNulls(input.rule),
        days: input.days,
        sample: 50,
      }),
  });
}

/** The draft schema takes after_seconds/clock as optional-or-null; drop nulls to keep it tidy. */
function withoutNulls(doc: RuleDocument): Record<string, unknown> {
  return Object.fromEntries(Object.entries(doc).filter(([, v]) => v !== null));
}
