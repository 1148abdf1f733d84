import type { Me, Permission } from "@parley/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "./api";

export const ME_KEY = ["me"] as const;

/** Who is signed in (GET /auth/me). A 401 is an answer here, not a failure to retry. */
export function useMe() {
  return useQuery({
    queryKey: ME_KEY,
    queryFn: ({ signal }) => api.get<Me>("/auth/me", undefined, signal),
    retry: false,
    staleTime: 60_000,
  });
}

/** The signed-in identity; only call below the auth guard, which renders nothing until it is known. */
export function useCurrentMe(): Me {
  const { data } = useMe();
  if (!data) throw new Error("useCurrentMe() used outside the authenticated layout");
  return data;
}

export function useCan(permission: Permission): boolean {
  const { data } = useMe();
  return data?.permissions.includes(permission) ?? false;
}

export interface LoginInput {
  email: string;
  password: string;
}

export function useLogin() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: LoginInput) => api.post<Me>("/auth/login", input),
    onSuccess: (me) => {
      client.clear();
      client.setQueryData(ME_KEY, me);
    },
  });
}

export function useLogout() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<void>("/auth/logout"),
    onSettled: () => client.clear(),
  });
}
