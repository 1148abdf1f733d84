import { Group, Text, Tooltip } from "@mantine/core";
import type { DeliveryStatus, Message, MessageKind } from "@parley/contracts";
import { IconAlertTriangle } from "@tabler/icons-react";
import { SentimentDot } from "../../../ui/SentimentDot";
import { formatFull, formatTime } from "../../../ui/time";
import { UserAvatar } from "../../../ui/UserAvatar";
import { VisibilityBadge } from "../../../ui/VisibilityBadges";
import classes from "./conversation.module.css";
import { SpamAction } from "./SpamAction";

const KIND_LABELS: Record<MessageKind, string> = {
  post: "Post",
  reply: "Reply",
  comment: "Comment",
  dm: "Direct message",
  email: "Email",
  chat: "Chat",
  review: "Review",
  article: "Article",
};

const DELIVERY_LABELS: Partial<Record<DeliveryStatus, string>> = {
  draft: "Draft",
  awaiting_approval: "Awaiting approval",
  queued: "Queued",
  sending: "Sending…",
  failed: "Failed to send",
  rejected: "Rejected by approver",
};

function Delivery({ message }: { message: Message }) {
  const label = DELIVERY_LABELS[message.delivery_status];
  if (!label) return null;
  const problem = message.delivery_status === "failed" || message.delivery_status === "rejected";
  return (
    <Text size="xs" c={problem ? "red.7" : "dimmed"} className={classes.delivery}>
      {problem ? <IconAlertTriangle size={12} aria-hidden /> : null}
      {label}
      {message.delivery_error ? `: ${message.delivery_error}` : ""}
    </Text>
  );
}

export function MessageItem({ message: m }: { message: Message }) {
  if (m.author.type === "system") {
    return (
      <Text size="xs" c="dimmed" ta="center" className={classes.systemNote}>
        {m.text} · {formatTime(m.sent_at)}
      </Text>
    );
  }
  const outbound = m.direction === "outbound";
  const handle = m.author.handle ? `@${m.author.handle.replace(/^@/, "")}` : null;
  return (
    <article
      className={classes.message}
      data-direction={m.direction}
      aria-label={`${m.author.name}, ${formatFull(m.sent_at)}`}
    >
      {outbound ? null : <UserAvatar name={m.author.name} size={28} className={classes.messageAvatar} />}
      <div className={classes.messageBody}>
        <Group gap={6} wrap="nowrap" className={classes.messageMeta}>
          <Text size="xs" fw={650} c="gray.8" truncate>
            {m.author.name}
          </Text>
          {handle ? (
            <Text size="xs" c="dimmed" truncate>
              {handle}
            </Text>
          ) : null}
          <Text size="xs" c="dimmed">
            · {KIND_LABELS[m.kind]}
          </Text>
          <VisibilityBadge visibility={m.visibility} />
          {m.direction === "inbound" ? <SentimentDot sentiment={m.sentiment} /> : null}
          <Tooltip label={formatFull(m.sent_at)}>
            <Text component="time" dateTime={m.sent_at} size="xs" c="dimmed">
              {formatTime(m.sent_at)}
            </Text>
          </Tooltip>
          {m.direction === "inbound" ? <SpamAction message={m} /> : null}
        </Group>
        <div className={classes.bubble}>{m.text}</div>
        {outbound ? <Delivery message={m} /> : null}
      </div>
    </article>
  );
}
