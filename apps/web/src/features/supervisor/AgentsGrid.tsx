import { Badge, Group, Paper, Progress, SimpleGrid, Stack, Text, Tooltip } from "@mantine/core";
import type { Priority, SupervisorAgent } from "@parley/contracts";
import { IconEye, IconSearch, IconTag, IconUsers } from "@tabler/icons-react";
import { Link } from "react-router";
import { roleLabel } from "../../app/roles";
import { EmptyState } from "../../ui/EmptyState";
import { formatAgo, formatFull, useNow } from "../../ui/time";
import { UserAvatar } from "../../ui/UserAvatar";
import { ACTIVITY_LABEL, AVAILABILITY, loadPercent, loadTone } from "./format";
import classes from "./supervisor.module.css";

const PRIORITY_COLOR: Record<Priority, string> = {
  urgent: "var(--mantine-color-red-6)",
  high: "var(--mantine-color-orange-5)",
  normal: "var(--mantine-color-gray-4)",
  low: "var(--mantine-color-gray-3)",
};

const LOAD_COLOR = { ok: "teal", warn: "orange", bad: "red", neutral: "gray" } as const;

function TypingDots() {
  return (
    <span className={classes.typingDots} aria-hidden>
      <span />
      <span />
      <span />
    </span>
  );
}

function PresenceLine({ agent }: { agent: SupervisorAgent }) {
  const now = useNow();
  const p = agent.presence[0];
  if (!p) {
    const idle =
      agent.availability === "offline"
        ? "Not at the desk"
        : agent.load > 0
          ? "Not in a conversation right now"
          : "Idle: no conversation open";
    return (
      <div className={classes.presence} data-idle>
        {idle}
      </div>
    );
  }
  const Icon = p.activity === "tagging" ? IconTag : p.activity === "lookup" ? IconSearch : IconEye;
  const others = agent.presence.length - 1;
  return (
    <Tooltip
      label={`${ACTIVITY_LABEL[p.activity]} “${p.subject}” since ${formatFull(p.since)}`}
      multiline
      w={260}
    >
      <Link to={`/inbox/${p.conversation_id}`} className={classes.presence}>
        {p.activity === "typing" ? <TypingDots /> : <Icon size={13} stroke={1.8} aria-hidden />}
        <Text span size="xs" fw={600} style={{ flex: "none" }}>
          {ACTIVITY_LABEL[p.activity]}
        </Text>
        <Text span size="xs" truncate style={{ flex: 1, minWidth: 0 }}>
          {p.subject || "a conversation"}
        </Text>
        <Text span size="xs" c="dimmed" style={{ flex: "none" }}>
          {others > 0 ? `+${others} · ` : ""}
          {formatAgo(p.since, now)}
        </Text>
      </Link>
    </Tooltip>
  );
}

function AgentCard({ agent }: { agent: SupervisorAgent }) {
  const now = useNow();
  const status = AVAILABILITY[agent.availability];
  const tone = loadTone(agent.load, agent.capacity);
  const offline = agent.availability === "offline";
  return (
    <Paper
      withBorder
      className={classes.agent}
      data-offline={offline || undefined}
      component="article"
      aria-label={`${agent.name}, ${status.label}, ${agent.load} of ${agent.capacity} conversations`}
    >
      <Group gap={10} wrap="nowrap" align="flex-start">
        <span className={classes.avatarWrap}>
          <UserAvatar name={agent.name} size={36} />
          <span className={classes.statusDot} style={{ background: status.color }} aria-hidden />
        </span>
        <div style={{ minWidth: 0, flex: 1 }}>
          <Group gap={6} wrap="nowrap" justify="space-between">
            <Text size="sm" className={classes.agentName} truncate>
              {agent.name}
            </Text>
            <Badge size="xs" variant="light" color="gray" style={{ flex: "none" }}>
              {roleLabel(agent.role)}
            </Badge>
          </Group>
          <Text size="xs" c="dimmed" truncate>
            {status.label}
            {agent.availability_since ? ` · ${formatAgo(agent.availability_since, now)}` : ""}
          </Text>
        </div>
      </Group>

      <div>
        <Group justify="space-between" mb={4}>
          <Text size="xs" c="dimmed" fw={550}>
            Load
          </Text>
          <Text size="xs" fw={650} className={`${classes.loadValue} ${classes.toneText}`} data-tone={tone}>
            {agent.load} / {agent.capacity}
          </Text>
        </Group>
        <Progress
          value={loadPercent(agent.load, agent.capacity)}
          color={LOAD_COLOR[tone]}
          size="sm"
          radius="xl"
          aria-label={`Load: ${agent.load} of ${agent.capacity}`}
        />
      </div>

      <PresenceLine agent={agent} />

      <Stack gap={4} mih={52}>
        {agent.conversations.length === 0 ? (
          <Text size="xs" c="dimmed">
            No active conversations assigned.
          </Text>
        ) : (
          agent.conversations.map((c) => (
            <Link key={c.id} to={`/inbox/${c.id}`} className={classes.convLine}>
              <span
                className={classes.priorityDot}
                style={{ background: PRIORITY_COLOR[c.priority] }}
                aria-hidden
              />
              <span className={classes.convSubject}>{c.subject || "(no subject)"}</span>
              {c.sla_state === "breached" ? (
                <Badge size="xs" color="red" variant="light" style={{ flex: "none" }}>
                  Late
                </Badge>
              ) : null}
            </Link>
          ))
        )}
      </Stack>

      <div className={classes.agentFooter}>
        <Text size="xs" c="dimmed">
          Replies today
        </Text>
        <Group gap={6}>
          {agent.last_reply_at ? (
            <Text size="xs" c="dimmed">
              last {formatAgo(agent.last_reply_at, now)}
            </Text>
          ) : null}
          <Text size="sm" fw={650}>
            {agent.replies_today}
          </Text>
        </Group>
      </div>
    </Paper>
  );
}

/** Everyone who can take conversations: status, load against capacity, what they are on now. */
export function AgentsGrid({ agents }: { agents: SupervisorAgent[] }) {
  if (agents.length === 0)
    return (
      <Paper withBorder className={classes.card}>
        <EmptyState
          compact
          icon={<IconUsers size={20} stroke={1.6} />}
          title="No agents in this workspace yet"
          description="Add agents and leads in Settings → Users; they appear here with their load and status."
        />
      </Paper>
    );
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, md: 3, xl: 4 }} spacing="sm" verticalSpacing="sm">
      {agents.map((a) => (
        <AgentCard key={a.user_id} agent={a} />
      ))}
    </SimpleGrid>
  );
}
