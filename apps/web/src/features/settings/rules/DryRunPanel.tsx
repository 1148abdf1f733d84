import { Alert, Anchor, Badge, Button, Group, Paper, Select, Stack, Table, Text } from "@mantine/core";
import { IconAlertCircle, IconPlayerPlay } from "@tabler/icons-react";
import { useState } from "react";
import { Link } from "react-router";
import { ApiError, errorMessage } from "../../../app/api";
import { ChannelIcon } from "../../../ui/channels";
import { RelativeTime } from "../../../ui/RelativeTime";
import { describeAction, type Names } from "./action-catalog";
import { type DryRunResult, useDryRun } from "./queries";
import type { RuleDocument } from "./rule-form";

interface DryRunPanelProps {
  /** The draft as it stands, or null when it cannot be read (bad JSON). */
  draft: RuleDocument | null;
  names: Names;
  /** Field errors of a refused draft go to the editor, which shows them on their controls. */
  onIssues: (error: ApiError | null) => void;
}

/** Runs the draft over stored traffic (POST /rules/dry-run) and lists what it would have done. */
export function DryRunPanel({ draft, names, onIssues }: DryRunPanelProps) {
  const [days, setDays] = useState("7");
  const run = useDryRun();
  const start = () => {
    if (!draft) return;
    run.mutate(
      { rule: { ...draft, name: draft.name || "draft" }, days: Number(days) },
      {
        onSuccess: () => onIssues(null),
        onError: (e) => onIssues(e instanceof ApiError && e.errors.length > 0 ? e : null),
      },
    );
  };
  return (
    <Stack gap="xs">
      <Group gap="xs">
        <Select
          size="xs"
          aria-label="Dry run period"
          data={[
            { value: "1", label: "Last 24 hours" },
            { value: "7", label: "Last 7 days" },
            { value: "30", label: "Last 30 days" },
            { value: "90", label: "Last 90 days" },
          ]}
          value={days}
          onChange={(v) => v && setDays(v)}
          allowDeselect={false}
          w={150}
        />
        <Button
          size="xs"
          variant="light"
          leftSection={<IconPlayerPlay size={14} aria-hidden />}
          onClick={start}
          loading={run.isPending}
          disabled={!draft}
        >
          Dry run
        </Button>
        <Text size="xs" c="dimmed">
          Runs this draft over stored messages; nothing changes.
        </Text>
      </Group>
      {run.isError ? (
        <Alert color="red" variant="light" icon={<IconAlertCircle size={16} />} p="xs">
          {errorMessage(run.error)}
        </Alert>
      ) : null}
      {run.data ? <DryRunResults result={run.data} names={names} /> : null}
    </Stack>
  );
}

function DryRunResults({ result, names }: { result: DryRunResult; names: Names }) {
  return (
    <Stack gap={6}>
      <Group gap="xs" role="status">
        <Badge variant="light" color={result.conversations_matched ? "accent" : "gray"}>
          {result.conversations_matched} conversations
        </Badge>
        <Text size="xs" c="dimmed">
          {result.messages_matched} of {result.messages_scanned} messages matched in the last {result.days}{" "}
          days
          {result.truncated ? " (the newest 20,000 were read)" : ""}.
        </Text>
      </Group>
      {result.matches.length > 0 ? (
        <Paper withBorder radius="sm" style={{ overflow: "hidden", borderColor: "var(--parley-border)" }}>
          <Table fz="xs" verticalSpacing={4} aria-label="Dry run matches">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={110}>When</Table.Th>
                <Table.Th>Message</Table.Th>
                <Table.Th w={260}>Would do</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {result.matches.map((m) => (
                <Table.Tr key={m.message_id}>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <ChannelIcon channel={m.channel as never} size={13} />
                      <RelativeTime iso={m.sent_at} size="xs" />
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Anchor
                      component={Link}
                      to={`/inbox/${m.conversation_id}`}
                      size="xs"
                      lineClamp={2}
                      c="inherit"
                    >
                      {m.text}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {m.actions.map((a) => (
                        <Badge key={JSON.stringify(a)} size="xs" variant="default" tt="none">
                          {describeAction(a, names)}
                        </Badge>
                      ))}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      ) : null}
    </Stack>
  );
}
