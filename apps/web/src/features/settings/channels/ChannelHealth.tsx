import { Text, Tooltip, VisuallyHidden } from "@mantine/core";
import type { ChannelAccount } from "@parley/contracts";
import { IconAlertTriangle } from "@tabler/icons-react";
import { formatFull, useNow } from "../../../ui/time";
import classes from "./channels.module.css";
import { currentLag, formatLag, lagHint, lagLevel, lastEventLabel } from "./health";

interface ChannelHealthProps {
  channel: ChannelAccount;
  /** When the list answer was received, to age `lag_seconds` live between refreshes. */
  fetchedAt: number;
}

/** "Last event 12 s ago" with a dot that turns orange, then red, as the channel goes quiet. */
export function ChannelHealth({ channel, fetchedAt }: ChannelHealthProps) {
  const now = useNow(1000);
  const { health } = channel;
  const lag = currentLag(health.lag_seconds, fetchedAt, now);
  const paused = channel.status === "paused";
  const level = lagLevel(lag);
  const hint = lagHint(level, paused);
  const errorAge = health.last_error_at ? (now - Date.parse(health.last_error_at)) / 1000 : null;

  return (
    <div>
      <Tooltip
        label={health.last_event_at ? `${hint}. Last event ${formatFull(health.last_event_at)}.` : hint}
        multiline
        maw={280}
      >
        <span className={classes.lag} data-level={paused ? "paused" : level}>
          <span className={classes.lagDot} aria-hidden />
          {lastEventLabel(lag)}
          <VisuallyHidden>. {hint}</VisuallyHidden>
        </span>
      </Tooltip>
      {health.last_error ? (
        <div className={classes.error}>
          <IconAlertTriangle size={13} stroke={2} aria-hidden />
          <div style={{ minWidth: 0 }}>
            <Text size="xs" c="inherit" lineClamp={2} title={health.last_error}>
              <VisuallyHidden>Last error: </VisuallyHidden>
              {health.last_error}
            </Text>
            {errorAge !== null && health.last_error_at ? (
              <Text size="xs" c="dimmed" title={formatFull(health.last_error_at)}>
                {formatLag(errorAge)} ago
              </Text>
            ) : null}
          </div>
        </div>
      ) : null}
    </div>
  );
}
