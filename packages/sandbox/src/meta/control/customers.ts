import type { MetaDeps } from "../deps";
import { newIds } from "../state/ids";
import type { CustomerRecord } from "../state/types";
import { ControlError } from "./errors";

export { ControlError };

export interface CreateCustomerInput {
  name: string;
  /** PSID on the first (or given) Page; generated when absent. */
  psid?: string | undefined;
  /** IGSID on the first (or given) IG account; generated when absent. */
  igsid?: string | undefined;
  username?: string | undefined;
  pageId?: string | undefined;
  unavailable?: boolean | undefined;
}

function usernameOf(name: string): string {
  const ascii = name.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  const handle = ascii.toLowerCase().replace(/[^a-z0-9]+/g, ".");
  return handle.replace(/^\.|\.$/g, "") || "customer";
}

/** A person on Facebook/Instagram: one PSID per Page and one IGSID per IG account. */
export function createCustomer(deps: MetaDeps, input: CreateCustomerInput): CustomerRecord {
  const store = deps.store;
  const [firstName = input.name, ...rest] = input.name.trim().split(/\s+/);
  const psids: Record<string, string> = {};
  const igsids: Record<string, string> = {};
  const firstPage = input.pageId ?? [...store.pages.keys()][0];
  for (const pageId of store.pages.keys()) {
    if (pageId === firstPage && input.psid) {
      if (store.customerByPsid(pageId, input.psid))
        throw new ControlError(`PSID ${input.psid} already exists`, 409);
      store.reserveId(input.psid);
      psids[pageId] = input.psid;
    } else psids[pageId] = newIds.psid(store);
  }
  const firstAccount = firstPage ? store.pages.get(firstPage)?.instagramId : undefined;
  for (const accountId of store.instagram.keys()) {
    if (accountId === firstAccount && input.igsid) {
      store.reserveId(input.igsid);
      igsids[accountId] = input.igsid;
    } else igsids[accountId] = newIds.igsid(store);
  }
  const customer: CustomerRecord = {
    id: store.nextCustomerId(),
    name: input.name,
    firstName,
    lastName: rest.join(" "),
    psids,
    igsids,
    username: input.username ?? usernameOf(input.name),
    unavailable: input.unavailable ?? false,
    createdAt: deps.clock.now(),
  };
  store.customers.set(customer.id, customer);
  return customer;
}

export function requireCustomer(deps: MetaDeps, id: string): CustomerRecord {
  const customer = deps.store.customers.get(id);
  if (!customer) throw new ControlError(`unknown customer ${id}`, 404);
  return customer;
}

export function defaultPageId(deps: MetaDeps, pageId: string | undefined): string {
  const id = pageId ?? [...deps.store.pages.keys()][0];
  if (!id || !deps.store.pages.has(id)) throw new ControlError(`unknown page ${pageId}`, 404);
  return id;
}

export function defaultAccountId(deps: MetaDeps, accountId: string | undefined): string {
  const id = accountId ?? [...deps.store.instagram.keys()][0];
  if (!id || !deps.store.instagram.has(id))
    throw new ControlError(`unknown instagram account ${accountId}`, 404);
  return id;
}
