import { describe, expect, it } from "vitest";
import type { ChannelRow } from "../../modules/channels/channels.repo";
import { parseV1Date, parseXPayload } from "./parse";
import { xConnector } from "./x.connector";

// The reference's test vectors (shared/reference/social-apis.md §0.2).
const creds = { api_secret: "emulator_consumer_secret" };
const channel = { externalAccountId: "9911223344", handle: "acme_help" } as ChannelRow;

describe("X signatures", () => {
  it("answers the CRC challenge", () => {
    const answer = xConnector.handshake({ crc_token: "crc-challenge-123" }, creds);
    expect(JSON.parse(answer.body)).toEqual({
      response_token: "sha256=nm8N7Y8hMo5zl3z/o/hjlk0eKGxmgt6oq4Wc5VSig1o=",
    });
  });

  it("verifies the body signature over the exact bytes", () => {
    const body = Buffer.from('{"for_user_id":"100","tweet_create_events":[]}');
    const good = { "x-twitter-webhooks-signature": "sha256=sEWSGP5WIu+DnkgmC4RK16hFXerJAfH96GKBVEO+0XQ=" };
    expect(xConnector.verify(body, good, creds)).toBe(true);
    expect(
      xConnector.verify(Buffer.from('{"for_user_id": "100","tweet_create_events":[]}'), good, creds),
    ).toBe(false);
    expect(xConnector.verify(body, {}, creds)).toBe(false);
    expect(xConnector.verify(body, good, { api_secret: "other" })).toBe(false);
  });
});

describe("X payloads", () => {
  it("reads an Account Activity mention (v1.1 tweet)", () => {
    const [item] = parseXPayload(
      {
        for_user_id: "9911223344",
        tweet_create_events: [
          {
            created_at: "Wed Mar 05 16:02:11 +0000 2025",
            id_str: "1897312200119876608",
            text: "@acme_help my router keeps dropping wifi",
            in_reply_to_status_id_str: null,
            user: {
              id_str: "3304917752",
              name: "Dana R.",
              screen_name: "dana_r",
              followers_count: 1840,
              verified: false,
            },
            lang: "en",
          },
        ],
      },
      channel,
    );
    expect(item).toMatchObject({
      externalId: "1897312200119876608",
      kind: "post",
      visibility: "public",
      fromBrand: false,
      author: { externalId: "3304917752", handle: "dana_r", followersCount: 1840 },
      language: "en",
    });
    expect(item?.sentAt.toISOString()).toBe("2025-03-05T16:02:11.000Z");
  });

  it("reads Account Activity DMs both ways, naming the customer of the brand's own", () => {
    const users = {
      "3304917752": { name: "Dana R.", screen_name: "dana_r" },
      "9911223344": { name: "Acme Help", screen_name: "acme_help" },
    };
    const dm = (id: string, sender: string, recipient: string) => ({
      type: "message_create",
      id,
      created_timestamp: "1741191603000",
      message_create: {
        sender_id: sender,
        target: { recipient_id: recipient },
        message_data: { text: "hi" },
      },
    });
    const [inbound, echo] = parseXPayload(
      {
        for_user_id: "9911223344",
        direct_message_events: [dm("1", "3304917752", "9911223344"), dm("2", "9911223344", "3304917752")],
        users,
      },
      channel,
    );
    expect(inbound).toMatchObject({
      kind: "dm",
      visibility: "private",
      fromBrand: false,
      threadExternalId: "3304917752-9911223344",
      author: { handle: "dana_r" },
    });
    expect(echo).toMatchObject({
      fromBrand: true,
      recipient: { externalId: "3304917752", handle: "dana_r" },
    });
  });

  it("reads v2 posts from the stream and search, skipping reposts", () => {
    const items = parseXPayload(
      {
        data: [
          {
            id: "2",
            text: "@acme_help thanks, fixed!",
            author_id: "77",
            created_at: "2025-03-05T15:53:28.000Z",
            conversation_id: "1",
            referenced_tweets: [{ type: "replied_to", id: "1" }],
            lang: "und",
          },
          {
            id: "3",
            text: "RT something",
            author_id: "77",
            referenced_tweets: [{ type: "retweeted", id: "1" }],
          },
        ],
        includes: {
          users: [
            {
              id: "77",
              username: "lee_k",
              name: "Lee",
              verified: true,
              public_metrics: { followers_count: 120500 },
            },
          ],
        },
      },
      channel,
    );
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      kind: "reply",
      replyToExternalId: "1",
      threadExternalId: "1",
      language: null,
      author: { verified: true, followersCount: 120500 },
    });
  });

  it("parses v1.1 dates", () => {
    expect(parseV1Date("Tue Oct 31 22:12:09 +0000 2017").toISOString()).toBe("2017-10-31T22:12:09.000Z");
  });
});

describe("X rules", () => {
  const base = {
    messageId: "m",
    replyTo: { externalId: "1", kind: "post" as const, threadExternalId: "1" },
    recipientExternalId: "3",
    lastCustomerPrivateAt: null,
    queuedAt: new Date(),
  };
  it("refuses a public reply over 280 weighted characters, with the count", () => {
    expect(
      xConnector.policy({ ...base, visibility: "public", text: "a".repeat(280) }, new Date()),
    ).toBeNull();
    expect(
      xConnector.policy({ ...base, visibility: "public", text: "😀".repeat(141) }, new Date()),
    ).toContain("counts 282");
  });
  it("allows long DMs", () => {
    expect(
      xConnector.policy({ ...base, visibility: "private", text: "a".repeat(5000) }, new Date()),
    ).toBeNull();
  });
});
