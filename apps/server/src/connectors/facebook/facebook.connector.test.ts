import { describe, expect, it } from "vitest";
import type { ChannelRow } from "../../modules/channels/channels.repo";
import type { OutboundRequest } from "../connector";
import { privateRoute } from "../meta/send-api";
import { facebookConnector } from "./facebook.connector";
import { parseFacebookPayload } from "./parse";

const PAGE = "104455667788990";
const channel = { externalAccountId: PAGE } as ChannelRow;

// §2.4: a new top-level comment on a Page post.
const feedChange = (value: Record<string, unknown>) => ({
  object: "page",
  entry: [{ id: PAGE, time: 1741190600, changes: [{ field: "feed", value }] }],
});
const comment = {
  from: { id: "6120000000000001", name: "Dana Rivera" },
  post: { id: `${PAGE}_998877665544332`, status_type: "added_photos", is_published: true },
  message: "Is the outage in Leeds fixed yet?",
  post_id: `${PAGE}_998877665544332`,
  comment_id: "998877665544332_1200000000000042",
  created_time: 1741190599,
  item: "comment",
  parent_id: `${PAGE}_998877665544332`,
  verb: "add",
};
// §2.5: a Messenger text.
const messengerText = {
  object: "page",
  entry: [
    {
      id: PAGE,
      time: 1741191000123,
      messaging: [
        {
          sender: { id: "7012345678901234" },
          recipient: { id: PAGE },
          timestamp: 1741190999870,
          message: {
            mid: "m_Zx9aQ1bC2dE3fG4hI5jK6lM7nO8pQ9rS0tU1vW2xY3z",
            text: "My bill is wrong this month",
          },
        },
      ],
    },
  ],
};

describe("Facebook feed webhooks", () => {
  it("reads a comment: comment id, post thread, parent, author, time in seconds", () => {
    const [item] = parseFacebookPayload(feedChange(comment), channel);
    expect(item).toMatchObject({
      network: "facebook",
      externalId: "998877665544332_1200000000000042",
      kind: "comment",
      visibility: "public",
      threadExternalId: `${PAGE}_998877665544332`,
      replyToExternalId: `${PAGE}_998877665544332`,
      fromBrand: false,
      author: { externalId: "6120000000000001", name: "Dana Rivera", followersCount: null },
      text: "Is the outage in Leeds fixed yet?",
    });
    expect(item?.sentAt.toISOString()).toBe("2025-03-05T16:03:19.000Z");
  });

  it("reads a reply to a comment as answering that comment", () => {
    const [item] = parseFacebookPayload(
      feedChange({ ...comment, comment_id: "998877665544332_43", parent_id: comment.comment_id }),
      channel,
    );
    expect(item?.replyToExternalId).toBe(comment.comment_id);
  });

  it("keeps the Page's own replies as the brand's, drops its top-level comments and posts", () => {
    const page = { id: PAGE, name: "Acme Support" };
    const [reply] = parseFacebookPayload(
      feedChange({ ...comment, from: page, comment_id: "998877665544332_77", parent_id: comment.comment_id }),
      channel,
    );
    expect(reply).toMatchObject({ fromBrand: true, replyToExternalId: comment.comment_id, recipient: null });
    expect(parseFacebookPayload(feedChange({ ...comment, from: page }), channel)).toEqual([]);
    const pagePost = { from: page, post_id: `${PAGE}_1`, item: "status", verb: "add", message: "News" };
    expect(parseFacebookPayload(feedChange(pagePost), channel)).toEqual([]);
  });

  it("reads a visitor post; ignores edits, removals, reactions and other Pages' entries", () => {
    const visitor = {
      from: comment.from,
      post_id: `${PAGE}_5`,
      item: "status",
      verb: "add",
      message: "Help!",
    };
    const [post] = parseFacebookPayload(feedChange(visitor), channel);
    expect(post).toMatchObject({ kind: "post", externalId: `${PAGE}_5`, threadExternalId: `${PAGE}_5` });
    expect(parseFacebookPayload(feedChange({ ...comment, verb: "edited" }), channel)).toEqual([]);
    expect(parseFacebookPayload(feedChange({ ...comment, verb: "remove" }), channel)).toEqual([]);
    expect(
      parseFacebookPayload(feedChange({ ...comment, item: "reaction", reaction_type: "like" }), channel),
    ).toEqual([]);
    expect(parseFacebookPayload(feedChange(comment), { externalAccountId: "999" } as ChannelRow)).toEqual([]);
  });

  it("names a commenter Meta withholds by the comment, and shows attachments", () => {
    const { from: _from, ...anonymous } = comment;
    const [item] = parseFacebookPayload(feedChange({ ...anonymous, photo: "https://x/p.jpg" }), channel);
    expect(item?.author.externalId).toBe(`anonymous:${comment.comment_id}`);
    expect(item?.text).toBe("Is the outage in Leeds fixed yet? [photo]");
  });
});

