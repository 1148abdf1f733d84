import { Group, Paper, Table, Text, Tooltip } from "@mantine/core";
import type { SupervisorQueue } from "@parley/contracts";
import { IconInbox } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { CHANNEL_META, ChannelIcon } from "../../ui/channels";
import { EmptyState } from "../../ui/EmptyState";
import { formatWait, waitTone } from "./format";
import classes from "./supervisor.module.css";

interface Row {
  key: string;
  label: ReactNode;
  name: string;
  in_queue: number;
  in_progress: number;
  urgent: number;
  high: number;
  oldest_wait_s: number | null;
}

const teamRows = (queue: SupervisorQueue): Row[] =>
  queue.by_team.map((t) => ({ ...t, key: t.team_id ?? "none", label: t.name }));

const channelRows = (queue: SupervisorQueue): Row[] =>
  queue.by_channel.map((c) => ({
    ...c,
    key: c.channel,
    name: CHANNEL_META[c.channel].label,
    label: (
      <Group gap={8} wrap="nowrap">
        <ChannelIcon channel={c.channel} size={18} decorative />
        {CHANNEL_META[c.channel].label}
      </Group>
    ),
  }));

function Figures({ row, strong = false }: { row: Omit<Row, "key" | "label" | "name">; strong?: boolean }) {
  return (
    <>
      <Table.Td className={classes.num}>
        <Text size="sm" fw={strong || row.in_queue > 0 ? 650 : 400}>
          {row.in_queue}
        </Text>
      </Table.Td>
      <Table.Td className={classes.num}>
        <Text size="sm" fw={strong ? 650 : 400}>
          {row.in_progress}
        </Text>
      </Table.Td>
      <Table.Td className={classes.num}>
        <Text
          size="sm"
          fw={strong ? 650 : 400}
          className={classes.toneText}
          data-tone={row.urgent > 0 ? "bad" : row.high > 0 ? "ok" : "neutral"}
        >
          {row.urgent} · {row.high}
        </Text>
      </Table.Td>
      <Table.Td className={classes.num}>
        <Text
          size="sm"
          fw={strong ? 650 : 550}
          className={classes.toneText}
          data-tone={waitTone(row.oldest_wait_s)}
        >
          {formatWait(row.oldest_wait_s)}
        </Text>
      </Table.Td>
    </>
  );
}

function Section({ title, rows, widest }: { title: string; rows: Row[]; widest: number }) {
  return (
    <>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{title}</Table.Th>
          <Table.Th w="36%">Load</Table.Th>
          <Table.Th className={classes.num}>In queue</Table.Th>
          <Table.Th className={classes.num}>In progress</Table.Th>
          <Table.Th className={classes.num}>Urgent · high</Table.Th>
          <Table.Th className={classes.num}>Oldest wait</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r) => (
          <Table.Tr key={r.key}>
            <Table.Td>
              <Text size="sm" fw={550} component="div">
                {r.label}
              </Text>
            </Table.Td>
            <Table.Td>
              <Tooltip label={`${r.name}: ${r.in_queue} in queue, ${r.in_progress} in progress`}>
                <div
                  className={classes.bar}
                  style={{ width: `${Math.max(6, ((r.in_queue + r.in_progress) / widest) * 100)}%` }}
                  role="img"
                  aria-label={`${r.in_queue} in queue, ${r.in_progress} in progress`}
                >
                  <span className={classes.barQueue} style={{ flex: r.in_queue }} />
                  <span className={classes.barProgress} style={{ flex: r.in_progress }} />
                </div>
              </Tooltip>
            </Table.Td>
            <Figures row={r} />
          </Table.Tr>
        ))}
      </Table.Tbody>
    </>
  );
}

/** Active conversations by team and by channel: in queue against in progress, with the longest wait. */
export function QueueCard({ queue }: { queue: SupervisorQueue }) {
  const teams = teamRows(queue);
  const channels = channelRows(queue);
  const widest = Math.max(1, ...[...teams, ...channels].map((r) => r.in_queue + r.in_progress));
  return (
    <Paper withBorder className={classes.card}>
      <div className={classes.cardHeader}>
        <Text component="h2" className={classes.sectionTitle}>
          Queues
        </Text>
        <Group gap={12} aria-hidden>
          <Group gap={5}>
            <span className={`${classes.legendSwatch} ${classes.barQueue}`} />
            <Text size="xs" c="dimmed">
              In queue (unassigned)
            </Text>
          </Group>
          <Group gap={5}>
            <span className={`${classes.legendSwatch} ${classes.barProgress}`} />
            <Text size="xs" c="dimmed">
              In progress
            </Text>
          </Group>
        </Group>
      </div>
      {teams.length === 0 ? (
        <EmptyState
          compact
          icon={<IconInbox size={20} stroke={1.6} />}
          title="Every queue is empty"
          description="No conversation is open right now. New ones appear here as they arrive."
        />
      ) : (
        <Table
          className={classes.queueTable}
          verticalSpacing={6}
          horizontalSpacing="md"
          highlightOnHover
          borderColor="var(--parley-border)"
          highlightOnHoverColor="light-dark(var(--mantine-color-gray-0), var(--mantine-color-dark-6))"
        >
          <Section title="Team" rows={teams} widest={widest} />
          <Section title="Channel" rows={channels} widest={widest} />
          <Table.Tfoot>
            <Table.Tr className={classes.totalRow}>
              <Table.Td colSpan={2}>
                <Text size="sm" fw={650}>
                  All active conversations
                </Text>
              </Table.Td>
              <Figures row={queue} strong />
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      )}
    </Paper>
  );
}
