import { Badge, Button, Group, Table, Text, Tooltip } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import type { DeadLetter } from "@parley/contracts";
import { IconInboxOff, IconRefresh } from "@tabler/icons-react";
import { errorMessage } from "../../../app/api";
import { CHANNEL_META, ChannelIcon } from "../../../ui/channels";
import { EmptyState } from "../../../ui/EmptyState";
import { RelativeTime } from "../../../ui/RelativeTime";
import { SettingsSection } from "../SettingsSection";
import { TableState } from "../TableState";
import { useDeadLetters, useReplay } from "./queries";

const replayed = (n: number) =>
  notifications.show({
    color: "teal",
    message:
      n === 0 ? "Nothing left to replay" : `${n} event${n === 1 ? "" : "s"} handed to the pipeline again`,
  });
const failed = (error: unknown) =>
  notifications.show({ color: "red", title: "Could not replay", message: errorMessage(error) });

function DeadLetterRow({ letter: d }: { letter: DeadLetter }) {
  const replay = useReplay();
  return (
    <Table.Tr>
      <Table.Td>
        <RelativeTime iso={d.received_at} size="sm" />
      </Table.Td>
      <Table.Td>
        <Group gap={6} wrap="nowrap">
          <ChannelIcon channel={d.network} size={18} />
          <Text size="sm" c={d.channel_name ? undefined : "dimmed"} truncate>
            {d.channel_name ?? `Deleted ${CHANNEL_META[d.network].label} channel`}
          </Text>
        </Group>
      </Table.Td>
      <Table.Td>
        {d.failed_step ? (
          <Badge variant="light" color="red" size="sm" tt="none">
            {d.failed_step}
          </Badge>
        ) : null}
      </Table.Td>
      <Table.Td maw={320}>
        <Tooltip label={d.error ?? "No reason recorded"} multiline maw={420} openDelay={300}>
          <Text size="sm" lineClamp={2}>
            {d.error ?? "—"}
          </Text>
        </Tooltip>
      </Table.Td>
      <Table.Td ta="right">
        <Text size="sm">{d.attempts}</Text>
      </Table.Td>
      <Table.Td maw={300}>
        <Tooltip label={d.payload_preview} multiline maw={480} openDelay={300}>
          <Text ff="monospace" fz={11} c="dimmed" lineClamp={2} style={{ overflowWrap: "anywhere" }}>
            {d.payload_preview}
          </Text>
        </Tooltip>
      </Table.Td>
      <Table.Td ta="right">
        <Button
          size="compact-xs"
          variant="light"
          leftSection={<IconRefresh size={13} aria-hidden />}
          loading={replay.isPending}
          aria-label={`Replay the event received ${d.received_at}`}
          onClick={() => replay.mutate(d.id, { onSuccess: (r) => replayed(r.replayed), onError: failed })}
        >
          Replay
        </Button>
      </Table.Td>
    </Table.Tr>
  );
}

/** Inbound events the pipeline gave up on (SPEC R3); admins replay them once the cause is fixed. */
export function DeadLettersTab() {
  const letters = useDeadLetters();
  const replayAll = useReplay();
  const items = letters.data?.items ?? [];

  return (
    <SettingsSection
      title="Dead letters"
      description="Deliveries the pipeline could not process. Nothing is lost: fix the cause, then replay them."
      action={
        items.length > 0 ? (
          <Button
            variant="default"
            leftSection={<IconRefresh size={15} aria-hidden />}
            loading={replayAll.isPending}
            onClick={() =>
              replayAll.mutate(undefined, { onSuccess: (r) => replayed(r.replayed), onError: failed })
            }
          >
            Replay all
          </Button>
        ) : null
      }
    >
      <TableState
        isPending={letters.isPending}
        error={letters.error}
        hasNextPage={letters.hasNextPage}
        isFetchingNextPage={letters.isFetchingNextPage}
        onLoadMore={() => void letters.fetchNextPage()}
      >
        {items.length === 0 ? (
          <EmptyState
            compact
            icon={<IconInboxOff size={20} stroke={1.6} />}
            title="No dead letters"
            description="Every delivery so far was processed."
          />
        ) : (
          <Table highlightOnHover verticalSpacing={6}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={110}>Received</Table.Th>
                <Table.Th>Channel</Table.Th>
                <Table.Th w={110}>Step</Table.Th>
                <Table.Th>Why</Table.Th>
                <Table.Th ta="right">Attempts</Table.Th>
                <Table.Th>Payload</Table.Th>
                <Table.Th w={100} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((letter) => (
                <DeadLetterRow key={letter.id} letter={letter} />
              ))}
            </Table.Tbody>
          </Table>
        )}
      </TableState>
    </SettingsSection>
  );
}
