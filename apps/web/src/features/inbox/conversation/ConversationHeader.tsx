import { Badge, CloseButton, Group, Text, Title, Tooltip } from "@mantine/core";
import type { Conversation } from "@parley/contracts";
import { IconShieldCheck } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { CHANNEL_META, ChannelIcon } from "../../../ui/channels";
import { SentimentDot } from "../../../ui/SentimentDot";
import { SlaCountdown } from "../../../ui/SlaCountdown";
import { StatusBadge } from "../../../ui/StatusBadge";
import { VisibilityBadges } from "../../../ui/VisibilityBadges";
import { ActivityZone } from "./ActivityZone";
import classes from "./conversation.module.css";
import { PresenceBar } from "./PresenceBar";
import { PriorityReasons } from "./PriorityReasons";
import { TagsEditor } from "./TagsEditor";

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
  teamName: string | undefined;
  actions: ReactNode;
  /** Small controls beside the close button (the customer panel toggle). */
  tools?: ReactNode;
  onClose: () => void;
}

export function ConversationHeader({
  conversation: c,
  teamName,
  actions,
  tools,
  onClose,
}: ConversationHeaderProps) {
  const handle = c.contact.handle ? `@${c.contact.handle.replace(/^@/, "")}` : null;
  const due = c.first_response_at ? c.next_response_due_at : c.first_response_due_at;
  return (
    <header className={classes.header}>
      <Group justify="space-between" wrap="nowrap" align="flex-start" gap="sm">
        <Group gap="sm" wrap="nowrap" miw={0}>
          <ChannelIcon channel={c.channel} size={32} />
          <div style={{ minWidth: 0 }}>
            <Group gap={8} wrap="nowrap">
              <Title order={2} fz={15.5} lh={1.3} className={classes.title}>
                {c.contact.display_name}
              </Title>
              {c.contact.vip_tier && c.contact.vip_tier !== "none" ? (
                <Badge color="yellow" variant="light" tt="capitalize">
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
              {c.approval_required ? (
                <Tooltip label={c.approval_reason ?? "Replies wait for an approver"}>
                  <Badge
                    color="yellow"
                    variant="outline"
                    leftSection={<IconShieldCheck size={11} aria-hidden />}
                  >
                    Approval required
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
        <Group gap="sm" wrap="nowrap">
          <PresenceBar conversationId={c.id} />
          {tools}
          <CloseButton aria-label="Close conversation" onClick={onClose} />
        </Group>
      </Group>
      {c.subject ? (
        <Text size="sm" fw={550} mt={8} className={classes.subject} lineClamp={2}>
          {c.subject}
        </Text>
      ) : null}
      <div className={classes.actions}>{actions}</div>
      <div className={classes.fields}>
        <Field label="Status">
          <StatusBadge status={c.status} />
        </Field>
        <Field label="Priority">
          <PriorityReasons conversation={c} />
        </Field>
        {teamName ? (
          <Field label="Team">
            <Text size="sm" truncate maw={160}>
              {teamName}
            </Text>
          </Field>
        ) : null}
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
        {due && c.status !== "resolved" && c.status !== "closed" ? (
          <Field label={c.first_response_at ? "Next response" : "First response"}>
            <SlaCountdown dueAt={due} label={c.first_response_at ? "Next response" : "First response"} />
          </Field>
        ) : null}
        <div className={classes.tagsField}>
          <span className={classes.fieldLabel}>Tags</span>
          <ActivityZone kind="tagging">
            <TagsEditor conversation={c} />
          </ActivityZone>
        </div>
      </div>
    </header>
  );
}
