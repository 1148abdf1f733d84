import type { ApiKey, Channel, ChannelAccount, Role, Team, User, Workspace } from "@parley/contracts";
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, type Page } from "../../app/api";
import { ME_KEY } from "../../app/auth";

const keys = {
  workspace: ["workspaces", "current"] as const,
  users: ["users", "list"] as const,
  teams: ["teams", "list"] as const,
  apiKeys: ["api-keys"] as const,
  channels: ["channels"] as const,
};

export function useWorkspace() {
  return useQuery({
    queryKey: keys.workspace,
    queryFn: ({ signal }) => api.get<Workspace>("/workspaces/current", undefined, signal),
  });
}

export function useUpdateWorkspace() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (patch: { name?: string; timezone?: string }) =>
      api.patch<Workspace>("/workspaces/current", patch),
    onSuccess: (workspace) => {
      client.setQueryData(keys.workspace, workspace);
      void client.invalidateQueries({ queryKey: ME_KEY });
    },
  });
}

function usePaged<T>(key: readonly string[], path: string) {
  return useInfiniteQuery({
    queryKey: key,
    queryFn: ({ pageParam, signal }) => api.get<Page<T>>(path, { limit: 100, cursor: pageParam }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor,
    select: (data) => ({ items: data.pages.flatMap((p) => p.items) }),
  });
}

export const useUsers = () => usePaged<User>(keys.users, "/users");
export const useTeams = () => usePaged<Team>(keys.teams, "/teams");

export interface NewUser {
  email: string;
  name: string;
  password: string;
  role: Role;
}

export function useCreateUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: NewUser) => api.post<User>("/users", input),
    onSuccess: () => client.invalidateQueries({ queryKey: ["users"] }),
  });
}

export function useCreateTeam() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { name: string; description: string }) => api.post<Team>("/teams", input),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.teams }),
  });
}

export function useApiKeys() {
  return useQuery({
    queryKey: keys.apiKeys,
    queryFn: ({ signal }) => api.get<{ items: ApiKey[] }>("/api-keys", undefined, signal),
  });
}

export function useCreateApiKey() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { name: string; role: Role }) =>
      api.post<{ api_key: ApiKey; key: string }>("/api-keys", input),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.apiKeys }),
  });
}

export function useRevokeApiKey() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/api-keys/${encodeURIComponent(id)}`),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.apiKeys }),
  });
}

/** Connected brand accounts with their health; refreshed every 10 s while the tab is open. */
export function useChannels() {
  return useQuery({
    queryKey: keys.channels,
    queryFn: ({ signal }) => api.get<{ items: ChannelAccount[] }>("/channels", undefined, signal),
    refetchInterval: 10_000,
  });
}

export interface NewChannel {
  network: Channel;
  name: string;
  handle?: string;
  external_account_id: string;
  base_url?: string;
  credentials: Record<string, string>;
}

export function useConnectChannel() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: NewChannel) => api.post<ChannelAccount>("/channels", input),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.channels }),
  });
}

export function useSetChannelStatus() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, status }: { id: string; status: "active" | "paused" }) =>
      api.patch<ChannelAccount>(`/channels/${encodeURIComponent(id)}`, { status }),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.channels }),
  });
}

export function useDisconnectChannel() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/channels/${encodeURIComponent(id)}`),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.channels }),
  });
}

export interface TeamPatch {
  name?: string;
  description?: string;
  skills?: string[];
  languages?: string[];
  routing?: Team["routing"];
  member_ids?: string[];
}

export function useUpdateTeam() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: TeamPatch }) =>
      api.patch<Team>(`/teams/${encodeURIComponent(id)}`, patch),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: keys.teams });
      void client.invalidateQueries({ queryKey: keys.users });
    },
  });
}

export interface UserPatch {
  name?: string;
  role?: Role;
  capacity?: number;
  skills?: string[];
  languages?: string[];
  approval_sample_percent?: number;
}

export function useUpdateUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: UserPatch }) =>
      api.patch<User>(`/users/${encodeURIComponent(id)}`, patch),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ["users"] });
      void client.invalidateQueries({ queryKey: ME_KEY });
    },
  });
}
