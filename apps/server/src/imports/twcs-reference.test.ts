import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { datasetsDir } from "../nlp/datasets";
import { loadTwcs, referenceThreads, type TwcsRow } from "./twcs";

const REPO_ROOT = fileURLToPath(new URL("../../../../", import.meta.url));
const TWCS_DEV = path.join(datasetsDir(REPO_ROOT), "twcs", "twcs_dev.csv");

const T0 = Date.UTC(2017, 9, 31, 22, 0, 0);
const row = (
  id: string,
  author: string,
  second: number,
  replyTo: string | null,
  replies: string[] = [],
): TwcsRow => ({
  tweetId: id,
  authorId: author,
  inbound: /^\d+$/.test(author),
  createdAt: new Date(T0 + second * 1000),
  text: "",
  responseTweetIds: replies,
  inResponseToTweetId: replyTo,
  line: 0,
});

describe("reference threads", () => {
  it("counts reply-graph components and the FRT of customer-started ones", () => {
    const ref = referenceThreads([
      // Joined by response_tweet_id alone: the link may be written on either side.
      row("1", "11", 0, null, ["2"]),
      row("2", "Acme", 600, null, ["3"]),
      row("3", "11", 1200, "2", ["4"]),
      row("4", "Beta", 1500, "3"),
      // Customer-started, answered by Beta after 100 s.
      row("5", "12", 0, "999", ["6"]),
      row("6", "Beta", 100, "5"),
      // Brand-started: no FRT.
      row("7", "Acme", 0, null, ["8"]),
      row("8", "13", 50, "7", ["9"]),
      row("9", "Acme", 60, "8"),
      // Never answered.
      row("10", "14", 0, null),
    ]);
    expect(ref).toEqual({
      conversations: 4,
      customerStarted: 3,
      brandStarted: 1,
      answered: 2,
      frtMedianSeconds: 350,
      frtMeanSeconds: 350,
      frtMedianSecondsByBrand: { Acme: 600, Beta: 100 },
      // The first brand to tweet in each thread; the unanswered one names no brand.
      conversationsByBrand: { Acme: 2, Beta: 1 },
    });
  });

  it("gives the figures the dataset README announces on the dev file", async () => {
    const { rows } = await loadTwcs(TWCS_DEV);
    const ref = referenceThreads(rows);
    expect(ref).toMatchObject({
      conversations: 779,
      customerStarted: 764,
      brandStarted: 15,
      answered: 764,
      frtMedianSeconds: 797.5,
    });
    expect(ref.frtMeanSeconds).toBeCloseTo(22700.44, 1);
    expect(ref.frtMedianSecondsByBrand).toMatchObject({
      AppleSupport: 446.5,
      AmazonHelp: 666,
      comcastcares: 848,
    });
    // 69 brands, one of which only ever starts threads, so never gives a first response.
    expect(Object.keys(ref.frtMedianSecondsByBrand)).toHaveLength(68);
  });
});
