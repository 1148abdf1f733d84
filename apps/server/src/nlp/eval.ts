/**
 * `parley eval <task> <file.jsonl> [--json]`: scores the pipeline's own classifier on any labelled
 * file, so quality claims can be checked on data the models never saw (SPEC T5).
 */
import { type Classification, type Classifiers, loadClassifiers } from "./classifier";
import { DatasetError, isTaskName, readLabelledJsonl, TASK_NAMES, TASKS, type TaskName } from "./datasets";
import { type Scores, score } from "./metrics";

export { DatasetError };

export interface EvalReport extends Scores {
  task: TaskName;
  texts_per_second: number;
}

/*
 * texts_per_second is the steady-state speed of the whole classify step (language and every
 * model), as a long-running pipeline sees it: V8 needs ~10,000 calls to get there (the first
 * thousands run at half speed), so the file's texts are first classified that many times, cycling.
 */
const WARMUP_TEXTS = 12_000;

const pick: Record<TaskName, (c: Classification) => string> = {
  sentiment: (c) => c.sentiment.label,
  spam: (c) => c.spam.label,
  complaint: (c) => c.complaint.label,
  offensive: (c) => c.offensive.label,
  category: (c) => c.category.label,
};

export function evaluateFile(task: string, file: string, classifiers?: Classifiers): EvalReport {
  if (!isTaskName(task)) throw new DatasetError(`unknown task "${task}"; tasks: ${TASK_NAMES.join(", ")}`);
  const rows = readLabelledJsonl(file, TASKS[task].labels);
  if (rows.length === 0) throw new DatasetError(`${file}: no examples`);
  const c = classifiers ?? loadClassifiers();
  const predicted: string[] = new Array(rows.length);
  for (let i = 0; i < WARMUP_TEXTS; i++) c.classify((rows[i % rows.length] as { text: string }).text);
  const t0 = performance.now();
  for (let i = 0; i < rows.length; i++)
    predicted[i] = pick[task](c.classify((rows[i] as { text: string }).text));
  const seconds = (performance.now() - t0) / 1000;
  const scores = score(
    rows.map((r) => r.label),
    predicted,
    TASKS[task].labels,
  );
  return {
    task,
    ...scores,
    texts_per_second: Math.round(rows.length / Math.max(seconds, 1e-9)),
  };
}

const fmt = (x: number) => x.toFixed(3);

export function formatReport(r: EvalReport): string {
  const width = Math.max(5, ...Object.keys(r.per_label).map((l) => l.length));
  const lines = [
    `task ${r.task}: ${r.n} examples, ${r.texts_per_second} texts/s`,
    `accuracy ${fmt(r.accuracy)}  macro recall ${fmt(r.macro_recall)}  macro F1 ${fmt(r.macro_f1)}`,
    "",
    `${"label".padEnd(width)}  precision  recall     f1  support`,
  ];
  for (const [label, s] of Object.entries(r.per_label)) {
    lines.push(
      `${label.padEnd(width)}  ${fmt(s.precision).padStart(9)}  ${fmt(s.recall).padStart(6)}  ${fmt(s.f1)}  ${String(s.support).padStart(7)}`,
    );
  }
  return lines.join("\n");
}

/** The command's output: the report as JSON with `json`, else a readable table. */
export function runEval(task: string, file: string, opts: { json?: boolean }): string {
  const report = evaluateFile(task, file);
  return opts.json ? JSON.stringify(report) : formatReport(report);
}
