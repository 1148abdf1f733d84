import { Badge, Group, Text, Tooltip, VisuallyHidden } from "@mantine/core";
import type { DeliveryStatus, Message, MessageKind } from "@parley/contracts";
import {
  IconAlertTriangle,
  IconArrowBackUp,
  IconCheck,
  IconClock,
  IconHourglass,
  IconShieldLock,
} from "@tabler/icons-react";
import type { ReactNode } from "react";
import { SentimentDot } from "../../../ui/SentimentDot";
import { formatFull, formatTime } from "../../../ui/time";
import { UserAvatar } from "../../../ui/UserAvatar";
import { VisibilityBadge } from "../../../ui/VisibilityBadges";
import { describeSensitive, detectSensitive } from "../composer/sensitive";
import { ApprovalActions } from "./ApprovalActions";
import classes from "./conversation.module.css";
import { SpamAction } from "./SpamAction";

const KIND_LABELS: Record<MessageKind, string> = {
  post: "Public post",
  reply: "Reply",
  comment: "Comment",
  dm: "Direct message",
  email: "Email",
  chat: "Chat",
  review: "Review",
  article: "Article",
};

const DELIVERY: Partial<Record<DeliveryStatus, { label: string; color: string; icon: ReactNode }>> = {
  draft: { label: "Draft", color: "gray.7", icon: null },
  awaiting_approval: {
    label: "Awaiting approval",
    color: "gray.8",
    icon: <IconHourglass size={12} aria-hidden />,
  },
  queued: { label: "Queued", color: "gray.7", icon: <IconClock size={12} aria-hidden /> },
  sending: { label: "Sending…", color: "gray.7", icon: <IconClock size={12} aria-hidden /> },
  sent: { label: "Sent", color: "teal.9", icon: <IconCheck size={12} aria-hidden /> },
  failed: { label: "Failed to send", color: "red.9", icon: <IconAlertTriangle size={12} aria-hidden /> },
  rejected: {
    label: "Rejected by approver",
    color: "red.9",
    icon: <IconAlertTriangle size={12} aria-hidden />,
  },
};

function Delivery({ message: m }: { message: Message }) {
  const d = DELIVERY[m.delivery_status];
  if (!d) return null;
  const why =
    m.delivery_status === "failed"
      ? m.delivery_error
      : m.delivery_status === "awaiting_approval"
        ? m.approval_reason
        : m.delivery_status === "rejected"
          ? m.review_comment
          : null;
  return (
    <Group gap={8} wrap="nowrap" justify="flex-end">
      <Text
        size="xs"
        c={d.color}
        className={classes.delivery}
        role={m.delivery_status === "failed" ? "alert" : undefined}
      >
        {d.icon}
        {d.label}
        {why ? `: ${why}` : ""}
      </Text>
      <ApprovalActions message={m} />
    </Group>
  );
}

/** What the message answers: the customer's post or comment it replies to, quoted. */
function ReplyContext({ message: m, parent }: { message: Message; parent: Message | undefined }) {
  if (!m.reply_to_external_id || !parent) return null;
  return (
    <div className={classes.replyContext}>
      <IconArrowBackUp size={12} aria-hidden />
      <Text size="xs" c="dimmed" truncate>
        In reply to {parent.author.name}: “{parent.text}”
      </Text>
    </div>
  );
}

function SensitiveMarker({ text }: { text: string }) {
  const kinds = detectSensitive(text);
  if (kinds.length === 0) return null;
  const label = `Contains ${describeSensitive(kinds)}`;
  return (
    <Tooltip label={`${label}: keep it out of public replies`}>
      <Badge size="xs" color="orange" variant="light" leftSection={<IconShieldLock size={10} aria-hidden />}>
        <span aria-hidden>Personal data</span>
        <VisuallyHidden>{label}</VisuallyHidden>
      </Badge>
    </Tooltip>
  );
}

export function MessageItem({ message: m, parent }: { message: Message; parent?: Message | undefined }) {
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
      data-visibility={m.visibility}
      data-delivery={m.delivery_status}
      aria-label={`${m.author.name}, ${KIND_LABELS[m.kind]}, ${formatFull(m.sent_at)}`}
    >
      <UserAvatar name={m.author.name} size={26} className={classes.messageAvatar} />
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
          <Text size="xs" c="dimmed" style={{ whiteSpace: "nowrap" }}>
            · {KIND_LABELS[m.kind]}
          </Text>
          <VisibilityBadge visibility={m.visibility} compact />
          {m.direction === "inbound" ? <SentimentDot sentiment={m.sentiment} /> : null}
          <SensitiveMarker text={m.text} />
          <Tooltip label={formatFull(m.sent_at)}>
            <Text component="time" dateTime={m.sent_at} size="xs" c="dimmed" style={{ whiteSpace: "nowrap" }}>
              {formatTime(m.sent_at)}
            </Text>
          </Tooltip>
          {m.direction === "inbound" ? <SpamAction message={m} /> : null}
        </Group>
        <ReplyContext message={m} parent={parent} />
        <div className={classes.bubble}>{m.text}</div>
        {outbound ? <Delivery message={m} /> : null}
      </div>
    </article>
  );
}
