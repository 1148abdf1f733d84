import { Badge, CloseButton, Group, Text, Title, Tooltip } from "@mantine/core";
import type { Conversation, User } from "@parley/contracts";
import type { ReactNode } from "react";
import { CHANNEL_META, ChannelIcon } from "../../../ui/channels";
import { SentimentDot } from "../../../ui/SentimentDot";
import { SlaCountdown } from "../../../ui/SlaCountdown";
import { StatusBadge } from "../../../ui/StatusBadge";
import { UserAvatar } from "../../../ui/UserAvatar";
import { VisibilityBadges } from "../../../ui/VisibilityBadges";
import classes from "./conversation.module.css";
import { PriorityReasons } from "./PriorityReasons";

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className={classes.field}>
      <span className={classes.fieldLabel}>{label}</span>
      <div className={classes.fieldValue}>{children}</div>
    </div>
  );
}

interface ConversationHeaderProps {
  conversation: Conversation;
  assignee: User | undefined;
  onClose: () => void;
}

export function ConversationHeader({ conversation: c, assignee, onClose }: ConversationHeaderProps) {
  const handle = c.contact.handle ? `@${c.contact.handle.replace(/^@/, "")}` : null;
  const due = c.first_response_at ? null : c.first_response_due_at;
  return (
    <header className={classes.header}>
      <Group justify="space-between" wrap="nowrap" align="flex-start" gap="sm">
        <Group gap="sm" wrap="nowrap" miw={0}>
          <ChannelIcon channel={c.channel} size={34} />
          <div style={{ minWidth: 0 }}>
            <Group gap={8} wrap="nowrap">
              <Title order={2} fz={16} lh={1.3} className={classes.title}>
                {c.contact.display_name}
              </Title>
              {c.contact.vip_tier ? (
                <Badge color="yellow" variant="light">
                  VIP {c.contact.vip_tier}
                </Badge>
              ) : null}
              {c.contact.is_troll ? (
                <Tooltip label="Flagged for abusive or trolling behaviour">
                  <Badge color="red" variant="outline">
                    Troll
                  </Badge>
                </Tooltip>
              ) : null}
            </Group>
            <Text size="xs" c="dimmed" truncate>
              {[handle, CHANNEL_META[c.channel].label, c.category, c.language?.toUpperCase()]
                .filter(Boolean)
                .join(" · ")}
            </Text>
          </div>
        </Group>
        <CloseButton aria-label="Close conversation" onClick={onClose} />
      </Group>
      {c.subject ? (
        <Text size="sm" fw={550} mt={10} className={classes.subject}>
          {c.subject}
        </Text>
      ) : null}
      <div className={classes.fields}>
        <Field label="Status">
          <StatusBadge status={c.status} />
        </Field>
        <Field label="Priority">
          <PriorityReasons conversation={c} />
        </Field>
        <Field label="Assignee">
          {assignee ? (
            <Group gap={6} wrap="nowrap">
              <UserAvatar name={assignee.name} size={18} />
              <Text size="sm">{assignee.name}</Text>
            </Group>
          ) : (
            <Text size="sm" c="dimmed">
              Unassigned
            </Text>
          )}
        </Field>
        <Field label="Visibility">
          <VisibilityBadges hasPublic={c.has_public} hasPrivate={c.has_private} />
        </Field>
        {c.sentiment ? (
          <Field label="Sentiment">
            <Group gap={6} wrap="nowrap">
              <SentimentDot sentiment={c.sentiment} />
              <Text size="sm" tt="capitalize">
                {c.sentiment}
              </Text>
            </Group>
          </Field>
        ) : null}
        {due ? (
          <Field label="First response">
            <SlaCountdown dueAt={due} />
          </Field>
        ) : null}
      </div>
    </header>
  );
}
