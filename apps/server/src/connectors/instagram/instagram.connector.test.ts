import { describe, expect, it } from "vitest";
import type { ChannelRow } from "../../modules/channels/channels.repo";
import type { OutboundRequest } from "../connector";
import { instagramConnector } from "./instagram.connector";
import { parseInstagramPayload } from "./parse";

const ACCOUNT = "17841400000000001";
const channel = { externalAccountId: ACCOUNT } as ChannelRow;

// §2.7: a comment (a reply, as it carries parent_id); the time is the entry's, in seconds.
const commentChange = (value: Record<string, unknown>) => ({
  object: "instagram",
  entry: [{ id: ACCOUNT, time: 1741191200, changes: [{ field: "comments", value }] }],
});
const comment = {
  from: { id: "6543210987654321", username: "dana.rivera" },
  media: { id: "18000000000000123", media_product_type: "FEED" },
  id: "17900000000000456",
  text: "Still no refund after 3 weeks?",
  parent_id: "17900000000000400",
};
const dm = (message: Record<string, unknown>, sender = "6543210987654321", recipient = ACCOUNT) => ({
  object: "instagram",
  entry: [
    {
      id: ACCOUNT,
      time: 1741191300123,
      messaging: [
        { sender: { id: sender }, recipient: { id: recipient }, timestamp: 1741191300001, message },
      ],
    },
  ],
});

describe("Instagram webhooks", () => {
  it("reads a comment: id, media thread, parent, username, entry time in seconds", () => {
    const [item] = parseInstagramPayload(commentChange(comment), channel);
    expect(item).toMatchObject({
      network: "instagram",
      externalId: "17900000000000456",
      kind: "comment",
      visibility: "public",
      threadExternalId: "18000000000000123",
      replyToExternalId: "17900000000000400",
      fromBrand: false,
      author: { externalId: "6543210987654321", handle: "dana.rivera", followersCount: null },
      text: "Still no refund after 3 weeks?",
    });
    expect(item?.sentAt.toISOString()).toBe("2025-03-05T16:13:20.000Z");
  });

  it("keeps the account's own replies as the brand's and drops its top-level comments", () => {
    const own = { ...comment, from: { id: ACCOUNT, username: "acme" } };
    expect(parseInstagramPayload(commentChange(own), channel)[0]).toMatchObject({ fromBrand: true });
    const { parent_id: _p, ...topLevel } = own;
    expect(parseInstagramPayload(commentChange(topLevel), channel)).toEqual([]);
  });

  it("reads DMs and echoes in the IGSID thread, skipping deleted and seen events", () => {
    const [item] = parseInstagramPayload(dm({ mid: "aWdfZAG1", text: "where is my refund" }), channel);
    expect(item).toMatchObject({
      kind: "dm",
      threadExternalId: "igsid:6543210987654321",
      fromBrand: false,
    });
    expect(item?.sentAt.toISOString()).toBe("2025-03-05T16:15:00.001Z");
    const [echo] = parseInstagramPayload(
      dm({ mid: "aWdfZAG2", text: "Checking", is_echo: true }, ACCOUNT, "6543210987654321"),
      channel,
    );
    expect(echo).toMatchObject({ fromBrand: true, recipient: { externalId: "6543210987654321" } });
    expect(parseInstagramPayload(dm({ mid: "aWdfZAG3", is_deleted: true }), channel)).toEqual([]);
    expect(parseInstagramPayload(dm({ mid: "aWdfZAG4", is_unsupported: true }), channel)[0]?.text).toBe(
      "[unsupported message]",
    );
  });

  it("ignores mentions (they only name what to fetch) and other accounts' entries", () => {
    const mention = {
      object: "instagram",
      entry: [
        { id: ACCOUNT, time: 1, changes: [{ field: "mentions", value: { media_id: "1", comment_id: "2" } }] },
      ],
    };
    expect(parseInstagramPayload(mention, channel)).toEqual([]);
    expect(parseInstagramPayload(commentChange(comment), { externalAccountId: "1" } as ChannelRow)).toEqual(
      [],
    );
  });
});

describe("Instagram rules", () => {
  const now = new Date("2026-03-10T12:00:00Z");
  const request = (over: Partial<OutboundRequest>): OutboundRequest => ({
    messageId: "m",
    text: "Hello",
    visibility: "private",
    replyTo: { externalId: "17900000000000456", kind: "comment", threadExternalId: "18000000000000123" },
    recipientExternalId: "6543210987654321",
    lastCustomerPrivateAt: new Date(now.getTime() - 3_600_000),
    queuedAt: now,
    ...over,
  });

  it("keeps DMs under 1000 characters and comments within 2200", () => {
    expect(instagramConnector.policy(request({ text: "a".repeat(999) }), now)).toBeNull();
    expect(instagramConnector.policy(request({ text: "a".repeat(1000) }), now)).toMatch(/shorter than 1000/);
    const pub = request({ visibility: "public", text: "a".repeat(2201) });
    expect(instagramConnector.policy(pub, now)).toMatch(/limited to 2200/);
    expect(instagramConnector.policy({ ...pub, text: "Thanks" }, now)).toBeNull();
  });

  it("applies Messenger's windows: 7 days at most, or one private reply to a comment", () => {
    const eightDays = new Date(now.getTime() - 8 * 24 * 3_600_000);
    expect(instagramConnector.policy(request({ lastCustomerPrivateAt: eightDays }), now)).toBeNull();
    const dm = { externalId: "aWdf", kind: "dm" as const, threadExternalId: null };
    expect(
      instagramConnector.policy(request({ lastCustomerPrivateAt: eightDays, replyTo: dm }), now),
    ).toMatch(/Instagram allows no private reply until they write again/);
  });
});
