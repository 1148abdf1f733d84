import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { datasetsDir } from "../nlp/datasets";
import {
  brandHandles,
  formatTwcsError,
  loadTwcs,
  parseTwcsDate,
  readTwcs,
  TWCS_COLUMNS,
  type TwcsRow,
} from "./twcs";

const REPO_ROOT = fileURLToPath(new URL("../../../../", import.meta.url));
const TWCS_DEV = path.join(datasetsDir(REPO_ROOT), "twcs", "twcs_dev.csv");

const HEADER = TWCS_COLUMNS.join(",");

function csvFile(...lines: string[]): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "twcs-")), "twcs.csv");
  writeFileSync(file, `${[HEADER, ...lines].join("\n")}\n`);
  return file;
}

describe("reading TWCS", () => {
  it("reads the dev file whole, multi-line texts included", async () => {
    const { rows, errors } = await loadTwcs(TWCS_DEV);
    expect(errors).toEqual([]);
    expect(rows).toHaveLength(2765);
    expect(rows[0]).toEqual({
      tweetId: "30",
      authorId: "Ask_Spectrum",
      inbound: false,
      createdAt: new Date("2017-10-31T22:12:09Z"),
      text: expect.stringMatching(/^@115717 Hello, My apologies/),
      responseTweetIds: [],
      inResponseToTweetId: "31",
      line: 2,
    });
    // Tweet 38's text spans two lines: the next row starts two lines further down.
    const at = (id: string) => rows.find((r) => r.tweetId === id);
    expect(at("38")).toMatchObject({ line: 6, text: "@115720 Have your friend message us.\n^ACM" });
    expect(at("40")).toMatchObject({ line: 9, responseTweetIds: ["41"], inResponseToTweetId: "42" });
    expect(rows.some((r) => r.responseTweetIds.length > 1)).toBe(true);
  });

  it("reports a bad row with its line and column, skips it and reads on", async () => {
    const file = csvFile(
      "1,111,True,Tue Oct 31 22:00:00 +0000 2017,@AcmeCare help,2,",
      "2,AcmeCare,maybe,Tue Oct 31 22:05:00 +0000 2017,hi,,1",
      "3,112,True,yesterday,hello,,",
      "4,113,True,Tue Oct 31 22:07:00 +0000 2017,too,few",
      '5,114,True,Tue Oct 31 22:08:00 +0000 2017,"two',
      'lines",6,x1',
      "1,115,True,Tue Oct 31 22:09:00 +0000 2017,again,,",
      "6.0,AcmeCare,False,Tue Oct 31 22:10:00 +0000 2017,float ids,,5.0",
      ",116,True,Tue Oct 31 22:11:00 +0000 2017,no id,,",
    );
    const errors: string[] = [];
    const rows: TwcsRow[] = [];
    for await (const row of readTwcs(file, (e) => errors.push(formatTwcsError(e)))) rows.push(row);
    expect(rows.map((r) => r.tweetId)).toEqual(["1", "6"]);
    expect(rows[1]).toMatchObject({ inResponseToTweetId: "5", inbound: false });
    // The CSV reader reports unreadable records as it meets them, ahead of the rows it yields.
    const lineOf = (e: string) => Number(/^line (\d+)/.exec(e)?.[1]);
    expect(errors.sort((a, b) => lineOf(a) - lineOf(b))).toEqual([
      'line 3, column inbound: "maybe" is not True or False',
      'line 4, column created_at: "yesterday" is not a date like "Tue Oct 31 22:12:09 +0000 2017"',
      expect.stringMatching(/^line 5: Invalid Record Length/),
      'line 6, column in_response_to_tweet_id: "x1" is not a tweet id (digits expected)',
      "line 8, column tweet_id: tweet 1 appears twice",
      'line 10, column tweet_id: "" is not a tweet id (digits expected)',
    ]);
  });

  it("refuses a file that is not TWCS, naming what is missing", async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "twcs-")), "other.csv");
    writeFileSync(file, "id,text\n1,hello\n");
    await expect(loadTwcs(file)).rejects.toThrow(/missing column\(s\) tweet_id, author_id, inbound/);
  });

  it("fails, without crashing, on a file that is not there", async () => {
    await expect(loadTwcs("/nonexistent/twcs.csv")).rejects.toThrow(/ENOENT/);
  });

  it("reads X v1.1 dates with their offset", () => {
    expect(parseTwcsDate("Tue Oct 31 22:12:09 +0000 2017")).toEqual(new Date("2017-10-31T22:12:09Z"));
    expect(parseTwcsDate("Wed Nov 01 01:00:00 +0200 2017")).toEqual(new Date("2017-10-31T23:00:00Z"));
    expect(() => parseTwcsDate("2017-10-31")).toThrow(/not a date/);
  });

  it("finds the brands: authors of outbound tweets", async () => {
    const { rows } = await loadTwcs(TWCS_DEV);
    const brands = brandHandles(rows);
    expect(brands).toHaveLength(69);
    expect(brands).toEqual(
      expect.arrayContaining(["AppleSupport", "AmazonHelp", "comcastcares", "TMobileHelp"]),
    );
    expect(brands.some((b) => /^\d+$/.test(b))).toBe(false);
  });
});
