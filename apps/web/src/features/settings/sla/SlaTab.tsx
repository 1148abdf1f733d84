import { ActionIcon, Button, Group, Switch, Table, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import type { Channel } from "@parley/contracts";
import {
  IconArrowDown,
  IconArrowUp,
  IconClockHour4,
  IconPencil,
  IconPlus,
  IconTrash,
} from "@tabler/icons-react";
import { useState } from "react";
import { errorMessage } from "../../../app/api";
import { useCan } from "../../../app/auth";
import { CHANNEL_META } from "../../../ui/channels";
import { EmptyState } from "../../../ui/EmptyState";
import { formatDuration } from "../duration";
import { moveBy } from "../rules/reorder";
import { SettingsSection } from "../SettingsSection";
import { TableState } from "../TableState";
import { CalendarsSection } from "./CalendarsSection";
import { PolicyModal } from "./PolicyModal";
import {
  type BusinessHours,
  type SlaPolicy,
  useBusinessHours,
  useDeleteSlaPolicy,
  useReorderSlaPolicies,
  useSaveSlaPolicy,
  useSlaPolicies,
} from "./queries";

const failed = (e: unknown) => notifications.show({ color: "red", message: errorMessage(e) });

function appliesTo(p: SlaPolicy): string {
  const channel = p.channel ? (CHANNEL_META[p.channel as Channel]?.label ?? p.channel) : "Any channel";
  const priority = p.priority ? `${p.priority} priority` : "any priority";
  return `${channel}, ${priority}`;
}

function PoliciesSection({ calendars }: { calendars: BusinessHours[] }) {
  const policies = useSlaPolicies();
  const canManage = useCan("rules:manage");
  const [editing, setEditing] = useState<SlaPolicy | "new" | null>(null);
  const save = useSaveSlaPolicy();
  const reorder = useReorderSlaPolicies();
  const remove = useDeleteSlaPolicy();
  const items = policies.data ?? [];
  const calendarName = (id: string | null) =>
    id ? (calendars.find((c) => c.id === id)?.name ?? "…") : "Workspace default";

  return (
    <SettingsSection
      title="SLA policies"
      description="The first enabled policy that fits a conversation (by channel and priority) sets its targets."
      action={
        canManage ? (
          <Button leftSection={<IconPlus size={15} aria-hidden />} onClick={() => setEditing("new")}>
            New policy
          </Button>
        ) : null
      }
    >
      <TableState isPending={policies.isPending} error={policies.error}>
        {items.length === 0 ? (
          <EmptyState
            compact
            icon={<IconClockHour4 size={20} stroke={1.6} />}
            title="No SLA policies"
            description="Without a policy no conversation has a deadline."
          />
        ) : (
          <Table highlightOnHover verticalSpacing={6} aria-label="SLA policies">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={70}>Order</Table.Th>
                <Table.Th>Policy</Table.Th>
                <Table.Th>First response</Table.Th>
                <Table.Th>Next response</Table.Th>
                <Table.Th>Resolution</Table.Th>
                <Table.Th>Hours</Table.Th>
                <Table.Th w={70}>Enabled</Table.Th>
                {canManage ? <Table.Th w={70} /> : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((p, i) => (
                <Table.Tr key={p.id} style={{ opacity: p.enabled ? 1 : 0.6 }}>
                  <Table.Td>
                    <Group gap={2} wrap="nowrap">
                      <Text size="xs" c="dimmed" w={18}>
                        {i + 1}
                      </Text>
                      {canManage ? (
                        <>
                          <ActionIcon
                            size="sm"
                            variant="subtle"
                            color="gray"
                            aria-label={`Move ${p.name} up`}
                            disabled={i === 0 || reorder.isPending}
                            onClick={() => reorder.mutate(moveBy(items, i, -1), { onError: failed })}
                          >
                            <IconArrowUp size={14} />
                          </ActionIcon>
                          <ActionIcon
                            size="sm"
                            variant="subtle"
                            color="gray"
                            aria-label={`Move ${p.name} down`}
                            disabled={i === items.length - 1 || reorder.isPending}
                            onClick={() => reorder.mutate(moveBy(items, i, 1), { onError: failed })}
                          >
                            <IconArrowDown size={14} />
                          </ActionIcon>
                        </>
                      ) : null}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {p.name}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {appliesTo(p)}
                    </Text>
                  </Table.Td>
                  <Table.Td>{formatDuration(p.first_response_seconds)}</Table.Td>
                  <Table.Td>{formatDuration(p.next_response_seconds)}</Table.Td>
                  <Table.Td>{formatDuration(p.resolution_seconds)}</Table.Td>
                  <Table.Td>
                    <Text size="sm" c={p.business_hours_id ? undefined : "dimmed"}>
                      {calendarName(p.business_hours_id)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Switch
                      size="sm"
                      aria-label={`Enable ${p.name}`}
                      checked={p.enabled}
                      disabled={!canManage}
                      onChange={(e) =>
                        save.mutate(
                          { id: p.id, body: { enabled: e.currentTarget.checked } },
                          { onError: failed },
                        )
                      }
                    />
                  </Table.Td>
                  {canManage ? (
                    <Table.Td>
                      <Group gap={2} wrap="nowrap">
                        <ActionIcon
                          size="sm"
                          variant="subtle"
                          color="gray"
                          aria-label={`Edit ${p.name}`}
                          onClick={() => setEditing(p)}
                        >
                          <IconPencil size={14} />
                        </ActionIcon>
                        <ActionIcon
                          size="sm"
                          variant="subtle"
                          color="red"
                          aria-label={`Delete ${p.name}`}
                          onClick={() =>
                            remove.mutate(p.id, {
                              onSuccess: () =>
                                notifications.show({
                                  color: "teal",
                                  message: `SLA policy “${p.name}” deleted`,
                                }),
                              onError: failed,
                            })
                          }
                        >
                          <IconTrash size={14} />
                        </ActionIcon>
                      </Group>
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </TableState>
      {editing ? (
        <PolicyModal
          policy={editing === "new" ? null : editing}
          calendars={calendars}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </SettingsSection>
  );
}

/** SLA (SPEC W3): policies with their targets, and the business-hours calendars they count in. */
export function SlaTab() {
  const hours = useBusinessHours();
  const calendars = hours.data ?? [];
  return (
    <>
      <PoliciesSection calendars={calendars} />
      <CalendarsSection calendars={calendars} query={hours} />
    </>
  );
}
