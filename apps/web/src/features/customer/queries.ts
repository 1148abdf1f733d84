import type { Contact, ContactProfile, VipTier } from "@parley/contracts";
import { type QueryClient, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, type Page } from "../../app/api";

/** The customer panel's profile lives under ["contact", id]. */
export const contactKey = (id: string) => ["contact", id] as const;
const path = (id: string, rest = "") => `/contacts/${encodeURIComponent(id)}${rest}`;

export function useContactProfile(id: string) {
  return useQuery({
    queryKey: contactKey(id),
    queryFn: ({ signal }) => api.get<ContactProfile>(path(id), undefined, signal),
    staleTime: 15_000,
  });
}

/** Contacts to merge with or link from, by name, handle, email or phone. */
export function useContactSearch(q: string) {
  return useQuery({
    queryKey: ["contacts", "search", q],
    queryFn: ({ signal }) => api.get<Page<Contact>>("/contacts", { q, limit: 10 }, signal),
    enabled: q.trim().length >= 2,
    staleTime: 10_000,
  });
}

/** Flags and identities show on conversations too (header badges, list rows): refresh those as well. */
function settle(client: QueryClient, id: string, profile?: ContactProfile) {
  if (profile) client.setQueryData(contactKey(id), profile);
  return Promise.all([
    client.invalidateQueries({ queryKey: ["contact"] }),
    client.invalidateQueries({ queryKey: ["conversation"] }),
    client.invalidateQueries({ queryKey: ["conversations"] }),
  ]);
}

export interface ContactFlags {
  vip_tier?: VipTier;
  is_troll?: boolean;
  is_abuse?: boolean;
}

export function useUpdateContact(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (flags: ContactFlags) => api.patch<ContactProfile>(path(id), flags),
    onSuccess: () => settle(client, id),
  });
}

export function useMergeContact(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (otherId: string) =>
      api.post<ContactProfile>(path(id, "/merge"), { other_contact_id: otherId }),
    onSuccess: (profile) => settle(client, id, profile),
  });
}

export function useLinkIdentity(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (identityId: string) =>
      api.post<unknown>(path(id, "/identities"), { identity_id: identityId }),
    onSuccess: () => settle(client, id),
  });
}

export function useUnlinkIdentity(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (identityId: string) => api.delete(path(id, `/identities/${encodeURIComponent(identityId)}`)),
    onSuccess: () => settle(client, id),
  });
}
