import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseXPayload } from "../connectors/x/parse";
import type { ChannelRow } from "../modules/channels/channels.repo";
import { datasetsDir } from "../nlp/datasets";
import { brandUserId, loadTwcs, planTwcsImport, type TwcsRow } from "./twcs";

const REPO_ROOT = fileURLToPath(new URL("../../../../", import.meta.url));
const TWCS_DEV = path.join(datasetsDir(REPO_ROOT), "twcs", "twcs_dev.csv");

const T0 = Date.UTC(2017, 9, 31, 22, 0, 0);
let line = 1;
function tweet(
  id: string,
  author: string,
  minute: number,
  text: string,
  replyTo?: string,
  replies: string[] = [],
) {
  return {
    tweetId: id,
    authorId: author,
    inbound: /^\d+$/.test(author),
    createdAt: new Date(T0 + minute * 60_000),
    text,
    responseTweetIds: replies,
    inResponseToTweetId: replyTo ?? null,
    line: ++line,
  } satisfies TwcsRow;
}

const ROWS: TwcsRow[] = [
  // A: a customer asks, the brand answers, the customer answers back.
  tweet("101", "501", 0, "@AcmeCare my order is late", undefined, ["102"]),
  tweet("102", "AcmeCare", 10, "@501 Sorry! Please DM us", "101", ["103"]),
  tweet("103", "501", 20, "@AcmeCare done", "102"),
  // B: a reply to a tweet that is not in the file starts its own thread.
  tweet("201", "502", 1, "@BetaHelp still broken", "999", ["202"]),
  tweet("202", "BetaHelp", 30, "@502 Looking into it", "201"),
  // C: no mention, but the brand answered it.
  tweet("301", "503", 2, "my wifi is down again", undefined, ["302"]),
  tweet("302", "AcmeCare", 5, "@503 Can we help?", "301"),
  // D: the customer mentions a brand only in a follow-up (handles are case-insensitive).
  tweet("401", "504", 3, "ugh, trains", undefined, ["402"]),
  tweet("402", "504", 4, "@betahelp anyone there?", "401"),
  // E: nobody any brand would have heard from.
  tweet("501", "505", 6, "@friend hi"),
];

const channelOf = (brand: string) =>
  ({ externalAccountId: brandUserId(brand), handle: brand, network: "x" }) as ChannelRow;

function parsed(rows: TwcsRow[]) {
  const plan = planTwcsImport(rows);
  const items = plan.events.map((e) => {
    const found = parseXPayload(e.payload, channelOf(e.brand));
    expect(found).toHaveLength(1);
    return { brand: e.brand, receivedAt: e.receivedAt, item: found[0] };
  });
  return { plan, items, byId: new Map(items.map((i) => [i.item?.externalId, i])) };
}

describe("planning a TWCS import", () => {
  it("sends each tweet to its brand's channel as an X v2 payload", () => {
    const { plan, byId } = parsed(ROWS);
    expect(plan.brands).toEqual(["AcmeCare", "BetaHelp"]);
    expect(plan.skipped).toEqual([{ tweetId: "501", line: 11, reason: "no brand answers or is mentioned" }]);
    expect(Object.fromEntries([...byId].map(([id, i]) => [id, i.brand]))).toEqual({
      "101": "AcmeCare",
      "102": "AcmeCare",
      "103": "AcmeCare",
      "201": "BetaHelp",
      "202": "BetaHelp",
      "301": "AcmeCare",
      "302": "AcmeCare",
      "401": "BetaHelp",
      "402": "BetaHelp",
    });
  });

  it("gives the pipeline the right sender, reply target, thread and time", () => {
    const { byId } = parsed(ROWS);
    expect(byId.get("101")?.item).toMatchObject({
      kind: "post",
      fromBrand: false,
      replyToExternalId: null,
      threadExternalId: "101",
      author: { externalId: "501", handle: "501" },
      sentAt: new Date(T0),
    });
    expect(byId.get("102")?.item).toMatchObject({
      kind: "reply",
      fromBrand: true,
      replyToExternalId: "101",
      threadExternalId: "101",
      author: { externalId: "AcmeCare", handle: "AcmeCare" },
      recipient: { externalId: "501", handle: "501" },
      sentAt: new Date(T0 + 10 * 60_000),
    });
    expect(byId.get("103")?.item).toMatchObject({
      fromBrand: false,
      replyToExternalId: "102",
      threadExternalId: "101",
    });
    expect(byId.get("201")?.item).toMatchObject({
      kind: "reply",
      replyToExternalId: "999",
      threadExternalId: "201",
    });
    expect(byId.get("402")?.item).toMatchObject({ replyToExternalId: "401", threadExternalId: "401" });
  });

  it("writes real v2 fields: ISO time, the replied-to user, the author in includes", () => {
    const event = planTwcsImport(ROWS).events.find((e) => e.tweetId === "103");
    expect(event?.payload).toEqual({
      data: {
        id: "103",
        text: "@AcmeCare done",
        author_id: "501",
        created_at: "2017-10-31T22:20:00.000Z",
        conversation_id: "101",
        in_reply_to_user_id: "AcmeCare",
        referenced_tweets: [{ type: "replied_to", id: "102" }],
      },
      includes: {
        users: [
          { id: "501", username: "501", name: "501" },
          { id: "AcmeCare", username: "AcmeCare", name: "AcmeCare" },
        ],
      },
    });
  });

  it("orders events by time so every reply comes after what it answers", () => {
    const ids = planTwcsImport(ROWS).events.map((e) => e.tweetId);
    expect(ids).toEqual(["101", "201", "301", "401", "402", "302", "102", "103", "202"]);
  });

  it("plans every tweet of the dev file, brand tweets as the brand's own", async () => {
    const { rows } = await loadTwcs(TWCS_DEV);
    const { plan, items, byId } = parsed(rows);
    expect(plan.events.length + plan.skipped.length).toBe(rows.length);
    expect(plan.skipped).toEqual([]);
    const times = items.map((i) => i.receivedAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    for (const row of rows) {
      const got = byId.get(row.tweetId);
      expect(got?.item?.fromBrand).toBe(!row.inbound);
      if (!row.inbound) expect(got?.brand).toBe(row.authorId);
      const parent = rows.find((r) => r.tweetId === row.inResponseToTweetId);
      // A reply shares its parent's thread; a customer answering a brand goes to that brand.
      if (parent) expect(got?.item?.threadExternalId).toBe(byId.get(parent.tweetId)?.item?.threadExternalId);
      if (parent && !parent.inbound && row.inbound) expect(got?.brand).toBe(parent.authorId);
    }
  });
});
