import type { ReportSummary } from "@parley/contracts";
import { eq, min } from "drizzle-orm";
import type { Queryable } from "../../platform/db";
import { conversations } from "../../platform/db/schema";
import type { Deps } from "../../platform/deps";
import { findWorkspaceBySlug } from "../workspaces/workspaces.repo";
import { reportSummary } from "./report";
import { computeResponseMetrics, type ResponseMetrics } from "./response-metrics";

/** What `parley metrics --json` prints: the response-time figures, then the full report over all time. */
export type MetricsOutput = ResponseMetrics & { report: Omit<ReportSummary, "series"> };

/**
 * `parley metrics --workspace <slug> [--json]`: the workspace's figures over all time, from its
 * first conversation to now, computed by the same code as the reports API (without the series).
 */
export async function metricsCommand(
  deps: Pick<Deps, "db"> & Partial<Pick<Deps, "clock">>,
  args: { workspace: string; json: boolean },
): Promise<string> {
  const ws = await findWorkspaceBySlug(deps.db, args.workspace);
  if (!ws)
    throw new Error(
      `No workspace "${args.workspace}". Create it with: parley workspace create ${args.workspace}`,
    );
  const metrics = await computeResponseMetrics(deps.db, ws.id);
  const now = deps.clock?.now() ?? new Date();
  const from = (await firstConversationAt(deps.db, ws.id)) ?? now;
  // The end is just after now, so a conversation created this millisecond is in.
  const { series: _series, ...report } = await reportSummary(
    deps.db,
    { workspaceId: ws.id, from, to: new Date(Math.max(now.getTime(), from.getTime()) + 1) },
    { series: false },
  );
  const output: MetricsOutput = { ...metrics, report };
  return args.json ? JSON.stringify(output, null, 2) : metricsTable(ws.slug, output);
}

async function firstConversationAt(db: Queryable, workspaceId: string): Promise<Date | null> {
  const [row] = await db
    .select({ at: min(conversations.createdAt) })
    .from(conversations)
    .where(eq(conversations.workspaceId, workspaceId));
  return row?.at ? new Date(row.at) : null;
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

export function metricsTable(slug: string, m: MetricsOutput): string {
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
  lines.push("", ...reportLines(m.report.figures), "", ...satisfactionLines(m.report.satisfaction));
  return lines.join("\n");
}

const percent = (share: number | null) => (share === null ? "-" : `${(share * 100).toFixed(1)}%`);

function reportLines(f: ReportSummary["figures"]): string[] {
  const s = f.service_levels;
  return [
    "Volumes and service levels",
    row("Customer messages", String(f.volumes.inbound_messages)),
    row("Responses", String(f.volumes.responses)),
    row("Spam share", percent(f.volumes.spam_share)),
    row("FRT in hours, median", formatDuration(f.response_times.first_response.in_hours.median_s)),
    row("FRT out of hours, median", formatDuration(f.response_times.first_response.out_of_hours.median_s)),
    row("SLA first response met", percent(s.sla_first_response.attainment)),
    row("SLA resolution met", percent(s.sla_resolution.attainment)),
    row("Queue time, mean", formatDuration(s.queue.mean_s)),
    row("Resolution time, mean", formatDuration(s.resolution.mean_s)),
    row("Resolution time, max", formatDuration(s.resolution.max_s)),
    row("Resolution rate", percent(s.resolution_rate)),
    row("First-contact resolution", percent(s.first_contact_resolution_rate)),
    row("Sentiment conversion", percent(f.sentiment.conversion_rate)),
    row("Average handling time", formatDuration(f.handling.average_s)),
    row("Escalated", String(s.escalated)),
    row("Backlog now", String(s.backlog)),
  ];
}

function satisfactionLines({ csat, nps, response }: ReportSummary["satisfaction"]): string[] {
  return [
    "Satisfaction (surveys)",
    row("Surveys answered", `${response.answered} of ${response.asked} (${percent(response.rate)})`),
    row("CSAT satisfied (4-5 of 5)", `${percent(csat.satisfied_share)} of ${csat.responses}`),
    row("CSAT mean score", csat.average === null ? "-" : csat.average.toFixed(2)),
    row(
      "NPS",
      `${nps.score === null ? "-" : nps.score.toFixed(1)} (${nps.promoters} promoters, ${nps.passives} passives, ${nps.detractors} detractors)`,
    ),
  ];
}
