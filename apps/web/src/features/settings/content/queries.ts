import type {
  CreateKnowledgeArticleRequest,
  CreateTemplateRequest,
  KnowledgeArticle,
  Playbook,
  Template,
  UpdatePlaybookRequest,
} from "@parley/contracts";
import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query";
import { useMemo } from "react";
import { api, type Page } from "../../../app/api";

const TEMPLATES = ["templates"] as const;
const ARTICLES = ["knowledge-articles"] as const;
const PLAYBOOK = ["playbook"] as const;

function usePagedSearch<T>(key: readonly string[], path: string, q: string) {
  return useInfiniteQuery({
    queryKey: [...key, "list", q],
    queryFn: ({ pageParam, signal }) => api.get<Page<T>>(path, { q, limit: 100, cursor: pageParam }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor,
    select: (data) => ({ items: data.pages.flatMap((p) => p.items) }),
    placeholderData: keepPreviousData,
  });
}

export const useTemplates = (q = "") => usePagedSearch<Template>(TEMPLATES, "/templates", q);

/** Templates as select options, for rules that suggest or send one. Empty until the API answers. */
export function useTemplateOptions(): { value: string; label: string }[] {
  const templates = useTemplates();
  return useMemo(
    () => (templates.data?.items ?? []).map((t) => ({ value: t.id, label: t.name })),
    [templates.data],
  );
}

export function useSaveTemplate() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string | null; body: CreateTemplateRequest }) =>
      id
        ? api.patch<Template>(`/templates/${encodeURIComponent(id)}`, body)
        : api.post<Template>("/templates", body),
    onSuccess: () => client.invalidateQueries({ queryKey: TEMPLATES }),
  });
}

export function useDeleteTemplate() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/templates/${encodeURIComponent(id)}`),
    onSuccess: () => client.invalidateQueries({ queryKey: TEMPLATES }),
  });
}

export const useArticles = (q = "") => usePagedSearch<KnowledgeArticle>(ARTICLES, "/knowledge-articles", q);

export function useSaveArticle() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string | null; body: CreateKnowledgeArticleRequest }) =>
      id
        ? api.patch<KnowledgeArticle>(`/knowledge-articles/${encodeURIComponent(id)}`, body)
        : api.post<KnowledgeArticle>("/knowledge-articles", body),
    onSuccess: () => client.invalidateQueries({ queryKey: ARTICLES }),
  });
}

export function useDeleteArticle() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/knowledge-articles/${encodeURIComponent(id)}`),
    onSuccess: () => client.invalidateQueries({ queryKey: ARTICLES }),
  });
}

export function usePlaybook() {
  return useQuery({
    queryKey: PLAYBOOK,
    queryFn: ({ signal }) => api.get<Playbook>("/playbook", undefined, signal),
  });
}

export function useSavePlaybook() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdatePlaybookRequest) => api.put<Playbook>("/playbook", body),
    onSuccess: (playbook) => client.setQueryData(PLAYBOOK, playbook),
  });
}
