import { randomBytes } from "node:crypto";

/*
 * The sandbox X network's control API (`/sandbox/x/_control`, packages/sandbox/src/x/control-routes.ts):
 * act as a customer, and read what the brand really sent through X's API, as the traffic
 * simulator and the connector contract tests do.
 */

export interface XCustomer {
  id: string;
  username: string;
}

export interface BrandDm {
  id: string;
  text: string;
  sender_id: string;
  dm_conversation_id: string;
}

async function control<T>(baseUrl: string, method: string, route: string, body?: unknown): Promise<T> {
  const res = await fetch(`${baseUrl}/sandbox/x/_control${route}`, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`sandbox X ${method} ${route}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** A word no simulated customer writes, to find this test's conversation among live traffic. */
export const uniqueWord = (prefix: string) => `${prefix}${randomBytes(4).toString("hex")}`;

/** A new X customer who accepts DMs from the brand (so a private reply can reach them). */
export async function createXCustomer(baseUrl: string, name: string): Promise<XCustomer> {
  const username = `e2e_${randomBytes(4).toString("hex")}`;
  const r = await control<{ data: XCustomer }>(baseUrl, "POST", "/users", {
    username,
    name,
    followers_count: 120,
    receives_your_dm: true,
  });
  return { id: r.data.id, username: r.data.username };
}

/** The customer mentions the brand in a public post: a new conversation in the inbox. */
export async function customerMentionsBrand(baseUrl: string, customer: XCustomer, text: string) {
  await control(baseUrl, "POST", "/tweets", { author_id: customer.id, text: `@acme ${text}` });
}

/** DMs the brand sent to this customer, oldest first. */
export async function brandDmsTo(baseUrl: string, customer: XCustomer): Promise<BrandDm[]> {
  const r = await control<{ data: BrandDm[] }>(baseUrl, "GET", "/brand/dms");
  return r.data.filter((dm) => dm.dm_conversation_id.split("-").includes(customer.id));
}

/** Polls until the brand's DMs to the customer contain `text` (the outbox sends asynchronously). */
export async function waitForBrandDm(
  baseUrl: string,
  customer: XCustomer,
  text: string,
  timeoutMs = 30_000,
): Promise<BrandDm> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const dm = (await brandDmsTo(baseUrl, customer)).find((d) => d.text.includes(text));
    if (dm) return dm;
    if (Date.now() > deadline)
      throw new Error(`the sandbox X network never received a DM containing "${text}"`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
