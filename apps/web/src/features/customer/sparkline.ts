export interface SparkPoint {
  x: number;
  y: number;
}

/**
 * Points of a sentiment sparkline: days spread over the width by date (gaps stay gaps), scores
 * -1..1 mapped to the height with +1 at the top.
 */
export function sparkPoints(
  trend: readonly { date: string; mean_score: number }[],
  width: number,
  height: number,
  pad = 2,
): SparkPoint[] {
  if (trend.length === 0) return [];
  const days = trend.map((t) => Date.parse(`${t.date}T00:00:00Z`));
  const first = Math.min(...days);
  const span = Math.max(...days) - first;
  const innerH = height - pad * 2;
  return trend.map((t, i) => {
    const x = span === 0 ? width / 2 : pad + (((days[i] ?? first) - first) / span) * (width - pad * 2);
    const score = Math.max(-1, Math.min(1, t.mean_score));
    return { x: round(x), y: round(pad + ((1 - score) / 2) * innerH) };
  });
}

const round = (n: number) => Math.round(n * 10) / 10;

export function sparkPath(points: readonly SparkPoint[]): string {
  return points.map((p, i) => `${i === 0 ? "M" : "L"}${p.x} ${p.y}`).join(" ");
}

/** A sentence for screen readers and the tooltip: the mean and the direction of the last days. */
export function describeTrend(trend: readonly { mean_score: number; messages: number }[]): string {
  if (trend.length === 0) return "No sentiment in the last 90 days";
  const total = trend.reduce((n, t) => n + t.messages, 0);
  const mean = trend.reduce((s, t) => s + t.mean_score * t.messages, 0) / Math.max(1, total);
  const word = mean > 0.2 ? "positive" : mean < -0.2 ? "negative" : "neutral";
  const recent = trend.slice(-3);
  const earlier = trend.slice(0, -3);
  const avg = (xs: readonly { mean_score: number }[]) => xs.reduce((s, t) => s + t.mean_score, 0) / xs.length;
  const direction =
    earlier.length === 0
      ? ""
      : avg(recent) - avg(earlier) > 0.15
        ? ", improving"
        : avg(recent) - avg(earlier) < -0.15
          ? ", getting worse"
          : ", steady";
  return `Mostly ${word}${direction} (${total} message${total === 1 ? "" : "s"} over ${trend.length} day${trend.length === 1 ? "" : "s"})`;
}

/** 950 → "950", 12_300 → "12.3k", 2_400_000 → "2.4M". */
export function formatCount(n: number): string {
  if (n < 1000) return String(n);
  if (n < 1_000_000) return `${(n / 1000).toFixed(n < 10_000 ? 1 : 0).replace(/\.0$/, "")}k`;
  return `${(n / 1_000_000).toFixed(1).replace(/\.0$/, "")}M`;
}
