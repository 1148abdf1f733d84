/**
 * How many real customer tweets the spam filter hides: the customer (inbound) tweets of a TWCS file,
 * none of them spam, are classified and the share labelled spam is reported. TWCS is never used in
 * training; this is an out-of-domain check of SPEC T1 ("almost never hide a real customer").
 *   npx tsx apps/server/src/nlp/twcs-check.ts [twcs.csv] [--models <dir>]
 * (default file: twcs/twcs_dev.csv in the shared datasets folder).
 */
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { loadTwcs } from "../imports/twcs-read";
import { type Classifiers, loadClassifiers } from "./classifier";
import { datasetsDir } from "./datasets";

export interface FlaggedReport {
  customerTweets: number;
  flagged: number;
  flaggedRate: number;
  /** The flagged tweets, highest spam probability first. */
  examples: { prob: number; text: string }[];
}

/** The text of every customer (inbound = True) tweet of a TWCS file. */
export async function twcsCustomerTexts(path: string): Promise<string[]> {
  const { rows } = await loadTwcs(path);
  return rows.filter((r) => r.inbound).map((r) => r.text);
}

export function spamFlagged(
  texts: readonly string[],
  classifiers: Classifiers = loadClassifiers(),
): FlaggedReport {
  const examples: { prob: number; text: string }[] = [];
  for (const text of texts) {
    const { spam } = classifiers.classify(text);
    if (spam.label === "spam") examples.push({ prob: Number(spam.prob.toFixed(3)), text });
  }
  examples.sort((a, b) => b.prob - a.prob);
  return {
    customerTweets: texts.length,
    flagged: examples.length,
    flaggedRate: examples.length / Math.max(1, texts.length),
    examples,
  };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const at = args.indexOf("--models");
  const models = at >= 0 ? args.splice(at, 2)[1] : undefined;
  const repoRoot = resolve(fileURLToPath(import.meta.url), "../../../../..");
  const file = args[0] ?? join(datasetsDir(repoRoot), "twcs/twcs_dev.csv");
  const report = spamFlagged(await twcsCustomerTexts(file), loadClassifiers(models));
  console.log(JSON.stringify(report, null, 1));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
