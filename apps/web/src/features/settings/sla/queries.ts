import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../app/api";
import type { Weekly } from "./schedule";

export interface SlaPolicy {
  id: string;
  name: string;
  position: number;
  enabled: boolean;
  channel: string | null;
  priority: string | null;
  first_response_seconds: number | null;
  next_response_seconds: number | null;
  resolution_seconds: number | null;
  business_hours_id: string | null;
  created_at: string;
  updated_at: string;
}
export type SlaPolicyInput = Omit<SlaPolicy, "id" | "position" | "created_at" | "updated_at">;

export interface BusinessHours {
  id: string;
  name: string;
  timezone: string;
  always_open: boolean;
  weekly: Weekly;
  holidays: string[];
  created_at: string;
  updated_at: string;
}
export type BusinessHoursInput = Omit<BusinessHours, "id" | "created_at" | "updated_at">;

const POLICIES = ["sla-policies"] as const;
const HOURS = ["business-hours"] as const;
const DEFAULT = ["workspaces", "current", "business-hours"] as const;

export function useSlaPolicies() {
  return useQuery({
    queryKey: POLICIES,
    queryFn: ({ signal }) => api.get<{ items: SlaPolicy[] }>("/sla-policies", undefined, signal),
    select: (d) => d.items,
  });
}

export function useSaveSlaPolicy() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({
      id,
      body,
    }: {
      id: string | null;
      body: Partial<SlaPolicyInput> & { position?: number };
    }) =>
      id
        ? api.patch<SlaPolicy>(`/sla-policies/${encodeURIComponent(id)}`, body)
        : api.post<SlaPolicy>("/sla-policies", body),
    onSettled: () => client.invalidateQueries({ queryKey: POLICIES }),
  });
}

export function useDeleteSlaPolicy() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/sla-policies/${encodeURIComponent(id)}`),
    onSuccess: () => client.invalidateQueries({ queryKey: POLICIES }),
  });
}

/** Position changes of a reorder, one PATCH each, refetched once at the end. */
export function useReorderSlaPolicies() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (moves: { id: string; position: number }[]) => {
      for (const { id, position } of moves)
        await api.patch(`/sla-policies/${encodeURIComponent(id)}`, { position });
    },
    onSettled: () => client.invalidateQueries({ queryKey: POLICIES }),
  });
}

export function useBusinessHours() {
  return useQuery({
    queryKey: HOURS,
    queryFn: ({ signal }) => api.get<{ items: BusinessHours[] }>("/business-hours", undefined, signal),
    select: (d) => d.items,
  });
}

export function useSaveBusinessHours() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string | null; body: BusinessHoursInput }) =>
      id
        ? api.patch<BusinessHours>(`/business-hours/${encodeURIComponent(id)}`, body)
        : api.post<BusinessHours>("/business-hours", body),
    onSuccess: () => client.invalidateQueries({ queryKey: HOURS }),
  });
}

export function useDeleteBusinessHours() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/business-hours/${encodeURIComponent(id)}`),
    onSuccess: () => client.invalidateQueries({ queryKey: HOURS }),
  });
}

export function useDefaultBusinessHours() {
  return useQuery({
    queryKey: DEFAULT,
    queryFn: ({ signal }) =>
      api.get<{ business_hours_id: string | null }>("/workspaces/current/business-hours", undefined, signal),
  });
}

export function useSetDefaultBusinessHours() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (business_hours_id: string | null) =>
      api.put<{ business_hours_id: string | null }>("/workspaces/current/business-hours", {
        business_hours_id,
      }),
    onSuccess: (data) => client.setQueryData(DEFAULT, data),
  });
}