describe("Messenger webhooks", () => {
  it("reads a message: mid, PSID thread, milliseconds", () => {
    const [item] = parseFacebookPayload(messengerText, channel);
    expect(item).toMatchObject({
      externalId: "m_Zx9aQ1bC2dE3fG4hI5jK6lM7nO8pQ9rS0tU1vW2xY3z",
      kind: "dm",
      visibility: "private",
      threadExternalId: "psid:7012345678901234",
      fromBrand: false,
      author: { externalId: "7012345678901234" },
      recipient: null,
    });
    expect(item?.sentAt.toISOString()).toBe("2025-03-05T16:09:59.870Z");
  });

  it("reads echoes as the brand's, to the customer; skips receipts; shows attachments", () => {
    const entry = messengerText.entry[0] as (typeof messengerText.entry)[0];
    const event = (e: Record<string, unknown>) => ({
      ...messengerText,
      entry: [{ ...entry, messaging: [e] }],
    });
    const echo = {
      sender: { id: PAGE },
      recipient: { id: "7012345678901234" },
      timestamp: 1741191000000,
      message: { mid: "m_echo", is_echo: true, app_id: 880000000000001, text: "Sorry about that!" },
    };
    const [item] = parseFacebookPayload(event(echo), channel);
    expect(item).toMatchObject({
      fromBrand: true,
      threadExternalId: "psid:7012345678901234",
      recipient: { externalId: "7012345678901234" },
    });
    const receipt = {
      sender: { id: "7" },
      recipient: { id: PAGE },
      timestamp: 1,
      delivery: { watermark: 1 },
    };
    expect(parseFacebookPayload(event(receipt), channel)).toEqual([]);
    const read = { sender: { id: "7" }, recipient: { id: PAGE }, timestamp: 1, read: { watermark: 1 } };
    expect(parseFacebookPayload(event(read), channel)).toEqual([]);
    const photo = {
      ...messengerText.entry[0]?.messaging[0],
      message: { mid: "m_2", attachments: [{ type: "image" }] },
    };
    expect(parseFacebookPayload(event(photo), channel)[0]?.text).toBe("[image]");
  });

  it("reads every entry of a batched delivery", () => {
    const batched = { object: "page", entry: [...feedChange(comment).entry, ...messengerText.entry] };
    expect(parseFacebookPayload(batched, channel).map((i) => i.kind)).toEqual(["comment", "dm"]);
  });
});

describe("Facebook rules", () => {
  const now = new Date("2026-03-10T12:00:00Z");
  const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000);
  const onComment = { externalId: "1_2", kind: "comment" as const, threadExternalId: "p_1" };
  const request = (over: Partial<OutboundRequest>): OutboundRequest => ({
    messageId: "m",
    text: "Hello",
    visibility: "private",
    replyTo: onComment,
    recipientExternalId: "7012345678901234",
    lastCustomerPrivateAt: null,
    queuedAt: now,
    ...over,
  });

  it("answers inside 24 h normally, with the human-agent tag up to 7 days, refuses after", () => {
    const dm = { externalId: "m_1", kind: "dm" as const, threadExternalId: null };
    expect(privateRoute(request({ lastCustomerPrivateAt: hoursAgo(23) }), now, "facebook")).toEqual({
      via: "message",
      messagingType: "RESPONSE",
    });
    expect(privateRoute(request({ lastCustomerPrivateAt: hoursAgo(30) }), now, "facebook")).toMatchObject({
      messagingType: "MESSAGE_TAG",
      tag: "HUMAN_AGENT",
    });
    const late = request({ lastCustomerPrivateAt: hoursAgo(8 * 24), replyTo: dm });
    expect(facebookConnector.policy(late, now)).toMatch(
      /more than 7 days ago: Messenger allows no private reply/,
    );
  });

  it("replies privately to a comment when the customer never wrote in Messenger, within 7 days of it", () => {
    expect(privateRoute(request({}), now, "facebook")).toEqual({ via: "comment", commentId: "1_2" });
    expect(
      facebookConnector.policy(request({ replyTo: { ...onComment, sentAt: hoursAgo(6 * 24) } }), now),
    ).toBeNull();
    expect(
      facebookConnector.policy(request({ replyTo: { ...onComment, sentAt: hoursAgo(8 * 24) } }), now),
    ).toMatch(/only possible within 7 days/);
    expect(facebookConnector.policy(request({ replyTo: null }), now)).toMatch(
      /cannot start the conversation/,
    );
  });

  it("keeps Messenger texts under 2000 characters and comments within 8000", () => {
    const recent = { lastCustomerPrivateAt: hoursAgo(1) };
    expect(facebookConnector.policy(request({ ...recent, text: "a".repeat(1999) }), now)).toBeNull();
    expect(facebookConnector.policy(request({ ...recent, text: "a".repeat(2000) }), now)).toMatch(
      /shorter than 2000 characters; this one has 2000/,
    );
    const pub = request({ visibility: "public", text: "a".repeat(8001) });
    expect(facebookConnector.policy(pub, now)).toMatch(/limited to 8000/);
    expect(facebookConnector.policy({ ...pub, text: "Thanks!" }, now)).toBeNull();
    expect(facebookConnector.policy({ ...pub, text: "Thanks!", replyTo: null }, now)).toMatch(
      /needs a comment/,
    );
  });
});
