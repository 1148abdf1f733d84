import type { SurveySettings } from "@parley/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../app/api";

const KEY = ["settings", "surveys"] as const;

export function useSurveySettings() {
  return useQuery({
    queryKey: KEY,
    queryFn: ({ signal }) => api.get<SurveySettings>("/settings/surveys", undefined, signal),
  });
}

export function useSaveSurveySettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: SurveySettings) => api.put<SurveySettings>("/settings/surveys", body),
    onSuccess: (saved) => client.setQueryData(KEY, saved),
  });
}
