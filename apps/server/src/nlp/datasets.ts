/** The triage tasks, their labels and training files, and a strict JSON Lines reader. */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";

const HAM_FILES = [
  "complaint/complaints.dev.jsonl",
  "sentiment/airline.dev.jsonl",
  "sentiment/tweeteval_val.dev.jsonl",
  "offensive/tweeteval_offensive.dev.jsonl",
  "intent/banking77.dev.jsonl",
  "category/bitext.dev.jsonl",
] as const;

export const TASKS = {
  sentiment: {
    labels: ["negative", "neutral", "positive"],
    files: ["sentiment/tweeteval_val.dev.jsonl", "sentiment/airline.dev.jsonl"],
  },
  spam: {
    labels: ["ham", "spam"],
    files: ["spam/sms.dev.jsonl", "spam/youtube.dev.jsonl"],
    /*
     * Legitimate social posts from other tasks' files, every row read as ham (their own labels are
     * ignored): SMS and YouTube comments alone taught the model that a tweet with a link or a brand
     * mention is spam (22% of TWCS customer tweets flagged).
     */
    hamFiles: HAM_FILES,
  },
  complaint: { labels: ["not_complaint", "complaint"], files: ["complaint/complaints.dev.jsonl"] },
  offensive: { labels: ["not_offensive", "offensive"], files: ["offensive/tweeteval_offensive.dev.jsonl"] },
  category: {
    labels: [
      "ACCOUNT",
      "CANCELLATION_FEE",
      "CONTACT",
      "DELIVERY",
      "FEEDBACK",
      "INVOICE",
      "NEWSLETTER",
      "ORDER",
      "PAYMENT",
      "REFUND",
      "SHIPPING_ADDRESS",
    ],
    files: ["category/bitext.dev.jsonl"],
  },
} as const satisfies Record<
  string,
  { labels: readonly string[]; files: readonly string[]; hamFiles?: readonly string[] }
>;

export type TaskName = keyof typeof TASKS;
export const TASK_NAMES = Object.keys(TASKS) as TaskName[];

export function isTaskName(s: string): s is TaskName {
  return Object.hasOwn(TASKS, s);
}

export interface LabelledText {
  text: string;
  label: string;
  /** Which file the example came from (used to stratify and to weight sources). */
  source: string;
}

/** Bad input the user can fix: names the file and line. */
export class DatasetError extends Error {}

/** Reads `{"text","label"}` lines, rejecting malformed lines and labels not in `labels` (any label if null). */
export function readLabelledJsonl(path: string, labels: readonly string[] | null): LabelledText[] {
  let content: string;
  try {
    content = readFileSync(path, "utf8");
  } catch {
    throw new DatasetError(`cannot read ${path}`);
  }
  const out: LabelledText[] = [];
  const lines = content.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]?.trim();
    if (!line) continue;
    out.push(parseLine(line, `${path}:${i + 1}`, labels));
  }
  return out;
}

/** Reads the texts of a JSON Lines file as examples of `label`, whatever label each line has. */
export function readJsonlAs(path: string, label: string): LabelledText[] {
  return readLabelledJsonl(path, null).map((r) => ({ ...r, label }));
}

function parseLine(line: string, where: string, labels: readonly string[] | null): LabelledText {
  let row: unknown;
  try {
    row = JSON.parse(line);
  } catch {
    throw new DatasetError(`${where}: not valid JSON`);
  }
  const { text, label } = (row ?? {}) as { text?: unknown; label?: unknown };
  if (typeof text !== "string" || typeof label !== "string")
    throw new DatasetError(`${where}: expected an object with string "text" and "label"`);
  if (labels && !labels.includes(label))
    throw new DatasetError(`${where}: unknown label "${label}" (expected one of ${labels.join(", ")})`);
  return { text, label, source: where.slice(0, where.lastIndexOf(":")) };
}

/** The shared datasets folder: PARLEY_DATASETS, else ../shared/datasets beside the checkout. */
export function datasetsDir(repoRoot: string): string {
  return process.env.PARLEY_DATASETS ?? resolve(repoRoot, "../shared/datasets");
}
