import { createReadStream } from "node:fs";
import { type CsvError, type Info, parse } from "csv-parse";

/*
 * Reads an archive in the column layout of the public "Customer Support on Twitter" data set
 * (SPEC L5): tweet_id, author_id, inbound, created_at, text, response_tweet_id,
 * in_response_to_tweet_id. A bad row is reported and skipped; it never stops an import.
 */

export interface TwcsRow {
  tweetId: string;
  /** The brand's handle for brand tweets, an anonymised number for customers. */
  authorId: string;
  /** True for customer tweets, false for the brand's. */
  inbound: boolean;
  createdAt: Date;
  text: string;
  responseTweetIds: string[];
  inResponseToTweetId: string | null;
  /** Where the row starts in the file (1 = the header), for messages about it. */
  line: number;
}

export interface TwcsRowError {
  line: number;
  /** The column at fault, or null when the row as a whole is unreadable. */
  column: string | null;
  message: string;
}

export const TWCS_COLUMNS = [
  "tweet_id",
  "author_id",
  "inbound",
  "created_at",
  "text",
  "response_tweet_id",
  "in_response_to_tweet_id",
] as const;

export function formatTwcsError(e: TwcsRowError): string {
  return `line ${e.line}${e.column ? `, column ${e.column}` : ""}: ${e.message}`;
}

class RowProblem extends Error {
  readonly column: string;
  constructor(column: string, message: string) {
    super(message);
    this.column = column;
  }
}

// pandas exports of the full corpus write ids as floats ("31.0"); the digits are the id.
const ID = /^(\d+)(?:\.0+)?$/;
const V1_DATE = /^\w{3} (\w{3}) (\d{2}) (\d{2}:\d{2}:\d{2}) ([+-]\d{2})(\d{2}) (\d{4})$/;

function tweetId(column: string, value: string): string {
  const m = ID.exec(value.trim());
  if (!m?.[1]) throw new RowProblem(column, `"${value}" is not a tweet id (digits expected)`);
  return m[1];
}

function optionalId(column: string, value: string): string | null {
  return value.trim() === "" ? null : tweetId(column, value);
}

function idList(column: string, value: string): string[] {
  if (value.trim() === "") return [];
  return value.split(",").map((part) => tweetId(column, part));
}

function inbound(value: string): boolean {
  const v = value.trim().toLowerCase();
  if (v === "true") return true;
  if (v === "false") return false;
  throw new RowProblem("inbound", `"${value}" is not True or False`);
}

/** `Tue Oct 31 22:12:09 +0000 2017` → Date; anything else is an error, never a guess. */
export function parseTwcsDate(value: string): Date {
  const m = V1_DATE.exec(value.trim());
  const date = m ? new Date(`${m[2]} ${m[1]} ${m[6]} ${m[3]} GMT${m[4]}${m[5]}`) : null;
  if (!date || Number.isNaN(date.getTime()))
    throw new RowProblem("created_at", `"${value}" is not a date like "Tue Oct 31 22:12:09 +0000 2017"`);
  return date;
}

function authorId(value: string): string {
  const v = value.trim();
  if (!v) throw new RowProblem("author_id", "is empty");
  return v;
}

/** One CSV record → a row, or the first problem found in it. */
export function toTwcsRow(record: Record<string, string>, line: number): TwcsRow | TwcsRowError {
  try {
    return {
      tweetId: tweetId("tweet_id", record.tweet_id ?? ""),
      authorId: authorId(record.author_id ?? ""),
      inbound: inbound(record.inbound ?? ""),
      createdAt: parseTwcsDate(record.created_at ?? ""),
      text: record.text ?? "",
      responseTweetIds: idList("response_tweet_id", record.response_tweet_id ?? ""),
      inResponseToTweetId: optionalId("in_response_to_tweet_id", record.in_response_to_tweet_id ?? ""),
      line,
    };
  } catch (err) {
    if (err instanceof RowProblem) return { line, column: err.column, message: err.message };
    throw err;
  }
}

function checkHeader(columns: string[]): string[] {
  const missing = TWCS_COLUMNS.filter((c) => !columns.includes(c));
  if (missing.length)
    throw new Error(`not a TWCS file: missing column(s) ${missing.join(", ")} in the header (line 1)`);
  return columns;
}

const newlines = (record: Record<string, string>) =>
  Object.values(record).reduce((n, v) => n + (v.match(/\n/g)?.length ?? 0), 0);

const reportToStderr = (e: TwcsRowError) => console.error(`twcs: skipped ${formatTwcsError(e)}`);

/**
 * Streams the rows of a TWCS file. Unreadable records, invalid fields and repeated tweet ids go to
 * `onError` (stderr by default) and are skipped. A missing file or header throws.
 */
export async function* readTwcs(
  path: string,
  onError: (e: TwcsRowError) => void = reportToStderr,
): AsyncGenerator<TwcsRow> {
  const parser = parse({
    columns: checkHeader,
    info: true,
    bom: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    on_skip: (err: CsvError | undefined) => {
      const line = typeof err?.lines === "number" ? err.lines : 0;
      onError({ line, column: null, message: err?.message ?? "unreadable record" });
    },
  });
  // pipe() does not forward a read error (missing file): without this it would crash the process.
  const input = createReadStream(path).on("error", (err) => parser.destroy(err));
  input.pipe(parser);
  const seen = new Set<string>();
  const records = parser as AsyncIterable<{ info: Info; record: Record<string, string> }>;
  try {
    for await (const { info, record } of records) {
      // csv-parse counts the line a record ends on; quoted newlines push that past its start.
      const row = toTwcsRow(record, info.lines - newlines(record));
      if (!("tweetId" in row)) onError(row);
      else if (seen.has(row.tweetId))
        onError({ line: row.line, column: "tweet_id", message: `tweet ${row.tweetId} appears twice` });
      else {
        seen.add(row.tweetId);
        yield row;
      }
    }
  } finally {
    input.destroy(); // a caller that stops early must not leave the file open
  }
}

/** The whole file in memory, with what was skipped: for archives that fit (tests, small imports). */
export async function loadTwcs(path: string): Promise<{ rows: TwcsRow[]; errors: TwcsRowError[] }> {
  const rows: TwcsRow[] = [];
  const errors: TwcsRowError[] = [];
  for await (const row of readTwcs(path, (e) => errors.push(e))) rows.push(row);
  return { rows, errors };
}

/** The brand accounts of an archive: authors of its outbound (inbound = False) tweets, sorted. */
export function brandHandles(rows: Iterable<TwcsRow>): string[] {
  const handles = new Set<string>();
  for (const row of rows) if (!row.inbound) handles.add(row.authorId);
  return [...handles].sort();
}
