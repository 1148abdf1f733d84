import { Button, Checkbox, Text, VisuallyHidden } from "@mantine/core";
import type { Conversation, User } from "@parley/contracts";
import { type MouseEvent, memo } from "react";
import { Link } from "react-router";
import { ChannelIcon } from "../../../ui/channels";
import { PriorityBadge } from "../../../ui/PriorityBadge";
import { RelativeTime } from "../../../ui/RelativeTime";
import { SentimentDot } from "../../../ui/SentimentDot";
import { ConversationSla } from "../../../ui/SlaCountdown";
import { UserAvatar } from "../../../ui/UserAvatar";
import { VisibilityBadges } from "../../../ui/VisibilityBadges";
import classes from "./list.module.css";
import { RowPresence } from "./RowPresence";
import { isUnread, useSeenVersion } from "./readState";

/** Every row has the same height, so the virtual list can place any of thousands without measuring. */
export const ROW_HEIGHT = 68;

export interface RowHandlers {
  onFocusRow: (id: string) => void;
  /** Checkbox click, or shift-click anywhere on the row (range). */
  onSelect: (id: string, range: boolean) => void;
  onNotSpam?: ((id: string) => void) | undefined;
}

interface ConversationRowProps extends RowHandlers {
  conversation: Conversation;
  assignee: User | undefined;
  meId: string | null;
  search: string;
  isOpen: boolean;
  isCursor: boolean;
  isSelected: boolean;
  isFresh: boolean;
  notSpamPending?: boolean;
  top: number;
}

export const ConversationRow = memo(function ConversationRow(props: ConversationRowProps) {
  const { conversation: c, assignee, search, isOpen, isCursor, isSelected, onSelect } = props;
  useSeenVersion();
  const unread = isUnread(c);
  const handle = c.contact.handle ? `@${c.contact.handle.replace(/^@/, "")}` : null;
  const name = c.contact.display_name;
  // Social posts often take their subject from the first message: don't print it twice.
  const subject = c.subject && !c.preview.startsWith(c.subject.slice(0, 24)) ? c.subject : "";

  const onClick = (event: MouseEvent) => {
    // Shift-click selects a range instead of opening; ctrl/cmd-click keeps the browser's new tab.
    if (event.shiftKey) {
      event.preventDefault();
      onSelect(c.id, true);
    }
  };

  return (
    <li
      className={classes.row}
      style={{ transform: `translateY(${props.top}px)`, height: ROW_HEIGHT }}
      aria-current={isOpen ? "true" : undefined}
      data-cursor={isCursor || undefined}
      data-selected={isSelected || undefined}
      data-unread={unread || undefined}
      data-fresh={props.isFresh || undefined}
    >
      <div className={classes.lead}>
        <span className={classes.channel}>
          <ChannelIcon channel={c.channel} size={22} />
        </span>
        <Checkbox
          className={classes.check}
          size="xs"
          radius="sm"
          checked={isSelected}
          tabIndex={-1}
          aria-label={`Select conversation with ${name}`}
          onChange={() => undefined}
          onClick={(event) => onSelect(c.id, event.shiftKey)}
        />
      </div>
      <Link
        to={{ pathname: `/inbox/${c.id}`, search }}
        className={classes.rowLink}
        data-conversation-id={c.id}
        onFocus={() => props.onFocusRow(c.id)}
        onClick={onClick}
      >
        {/* The accessible name is the row's own text (name, handle, time, preview), plus "unread". */}
        {unread ? <VisuallyHidden>Unread: </VisuallyHidden> : null}
        <div className={classes.line}>
          <Text span size="sm" className={classes.name} truncate>
            {name}
          </Text>
          {handle ? (
            <Text span size="xs" c="dimmed" truncate className={classes.handle}>
              {handle}
            </Text>
          ) : null}
          <span className={classes.spacer} />
          <RowPresence conversationId={c.id} meId={props.meId} />
          <RelativeTime iso={c.last_message_at} />
        </div>
        <Text size="sm" className={classes.preview}>
          {subject ? <span className={classes.subject}>{subject} · </span> : null}
          {c.preview}
        </Text>
      </Link>
      <div className={classes.meta}>
        <PriorityBadge
          priority={c.priority}
          reasons={c.priority_reasons}
          score={c.priority_score}
          size="xs"
        />
        <VisibilityBadges hasPublic={c.has_public} hasPrivate={c.has_private} compact />
        <SentimentDot sentiment={c.sentiment} />
        {c.tags.slice(0, 2).map((tag) => (
          <span key={tag} className={classes.tag}>
            #{tag}
          </span>
        ))}
        <span className={classes.spacer} />
        {props.onNotSpam ? (
          <Button
            size="compact-xs"
            variant="default"
            loading={props.notSpamPending}
            onClick={() => props.onNotSpam?.(c.id)}
            aria-label={`Not spam: ${name}`}
          >
            Not spam
          </Button>
        ) : null}
        <ConversationSla conversation={c} />
        {assignee ? (
          <UserAvatar
            name={assignee.name}
            size={18}
            withTooltip
            aria-label={`Assigned to ${assignee.name}`}
          />
        ) : null}
      </div>
    </li>
  );
});
