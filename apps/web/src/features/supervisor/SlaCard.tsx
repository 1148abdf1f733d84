import { Badge, Group, Paper, SegmentedControl, Text } from "@mantine/core";
import type { SupervisorSla, SupervisorSlaItem } from "@parley/contracts";
import { IconCircleCheck, IconShieldCheck } from "@tabler/icons-react";
import { useState } from "react";
import { Link } from "react-router";
import { ChannelIcon } from "../../ui/channels";
import { EmptyState } from "../../ui/EmptyState";
import { formatDuration, formatFull, useNow } from "../../ui/time";
import classes from "./supervisor.module.css";

const TARGET_LABEL: Record<SupervisorSlaItem["target"], string> = {
  first_response: "First response",
  next_response: "Next response",
  resolution: "Resolution",
};

const SOON_MS = 15 * 60_000;

function SlaRow({ item, now }: { item: SupervisorSlaItem; now: number }) {
  const left = Date.parse(item.due_at) - now;
  const tone = left < 0 ? "bad" : left < SOON_MS ? "warn" : "ok";
  const when = left < 0 ? `${formatDuration(left)} late` : `in ${formatDuration(left)}`;
  const who = item.assignee_name ?? "Unassigned";
  return (
    <li>
      <Link
        to={`/inbox/${item.conversation_id}`}
        className={classes.slaItem}
        aria-label={`${item.subject || item.preview}: ${TARGET_LABEL[item.target]} due ${when}, ${who}`}
      >
        <span className={classes.countdown} data-tone={tone} title={formatFull(item.due_at)}>
          {left < 0 ? "-" : ""}
          {formatDuration(left)}
        </span>
        <div style={{ minWidth: 0 }}>
          <Group gap={6} wrap="nowrap">
            <ChannelIcon channel={item.channel} size={16} withTooltip={false} decorative />
            <Text size="sm" fw={550} truncate>
              {item.subject || item.preview || "(no subject)"}
            </Text>
            {item.priority === "urgent" || item.priority === "high" ? (
              <Badge
                size="xs"
                color={item.priority === "urgent" ? "red" : "orange"}
                variant="light"
                style={{ flex: "none" }}
              >
                {item.priority}
              </Badge>
            ) : null}
          </Group>
          <Text size="xs" c="dimmed" truncate>
            {TARGET_LABEL[item.target]} · {item.team_name ?? "No team"} ·{" "}
            <Text
              span
              size="xs"
              className={classes.toneText}
              data-tone={item.assignee_name ? "ok" : "warn"}
              fw={item.assignee_name ? 400 : 550}
            >
              {who}
            </Text>
          </Text>
        </div>
      </Link>
    </li>
  );
}

type View = "coming" | "breached";

/** What is about to breach (soonest first) and what already has: each row opens the conversation. */
export function SlaCard({ sla }: { sla: SupervisorSla }) {
  const [view, setView] = useState<View>("coming");
  const now = useNow(1_000);
  const items = view === "coming" ? sla.coming : sla.breached;
  const more =
    view === "coming" ? sla.due_within_60m - sla.coming.length : sla.breached_now - sla.breached.length;
  return (
    <Paper withBorder className={`${classes.card} ${classes.slaCard}`}>
      <div className={classes.cardHeader}>
        <Text component="h2" className={classes.sectionTitle}>
          Breaches coming
        </Text>
        <SegmentedControl
          size="xs"
          value={view}
          onChange={(v) => setView(v as View)}
          data={[
            { value: "coming", label: `Next hour · ${sla.due_within_60m}` },
            { value: "breached", label: `Breached · ${sla.breached_now}` },
          ]}
          aria-label="Which conversations"
        />
      </div>
      {items.length === 0 ? (
        <EmptyState
          compact
          icon={
            view === "coming" ? (
              <IconShieldCheck size={20} stroke={1.6} />
            ) : (
              <IconCircleCheck size={20} stroke={1.6} />
            )
          }
          title={view === "coming" ? "Nothing falls due in the next hour" : "No active conversation is late"}
          description={
            view === "coming"
              ? "Conversations whose next SLA target is due within 60 minutes are listed here, soonest first."
              : "Conversations past an SLA target show here until they are answered or resolved."
          }
        />
      ) : (
        <div className={classes.scroll}>
          <ul
            className={classes.slaList}
            aria-label={view === "coming" ? "Due in the next hour" : "Breached now"}
          >
            {items.map((item) => (
              <SlaRow key={item.conversation_id} item={item} now={now} />
            ))}
          </ul>
          {more > 0 ? (
            <Text size="xs" c="dimmed" ta="center" py={8}>
              and {more} more
            </Text>
          ) : null}
        </div>
      )}
    </Paper>
  );
}
