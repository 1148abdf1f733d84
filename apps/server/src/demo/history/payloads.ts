import type { Channel } from "@parley/contracts";

/* Customers' posts and chats as each network's own webhook payload, with its idempotency key. */

export type Net = Extract<Channel, "x" | "facebook" | "instagram" | "whatsapp">;

export interface Inbound {
  conv: number;
  at: number;
  externalId: string;
  key: string;
  payload: unknown;
}

export interface Customer {
  id: string;
  name: string;
  handle: string;
}

/** The demo channels' own accounts on each network, as the payloads address them. */
export interface Ids {
  xBrand: string;
  facebookPage: string;
  instagram: string;
  whatsapp: string;
}

export function customerPayload(
  p: { network: Net; index: number; customer: Customer },
  ids: Ids,
  n: number,
  at: number,
  text: string,
  kind: "opening" | "follow_up",
  replyTo: string | null,
): Inbound {
  const c = p.customer;
  const conv = p.index;
  const seconds = Math.floor(at / 1000);
  switch (p.network) {
    case "x": {
      const id = (1_860_000_000_000_000_000n + BigInt(conv) * 10n + BigInt(n)).toString();
      const root = (1_860_000_000_000_000_000n + BigInt(conv) * 10n).toString();
      const payload = {
        data: {
          id,
          text:
            kind === "opening" ? `@acme ${text}` : `@acme ${text.charAt(0).toLowerCase()}${text.slice(1)}`,
          author_id: c.id,
          created_at: new Date(at).toISOString(),
          conversation_id: root,
          in_reply_to_user_id: ids.xBrand,
          // A follow-up answers the customer's own thread.
          ...(n > 0 ? { referenced_tweets: [{ type: "replied_to", id: replyTo ?? root }] } : {}),
        },
        includes: {
          users: [
            { id: c.id, username: c.handle, name: c.name },
            { id: ids.xBrand, username: "acme", name: "Acme" },
          ],
        },
      };
      return { conv, at, externalId: id, key: `x:post:${id}`, payload };
    }
    case "facebook": {
      const postId = `${ids.facebookPage}_9${conv}`;
      const id = n === 0 ? postId : `9${conv}_${n}`;
      const value =
        n === 0
          ? {
              item: "status",
              verb: "add",
              post_id: postId,
              from: { id: c.id, name: c.name },
              message: text,
              created_time: seconds,
            }
          : {
              item: "comment",
              verb: "add",
              post_id: postId,
              comment_id: id,
              parent_id: postId,
              from: { id: c.id, name: c.name },
              message: text,
              created_time: seconds,
            };
      const payload = {
        object: "page",
        entry: [{ id: ids.facebookPage, time: seconds, changes: [{ field: "feed", value }] }],
      };
      return { conv, at, externalId: id, key: `facebook:feed:${id}`, payload };
    }
    case "instagram": {
      const id = `1790${conv}${n}`;
      const first = `1790${conv}0`;
      const value = {
        id,
        text,
        from: { id: c.id, username: c.handle },
        media: { id: `1800${conv}` },
        ...(n > 0 ? { parent_id: first } : {}),
      };
      const payload = {
        object: "instagram",
        entry: [{ id: ids.instagram, time: seconds, changes: [{ field: "comments", value }] }],
      };
      return { conv, at, externalId: id, key: `instagram:comment:${id}`, payload };
    }
    case "whatsapp": {
      const id = `wamid.DEMOHISTORY${conv}_${n}`;
      const payload = {
        object: "whatsapp_business_account",
        entry: [
          {
            id: "waba-demo",
            changes: [
              {
                field: "messages",
                value: {
                  messaging_product: "whatsapp",
                  metadata: { phone_number_id: ids.whatsapp },
                  contacts: [{ wa_id: c.id, profile: { name: c.name } }],
                  messages: [
                    { from: c.id, id, timestamp: String(seconds), type: "text", text: { body: text } },
                  ],
                },
              },
            ],
          },
        ],
      };
      return { conv, at, externalId: id, key: `whatsapp:message:${id}`, payload };
    }
  }
}
