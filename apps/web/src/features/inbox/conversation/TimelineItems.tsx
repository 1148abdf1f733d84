import { Text, Tooltip } from "@mantine/core";
import type { ConversationEvent, Note } from "@parley/contracts";
import {
  IconAlarm,
  IconArrowsExchange,
  IconBolt,
  IconCircleCheck,
  IconFlag,
  IconHistory,
  IconNote,
  IconTag,
  IconUserCheck,
} from "@tabler/icons-react";
import type { ReactNode } from "react";
import { formatFull, formatTime } from "../../../ui/time";
import { UserAvatar } from "../../../ui/UserAvatar";
import classes from "./conversation.module.css";

/** An internal note: only the team sees it, so it looks nothing like a message to the customer. */
export function NoteItem({ note }: { note: Note }) {
  return (
    <article
      className={classes.note}
      aria-label={`Internal note by ${note.author.name}, ${formatFull(note.created_at)}`}
    >
      <div className={classes.noteMeta}>
        <IconNote size={13} aria-hidden />
        <UserAvatar name={note.author.name} size={18} />
        <Text size="xs" fw={650}>
          {note.author.name}
        </Text>
        <Text size="xs" c="yellow.9">
          internal note
        </Text>
        <Tooltip label={formatFull(note.created_at)}>
          <Text component="time" dateTime={note.created_at} size="xs" c="dimmed" ml="auto">
            {formatTime(note.created_at)}
          </Text>
        </Tooltip>
      </div>
      <Text size="sm" className={classes.noteText}>
        {note.text}
      </Text>
    </article>
  );
}

const ICONS: Record<string, ReactNode> = {
  status_changed: <IconCircleCheck size={13} aria-hidden />,
  assigned: <IconUserCheck size={13} aria-hidden />,
  team_changed: <IconArrowsExchange size={13} aria-hidden />,
  tags_changed: <IconTag size={13} aria-hidden />,
  escalated: <IconFlag size={13} aria-hidden />,
  priority_changed: <IconBolt size={13} aria-hidden />,
  sla_warning: <IconAlarm size={13} aria-hidden />,
  sla_breached: <IconAlarm size={13} aria-hidden />,
  rule_matched: <IconBolt size={13} aria-hidden />,
};

const TONE: Record<string, string> = {
  sla_warning: "warning",
  sla_breached: "danger",
  escalated: "escalation",
  approval_requested: "warning",
};

/** One line of history: who did what, when. */
export function EventItem({ event, text }: { event: ConversationEvent; text: string }) {
  const actor = event.actor.type === "rule" ? `Rule ${event.actor.name}` : event.actor.name;
  return (
    <div className={classes.event} data-tone={TONE[event.type]}>
      <span className={classes.eventIcon}>{ICONS[event.type] ?? <IconHistory size={13} aria-hidden />}</span>
      <Text size="xs" className={classes.eventText}>
        <b>{actor}</b> {text}
      </Text>
      <Tooltip label={formatFull(event.created_at)}>
        <Text component="time" dateTime={event.created_at} size="xs" c="dimmed" className={classes.eventTime}>
          {formatTime(event.created_at)}
        </Text>
      </Tooltip>
    </div>
  );
}
