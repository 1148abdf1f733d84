import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { expect, it } from "vitest";
import { DatasetError, evaluateFile, formatReport } from "./eval";

const run = promisify(execFile);
const BIN = fileURLToPath(new URL("../../bin/parley.js", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "parley-eval-"));

function jsonl(name: string, lines: string[]): string {
  const path = join(dir, name);
  writeFileSync(path, `${lines.join("\n")}\n`);
  return path;
}

const spamFile = jsonl("spam.jsonl", [
  JSON.stringify({ text: "WIN a FREE iPhone click here", label: "spam" }),
  JSON.stringify({ text: "see you at lunch tomorrow?", label: "ham" }),
  JSON.stringify({ text: "thanks, the parcel arrived today", label: "ham" }),
]);

it("scores a file with the pipeline's classifier", () => {
  const r = evaluateFile("spam", spamFile);
  expect(Object.keys(r)).toEqual([
    "task",
    "n",
    "accuracy",
    "macro_recall",
    "macro_f1",
    "per_label",
    "texts_per_second",
  ]);
  expect(r).toMatchObject({ task: "spam", n: 3 });
  expect(Object.keys(r.per_label).sort()).toEqual(["ham", "spam"]);
  expect(r.per_label.ham?.support).toBe(2);
  expect(r.texts_per_second).toBeGreaterThan(0);
  expect(formatReport(r)).toContain("macro F1");
});

it("names the bad line, unknown labels and missing files", () => {
  const bad = jsonl("bad.jsonl", [JSON.stringify({ text: "ok", label: "ham" }), "{not json"]);
  expect(() => evaluateFile("spam", bad)).toThrow(/bad\.jsonl:2: not valid JSON/);
  const unknown = jsonl("unknown.jsonl", [JSON.stringify({ text: "ok", label: "eggs" })]);
  expect(() => evaluateFile("spam", unknown)).toThrow(/unknown\.jsonl:1: unknown label "eggs"/);
  expect(() => evaluateFile("spam", join(dir, "missing.jsonl"))).toThrow(DatasetError);
  expect(() => evaluateFile("weather", spamFile)).toThrow(/unknown task/);
});

it("prints exactly the JSON report with --json, and exits 2 on bad input", async () => {
  const { stdout } = await run(process.execPath, [BIN, "eval", "spam", spamFile, "--json"]);
  expect(JSON.parse(stdout)).toMatchObject({ task: "spam", n: 3 });
  const failed = await run(process.execPath, [BIN, "eval", "spam", join(dir, "missing.jsonl")]).catch(
    (e: { code: number; stderr: string }) => e,
  );
  expect(failed).toMatchObject({ code: 2 });
  expect((failed as { stderr: string }).stderr).toMatch(/cannot read .*missing\.jsonl/);
});
