import { Group, Text } from "@mantine/core";
import type { Conversation, User } from "@parley/contracts";
import { memo } from "react";
import { Link } from "react-router";
import { ChannelIcon } from "../../../ui/channels";
import { PriorityBadge } from "../../../ui/PriorityBadge";
import { RelativeTime } from "../../../ui/RelativeTime";
import { SentimentDot } from "../../../ui/SentimentDot";
import { SlaCountdown } from "../../../ui/SlaCountdown";
import { UserAvatar } from "../../../ui/UserAvatar";
import { VisibilityBadges } from "../../../ui/VisibilityBadges";
import classes from "../inbox.module.css";

interface ConversationRowProps {
  conversation: Conversation;
  assignee: User | undefined;
  search: string;
  isOpen: boolean;
  isCursor: boolean;
  onFocusRow: (id: string) => void;
}

/** The first response is still owed: count down to it. */
function firstResponseDue(c: Conversation): string | null {
  return c.first_response_at ? null : c.first_response_due_at;
}

export const ConversationRow = memo(function ConversationRow(props: ConversationRowProps) {
  const { conversation: c, assignee, search, isOpen, isCursor, onFocusRow } = props;
  const due = firstResponseDue(c);
  const handle = c.contact.handle ? `@${c.contact.handle.replace(/^@/, "")}` : null;
  return (
    <li className={classes.rowItem}>
      <Link
        to={{ pathname: `/inbox/${c.id}`, search }}
        className={classes.row}
        aria-current={isOpen ? "true" : undefined}
        data-cursor={isCursor || undefined}
        data-unread={c.status === "new" || undefined}
        data-conversation-id={c.id}
        onFocus={() => onFocusRow(c.id)}
      >
        <ChannelIcon channel={c.channel} size={24} />
        <div className={classes.rowBody}>
          <Group gap={6} wrap="nowrap" justify="space-between">
            <Group gap={6} wrap="nowrap" miw={0}>
              <Text size="sm" fw={650} truncate className={classes.contactName}>
                {c.contact.display_name}
              </Text>
              {handle ? (
                <Text size="xs" c="dimmed" truncate className={classes.handle}>
                  {handle}
                </Text>
              ) : null}
            </Group>
            <RelativeTime iso={c.last_message_at} />
          </Group>
          <Text size="sm" className={classes.preview}>
            {c.subject ? <span className={classes.subject}>{c.subject}</span> : null}
            {c.subject && c.preview ? <span className={classes.sep}> — </span> : null}
            <span className={classes.previewText}>{c.preview}</span>
          </Text>
          <Group gap={6} wrap="nowrap" className={classes.rowMeta}>
            <PriorityBadge priority={c.priority} />
            <VisibilityBadges hasPublic={c.has_public} hasPrivate={c.has_private} />
            <SentimentDot sentiment={c.sentiment} />
            <span className={classes.spacer} />
            {due ? <SlaCountdown dueAt={due} /> : null}
            {assignee ? <UserAvatar name={assignee.name} size={20} withTooltip /> : null}
          </Group>
        </div>
      </Link>
    </li>
  );
});
