import { Paper, SimpleGrid, Text, Tooltip } from "@mantine/core";
import type { SupervisorOverview } from "@parley/contracts";
import { IconInfoCircle } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { attainmentTone, formatShare, formatWait, type Tone, waitTone } from "./format";
import classes from "./supervisor.module.css";

interface Tile {
  id: string;
  label: string;
  value: string;
  tone: Tone;
  detail: ReactNode;
  definition: string;
}

function tilesOf({ queue, sla }: SupervisorOverview): Tile[] {
  const settled = sla.today.met + sla.today.breached;
  return [
    {
      id: "in-queue",
      label: "In queue",
      value: String(queue.in_queue),
      tone: queue.in_queue > 0 && queue.urgent > 0 ? "warn" : "neutral",
      detail: `${queue.urgent} urgent · ${queue.high} high`,
      definition:
        "Active conversations (new, open, pending, on hold, escalated) nobody is assigned to yet. Urgent and high count every active conversation.",
    },
    {
      id: "in-progress",
      label: "In progress",
      value: String(queue.in_progress),
      tone: "neutral",
      detail: `${queue.in_queue + queue.in_progress} active in all`,
      definition: "Active conversations assigned to an agent.",
    },
    {
      id: "oldest-wait",
      label: "Oldest wait",
      value: formatWait(queue.oldest_wait_s),
      tone: waitTone(queue.oldest_wait_s),
      detail:
        queue.oldest_wait_s === null ? "Nobody is waiting for a reply" : "Longest a customer has waited",
      definition:
        "Since the oldest customer message no reply has followed yet. Pending and on-hold conversations wait on the customer and are left out.",
    },
    {
      id: "sla-today",
      label: "SLA today",
      value: formatShare(sla.today.attainment),
      tone: attainmentTone(sla.today.attainment),
      detail: settled === 0 ? "No targets settled yet today" : `${sla.today.met} of ${settled} targets met`,
      definition:
        "First-response and resolution targets settled since local midnight: met when the reply or resolution came on time, breached when the due time passed unmet.",
    },
    {
      id: "breached",
      label: "Breached now",
      value: String(sla.breached_now),
      tone: sla.breached_now > 0 ? "bad" : "ok",
      detail: sla.breached_now > 0 ? "Active conversations past a target" : "No active conversation is late",
      definition: "Active conversations with an SLA target past due and still unmet.",
    },
    {
      id: "due-15",
      label: "Due in 15 min",
      value: String(sla.due_within_15m),
      tone: sla.due_within_15m > 0 ? "warn" : "ok",
      detail: `${sla.due_within_60m} within the hour`,
      definition:
        "Active conversations whose next SLA target falls due in the next 15 minutes (and the next hour).",
    },
  ];
}

/** The six headline figures of the desk right now. */
export function KpiStrip({ overview }: { overview: SupervisorOverview }) {
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} spacing="sm" verticalSpacing="sm">
      {tilesOf(overview).map((tile) => (
        <Paper
          key={tile.id}
          withBorder
          className={`${classes.tile} ${classes[`tone-${tile.tone}`]}`}
          role="group"
          aria-label={`${tile.label}: ${tile.value}`}
        >
          <Text component="span" size="xs" fw={600} c="dimmed" style={{ display: "flex", gap: 4 }}>
            {tile.label}
            <Tooltip label={tile.definition} multiline w={280} withArrow position="top-start">
              <IconInfoCircle size={13} stroke={1.7} aria-label={`How ${tile.label} is counted`} role="img" />
            </Tooltip>
          </Text>
          <Text component="span" className={classes.tileValue} data-tone={tile.tone}>
            {tile.value}
          </Text>
          <Text component="span" size="xs" c="dimmed" truncate>
            {tile.detail}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}
