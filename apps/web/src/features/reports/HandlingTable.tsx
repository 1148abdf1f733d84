import { Group, Paper, Progress, SegmentedControl, Table, Text } from "@mantine/core";
import type { ReportFigures } from "@parley/contracts";
import { useState } from "react";
import { formatCount, formatPercent, formatSeconds, shareOf } from "./format";
import classes from "./reports.module.css";

interface HandlingTableProps {
  handling: ReportFigures["handling"];
  nameOfUser: (id: string) => string;
  nameOfTeam: (id: string | null) => string;
}

interface Row {
  key: string;
  name: string;
  conversations: number;
  total_s: number;
  average_s: number | null;
}

/** AHT, THT and conversations per agent or per team, the most time first. */
export function HandlingTable({ handling, nameOfUser, nameOfTeam }: HandlingTableProps) {
  const [by, setBy] = useState<"agent" | "team">("agent");
  const rows: Row[] = (
    by === "agent"
      ? handling.by_agent.map((a) => ({ ...a, key: a.user_id, name: nameOfUser(a.user_id) }))
      : handling.by_team.map((t) => ({ ...t, key: t.team_id ?? "none", name: nameOfTeam(t.team_id) }))
  ).sort((a, b) => b.total_s - a.total_s);
  const label = by === "agent" ? "Agent" : "Team";

  return (
    <Paper withBorder className={classes.panel} component="section" aria-label="Handling time">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <div>
          <Text component="h3" className={classes.panelTitle}>
            Handling time
          </Text>
          <Text size="xs" c="dimmed" mt={2}>
            Active time with a conversation in front of the agent: reading, typing, tagging, looking up.
          </Text>
        </div>
        <SegmentedControl
          size="xs"
          value={by}
          onChange={(v) => setBy(v as "agent" | "team")}
          data={[
            { value: "agent", label: "By agent" },
            { value: "team", label: "By team" },
          ]}
          aria-label="Group handling time"
        />
      </Group>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed" ta="center" py="xl">
          No handling time in this period: it is recorded while agents work conversations in the desk.
        </Text>
      ) : (
        <Table mt="sm" aria-label={`Handling time by ${by}`} highlightOnHover className={classes.numbers}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{label}</Table.Th>
              <Table.Th ta="right">Conversations</Table.Th>
              <Table.Th ta="right">AHT</Table.Th>
              <Table.Th ta="right">THT</Table.Th>
              <Table.Th w="28%">Share of THT</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => {
              const share = shareOf(row.total_s, handling.total_s);
              return (
                <Table.Tr key={row.key}>
                  <Table.Td fw={550}>{row.name}</Table.Td>
                  <Table.Td ta="right">{formatCount(row.conversations)}</Table.Td>
                  <Table.Td ta="right">{formatSeconds(row.average_s)}</Table.Td>
                  <Table.Td ta="right">{formatSeconds(row.total_s)}</Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Progress value={(share ?? 0) * 100} size="sm" flex={1} aria-hidden />
                      <Text size="xs" c="dimmed" w={40} ta="right">
                        {formatPercent(share)}
                      </Text>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr>
              <Table.Th>All</Table.Th>
              <Table.Th ta="right">{formatCount(handling.conversations)}</Table.Th>
              <Table.Th ta="right">{formatSeconds(handling.average_s)}</Table.Th>
              <Table.Th ta="right">{formatSeconds(handling.total_s)}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      )}
    </Paper>
  );
}
