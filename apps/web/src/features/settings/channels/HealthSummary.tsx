import { Group, Text } from "@mantine/core";
import type { ChannelAccount } from "@parley/contracts";
import { useNow } from "../../../ui/time";
import classes from "./channels.module.css";
import { currentLag, type LagLevel, lagLevel } from "./health";

type Bucket = LagLevel | "paused" | "failing";

const BUCKETS: { bucket: Bucket; label: string; level: string }[] = [
  { bucket: "ok", label: "receiving", level: "ok" },
  { bucket: "slow", label: "quiet for 5 min+", level: "slow" },
  { bucket: "stale", label: "silent for 30 min+", level: "stale" },
  { bucket: "failing", label: "with errors", level: "stale" },
  { bucket: "none", label: "waiting for a first event", level: "none" },
  { bucket: "paused", label: "paused", level: "paused" },
];

/** Where a channel counts in the summary: pauses and errors first, then by its lag. */
function bucketOf(channel: ChannelAccount, lag: number | null): Bucket {
  if (channel.status === "paused") return "paused";
  if (channel.status === "error" || channel.health.last_error) return "failing";
  return lagLevel(lag);
}

/** One line above the list: how many channels are receiving, quiet, failing or paused. */
export function HealthSummary({ channels, fetchedAt }: { channels: ChannelAccount[]; fetchedAt: number }) {
  const now = useNow();
  const counts = new Map<Bucket, number>();
  for (const channel of channels) {
    const bucket = bucketOf(channel, currentLag(channel.health.lag_seconds, fetchedAt, now));
    counts.set(bucket, (counts.get(bucket) ?? 0) + 1);
  }
  return (
    <Group className={classes.summary} gap="lg" aria-label="Channel health summary" role="group">
      <Text size="sm" fw={600}>
        {channels.length === 1 ? "1 channel" : `${channels.length} channels`}
      </Text>
      {BUCKETS.filter(({ bucket }) => counts.has(bucket)).map(({ bucket, label, level }) => (
        <span key={bucket} className={classes.lag} data-level={level}>
          <span className={classes.lagDot} aria-hidden />
          {counts.get(bucket)} {label}
        </span>
      ))}
    </Group>
  );
}
