import axe from "axe-core";
import type { Page } from "playwright-core";

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

/**
 * Runs axe-core in the page and returns its serious and critical violations, each as one readable
 * line per offending element (printed by the failing assertion).
 */
export async function seriousViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ content: axe.source });
  const violations = await page.evaluate(async () => {
    const w = window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<unknown> } };
    const result = (await w.axe.run(document, { resultTypes: ["violations"] })) as { violations: unknown[] };
    return result.violations;
  });
  return (violations as Violation[])
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .flatMap((v) =>
      v.nodes.map(
        (n) =>
          `[${v.impact}] ${v.id}: ${v.help} at ${JSON.stringify(n.target)}` +
          `${n.failureSummary ? ` (${n.failureSummary.replace(/\s+/g, " ").trim()})` : ""} ${v.helpUrl}`,
      ),
    );
}
