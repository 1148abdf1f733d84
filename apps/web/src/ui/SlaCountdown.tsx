import { Tooltip } from "@mantine/core";
import { IconClock } from "@tabler/icons-react";
import { formatDuration, formatFull, useNow } from "./time";
import classes from "./ui.module.css";

const SOON_MS = 15 * 60_000;

interface SlaCountdownProps {
  dueAt: string;
  label?: string;
}

/** Time left before a service-level deadline; orange in the last 15 minutes, red once breached. */
export function SlaCountdown({ dueAt, label = "First response" }: SlaCountdownProps) {
  const now = useNow();
  const left = new Date(dueAt).getTime() - now;
  const state = left < 0 ? "breached" : left < SOON_MS ? "soon" : "ok";
  const text = left < 0 ? `-${formatDuration(left)}` : formatDuration(left);
  const hint =
    left < 0
      ? `${label} overdue by ${formatDuration(left)} (was due ${formatFull(dueAt)})`
      : `${label} due in ${formatDuration(left)} (${formatFull(dueAt)})`;
  return (
    <Tooltip label={hint}>
      <span className={classes.sla} data-state={state} role="timer" aria-label={hint}>
        <IconClock size={11} stroke={2.2} aria-hidden />
        {text}
      </span>
    </Tooltip>
  );
}
