import { Text, Tooltip } from "@mantine/core";
import type { ContactProfile } from "@parley/contracts";
import { describeTrend, sparkPath, sparkPoints } from "./sparkline";

const W = 220;
const H = 36;

/** The customer's daily mean sentiment over 90 days; the middle line is neutral. */
export function SentimentSparkline({ trend }: { trend: ContactProfile["sentiment_trend"] }) {
  const summary = describeTrend(trend);
  if (trend.length === 0)
    return (
      <Text size="xs" c="dimmed">
        {summary}
      </Text>
    );
  const points = sparkPoints(trend, W, H, 3);
  const last = points.at(-1);
  const lastScore = trend.at(-1)?.mean_score ?? 0;
  const color =
    lastScore > 0.2
      ? "var(--mantine-color-teal-6)"
      : lastScore < -0.2
        ? "var(--mantine-color-red-6)"
        : "var(--mantine-color-gray-6)";
  return (
    <Tooltip label={summary}>
      <svg
        width="100%"
        height={H}
        viewBox={`0 0 ${W} ${H}`}
        preserveAspectRatio="none"
        role="img"
        aria-label={`Sentiment trend: ${summary}`}
      >
        <line
          x1={0}
          x2={W}
          y1={H / 2}
          y2={H / 2}
          stroke="var(--mantine-color-gray-3)"
          strokeDasharray="3 3"
        />
        <path
          d={sparkPath(points)}
          fill="none"
          stroke="var(--mantine-color-accent-5)"
          strokeWidth={1.6}
          vectorEffect="non-scaling-stroke"
        />
        {last ? <circle cx={last.x} cy={last.y} r={2.6} fill={color} /> : null}
      </svg>
    </Tooltip>
  );
}
