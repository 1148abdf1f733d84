import { Alert, Badge, Button, Center, Drawer, Group, Skeleton, Stack, Text } from "@mantine/core";
import type { Channel, ConversationFactsRow, ConversationStatus, ReportMetric } from "@parley/contracts";
import { IconAlertCircle, IconArrowRight, IconInbox } from "@tabler/icons-react";
import { Link } from "react-router";
import { errorMessage, type QueryValue } from "../../app/api";
import { CHANNEL_META, ChannelIcon } from "../../ui/channels";
import { EmptyState } from "../../ui/EmptyState";
import { StatusBadge } from "../../ui/StatusBadge";
import { categoryLabel, dispositionLabel } from "./chart-options";
import { formatInZone } from "./filters";
import { formatCount, formatSeconds } from "./format";
import { useReportConversations } from "./queries";
import classes from "./reports.module.css";
import { METRIC_LABELS } from "./tiles";

interface DrillDownDrawerProps {
  metric: ReportMetric | null;
  query: Record<string, QueryValue>;
  periodLabel: string;
  /** How many the figure counts, when the summary says. */
  total: number | null;
  timeZone: string;
  nameOfUser: (id: string) => string;
  onClose: () => void;
}

const SLA_COLORS = { met: "teal", breached: "red", pending: "yellow" } as const;

function SlaBadge({ label, state }: { label: string; state: ConversationFactsRow["sla_first_response"] }) {
  if (state === "none") return null;
  return (
    <Badge size="xs" variant="light" color={SLA_COLORS[state]}>
      {label} {state === "pending" ? "due" : state}
    </Badge>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <span className={classes.fact}>
      <span className={classes.factLabel}>{label}</span> {value}
    </span>
  );
}

function ConversationRow({
  row,
  timeZone,
  nameOfUser,
}: {
  row: ConversationFactsRow;
  timeZone: string;
  nameOfUser: (id: string) => string;
}) {
  const channel = row.channel as Channel;
  const sentiment =
    row.sentiment_start && row.sentiment_end && row.sentiment_start !== row.sentiment_end
      ? `${row.sentiment_start} → ${row.sentiment_end}`
      : row.sentiment_start;
  return (
    <Link to={`/inbox/${row.conversation_id}`} className={classes.drillRow}>
      <Group justify="space-between" wrap="nowrap" gap="sm">
        <Group gap="xs" wrap="nowrap" miw={0}>
          {CHANNEL_META[channel] ? <ChannelIcon channel={channel} size={20} withTooltip={false} /> : null}
          <Text size="sm" fw={600} truncate>
            {formatInZone(row.started_at, timeZone, "ddd D MMM YYYY, HH:mm")}
          </Text>
          {row.category ? (
            <Badge size="xs" variant="outline" color="gray">
              {categoryLabel(row.category)}
            </Badge>
          ) : null}
        </Group>
        <StatusBadge status={row.status as ConversationStatus} />
      </Group>
      <div className={classes.facts}>
        <Fact label="FRT" value={formatSeconds(row.first_response_s)} />
        <Fact
          label="Resolution"
          value={row.resolution_s === null ? "open" : formatSeconds(row.resolution_s)}
        />
        <Fact
          label="Messages"
          value={`${formatCount(row.inbound_messages)} in · ${formatCount(row.responses)} out`}
        />
        {row.handling_s > 0 ? <Fact label="Handling" value={formatSeconds(row.handling_s)} /> : null}
        <Fact label="Assignee" value={row.assignee_id ? nameOfUser(row.assignee_id) : "nobody"} />
        {sentiment ? <Fact label="Sentiment" value={sentiment} /> : null}
      </div>
      <Group gap={6} mt={6} wrap="wrap">
        <SlaBadge label="First response" state={row.sla_first_response} />
        <SlaBadge label="Resolution" state={row.sla_resolution} />
        {row.first_contact_resolution ? (
          <Badge size="xs" variant="light" color="teal">
            First contact resolution
          </Badge>
        ) : null}
        {row.reopened > 0 ? (
          <Badge size="xs" variant="light" color="orange">
            Reopened {row.reopened > 1 ? `${row.reopened}×` : ""}
          </Badge>
        ) : null}
        {row.escalated ? (
          <Badge size="xs" variant="light" color="grape">
            Escalated
          </Badge>
        ) : null}
        <Badge size="xs" variant="default">
          {dispositionLabel(row.disposition)}
        </Badge>
      </Group>
      <IconArrowRight size={14} className={classes.drillArrow} aria-hidden />
    </Link>
  );
}

/** The conversations behind a figure, with the page's filters; each row opens the conversation. */
export function DrillDownDrawer({
  metric,
  query,
  periodLabel,
  total,
  timeZone,
  nameOfUser,
  onClose,
}: DrillDownDrawerProps) {
  const list = useReportConversations(query, metric);
  const items = list.data?.items ?? [];
  return (
    <Drawer
      opened={metric !== null}
      onClose={onClose}
      position="right"
      size={560}
      title={
        <div>
          <Text fw={650} size="md">
            {metric ? METRIC_LABELS[metric] : ""}
          </Text>
          <Text size="xs" c="dimmed">
            {periodLabel}
            {total !== null
              ? ` · ${formatCount(total)} conversations`
              : list.data
                ? ` · ${formatCount(items.length)}${list.hasNextPage ? "+" : ""} conversations`
                : ""}
          </Text>
        </div>
      }
      closeButtonProps={{ "aria-label": "Close" }}
      overlayProps={{ backgroundOpacity: 0.25 }}
      classNames={{ body: classes.drawerBody }}
    >
      {list.isPending ? (
        <Stack gap="xs" p="md" aria-label="Loading conversations" role="status">
          {Array.from({ length: 6 }, (_, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity
            <Skeleton key={i} h={84} radius="md" />
          ))}
        </Stack>
      ) : list.error ? (
        <Alert m="md" color="red" variant="light" icon={<IconAlertCircle size={16} />} title="Could not load">
          {errorMessage(list.error)}
        </Alert>
      ) : items.length === 0 ? (
        <EmptyState
          compact
          icon={<IconInbox size={20} stroke={1.6} />}
          title="No conversations"
          description="None of the period's conversations counts towards this figure."
        />
      ) : (
        <div>
          {total !== null && list.hasNextPage ? (
            <Text size="xs" c="dimmed" px="md" pt="xs">
              Showing {formatCount(items.length)} of {formatCount(total)}
            </Text>
          ) : null}
          {items.map((row) => (
            <ConversationRow
              key={row.conversation_id}
              row={row}
              timeZone={timeZone}
              nameOfUser={nameOfUser}
            />
          ))}
          {list.hasNextPage ? (
            <Center py="md">
              <Button
                variant="light"
                size="xs"
                loading={list.isFetchingNextPage}
                onClick={() => void list.fetchNextPage()}
              >
                Load more
              </Button>
            </Center>
          ) : null}
        </div>
      )}
    </Drawer>
  );
}
