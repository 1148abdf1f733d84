import { Tooltip } from "@mantine/core";
import type { Sentiment } from "@parley/contracts";
import { Dot } from "./Dot";

const COLORS: Record<Sentiment, string> = {
  negative: "var(--mantine-color-red-6)",
  neutral: "var(--mantine-color-gray-4)",
  positive: "var(--mantine-color-teal-6)",
};

/** A coloured dot for the customer's mood; nothing when it has not been classified yet. */
export function SentimentDot({ sentiment }: { sentiment: Sentiment | null }) {
  if (!sentiment) return null;
  const label = `${sentiment[0]?.toUpperCase()}${sentiment.slice(1)} sentiment`;
  return (
    <Tooltip label={label}>
      <span>
        <Dot color={COLORS[sentiment]} label={label} />
      </span>
    </Tooltip>
  );
}
