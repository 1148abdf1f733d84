import { Tooltip } from "@mantine/core";
import type { Conversation } from "@parley/contracts";
import { IconClock } from "@tabler/icons-react";
import { slaClock } from "./sla";
import { formatDuration, formatFull, useNow } from "./time";
import classes from "./ui.module.css";

const SOON_MS = 15 * 60_000;

interface SlaCountdownProps {
  dueAt: string;
  label?: string;
}

function SlaChip({ state, hint, text }: { state: string; hint: string; text: string }) {
  return (
    <Tooltip label={hint}>
      <span className={classes.sla} data-state={state} role="timer" aria-label={hint}>
        <IconClock size={11} stroke={2.2} aria-hidden />
        {text}
      </span>
    </Tooltip>
  );
}

function hintOf(label: string, dueAt: string, left: number): string {
  return left < 0
    ? `${label} overdue by ${formatDuration(left)} (was due ${formatFull(dueAt)})`
    : `${label} due in ${formatDuration(left)} (${formatFull(dueAt)})`;
}

/** Time left before one deadline; amber in the last 15 minutes, red once breached. */
export function SlaCountdown({ dueAt, label = "First response" }: SlaCountdownProps) {
  const now = useNow();
  const left = new Date(dueAt).getTime() - now;
  const state = left < 0 ? "breached" : left < SOON_MS ? "warning" : "ok";
  const text = left < 0 ? `-${formatDuration(left)}` : formatDuration(left);
  return <SlaChip state={state} hint={hintOf(label, dueAt, left)} text={text} />;
}

type SlaConversation = Parameters<typeof slaClock>[0];

/** The conversation's live SLA countdown (the deadline that matters now, toned by the SLA state). */
export function ConversationSla({ conversation }: { conversation: SlaConversation | Conversation }) {
  const now = useNow();
  const clock = slaClock(conversation, now);
  if (!clock) return null;
  const hint = hintOf(clock.label, clock.dueAt, Date.parse(clock.dueAt) - now);
  return <SlaChip state={clock.tone} hint={hint} text={clock.text} />;
}
