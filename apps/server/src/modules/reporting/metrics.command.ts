import type { Deps } from "../../platform/deps";
import { findWorkspaceBySlug } from "../workspaces/workspaces.repo";
import { computeResponseMetrics, type ResponseMetrics } from "./response-metrics";

/** `parley metrics --workspace <slug> [--json]`: the workspace's response times over all time. */
export async function metricsCommand(
  deps: Pick<Deps, "db">,
  args: { workspace: string; json: boolean },
): Promise<string> {
  const ws = await findWorkspaceBySlug(deps.db, args.workspace);
  if (!ws)
    throw new Error(
      `No workspace "${args.workspace}". Create it with: parley workspace create ${args.workspace}`,
    );
  const metrics = await computeResponseMetrics(deps.db, ws.id);
  return args.json ? JSON.stringify(metrics, null, 2) : metricsTable(ws.slug, metrics);
}

/** 797.5 → "13m 18s": to the second, at most two units, since a table is read at a glance. */
export function formatDuration(seconds: number | null): string {
  if (seconds === null) return "-";
  const s = Math.round(seconds);
  const units: [string, number][] = [
    ["d", 86_400],
    ["h", 3_600],
    ["m", 60],
    ["s", 1],
  ];
  const parts: string[] = [];
  let rest = s;
  for (const [name, size] of units) {
    const n = Math.floor(rest / size);
    rest -= n * size;
    if (n > 0 || parts.length > 0) parts.push(`${n}${name}`);
  }
  return parts.length ? parts.slice(0, 2).join(" ") : "0s";
}

const row = (label: string, value: string) => `${label.padEnd(28)}${value}`;

export function metricsTable(slug: string, m: ResponseMetrics): string {
  const lines = [
    `Response times, workspace ${slug}, all time`,
    row("Conversations", String(m.conversations)),
    row("Messages", String(m.messages)),
    row("Answered conversations", String(m.answered)),
    row("Answered customer messages", String(m.responses)),
    row("First response, median", formatDuration(m.frt_median_s)),
    row("First response, mean", formatDuration(m.frt_mean_s)),
    row("Average response time", formatDuration(m.art_mean_s)),
    row("Response time, median", formatDuration(m.art_median_s)),
  ];
  const accounts = Object.entries(m.frt_median_s_by_account);
  if (accounts.length) {
    lines.push("", "Median first response by account");
    for (const [account, s] of accounts) lines.push(row(`  ${account}`, formatDuration(s)));
  }
  return lines.join("\n");
}
