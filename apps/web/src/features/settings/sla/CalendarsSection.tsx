import { ActionIcon, Badge, Button, Group, Select, Table, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconPencil, IconPlus, IconTrash } from "@tabler/icons-react";
import { useState } from "react";
import { errorMessage } from "../../../app/api";
import { useCan } from "../../../app/auth";
import { useWorkspace } from "../queries";
import { SettingsSection } from "../SettingsSection";
import { TableState } from "../TableState";
import { BusinessHoursModal } from "./BusinessHoursModal";
import {
  type BusinessHours,
  type useBusinessHours,
  useDefaultBusinessHours,
  useDeleteBusinessHours,
  useSetDefaultBusinessHours,
} from "./queries";
import { summarizeWeekly } from "./schedule";

const failed = (e: unknown) => notifications.show({ color: "red", message: errorMessage(e) });

const ALWAYS = "__24x7__";

function DefaultCalendar({ calendars, canManage }: { calendars: BusinessHours[]; canManage: boolean }) {
  const current = useDefaultBusinessHours();
  const set = useSetDefaultBusinessHours();
  return (
    <Select
      label="Workspace default"
      description="Policies without their own business hours count in these."
      data={[
        { value: ALWAYS, label: "24/7 (every hour counts)" },
        ...calendars.map((c) => ({ value: c.id, label: c.name })),
      ]}
      value={current.data ? (current.data.business_hours_id ?? ALWAYS) : null}
      onChange={(v) =>
        set.mutate(v === ALWAYS || !v ? null : v, {
          onSuccess: () => notifications.show({ color: "teal", message: "Default business hours saved" }),
          onError: failed,
        })
      }
      allowDeselect={false}
      disabled={!canManage || set.isPending}
      w={320}
      size="xs"
    />
  );
}

/** Business-hours calendars and the workspace default. */
export function CalendarsSection({
  calendars,
  query,
}: {
  calendars: BusinessHours[];
  query: ReturnType<typeof useBusinessHours>;
}) {
  const canManage = useCan("rules:manage");
  const workspace = useWorkspace();
  const [editing, setEditing] = useState<BusinessHours | "new" | null>(null);
  const remove = useDeleteBusinessHours();
  return (
    <SettingsSection
      title="Business hours"
      description="When the SLA clock runs: opening hours in a time zone, holidays, or 24/7."
      action={
        canManage ? (
          <Button
            variant="default"
            leftSection={<IconPlus size={15} aria-hidden />}
            onClick={() => setEditing("new")}
          >
            New calendar
          </Button>
        ) : null
      }
    >
      <Group p="sm" style={{ borderBottom: "1px solid var(--parley-border)" }}>
        <DefaultCalendar calendars={calendars} canManage={canManage} />
      </Group>
      <TableState isPending={query.isPending} error={query.error}>
        <Table highlightOnHover verticalSpacing={6} aria-label="Business hours calendars">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Calendar</Table.Th>
              <Table.Th>Open</Table.Th>
              <Table.Th>Holidays</Table.Th>
              {canManage ? <Table.Th w={70} /> : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {calendars.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>
                  <Text size="sm" fw={600}>
                    {c.name}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {c.timezone}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {c.always_open ? (
                    <Badge variant="light" color="teal" size="sm">
                      24/7
                    </Badge>
                  ) : (
                    <Text size="sm">{summarizeWeekly(c.weekly)}</Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c={c.holidays.length ? undefined : "dimmed"}>
                    {c.holidays.length
                      ? `${c.holidays.length} (next ${c.holidays.find((d) => d >= new Date().toISOString().slice(0, 10)) ?? "—"})`
                      : "None"}
                  </Text>
                </Table.Td>
                {canManage ? (
                  <Table.Td>
                    <Group gap={2} wrap="nowrap">
                      <ActionIcon
                        size="sm"
                        variant="subtle"
                        color="gray"
                        aria-label={`Edit ${c.name}`}
                        onClick={() => setEditing(c)}
                      >
                        <IconPencil size={14} />
                      </ActionIcon>
                      <ActionIcon
                        size="sm"
                        variant="subtle"
                        color="red"
                        aria-label={`Delete ${c.name}`}
                        onClick={() =>
                          remove.mutate(c.id, {
                            onSuccess: () =>
                              notifications.show({
                                color: "teal",
                                message: `Business hours “${c.name}” deleted`,
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
      </TableState>
      {editing ? (
        <BusinessHoursModal
          calendar={editing === "new" ? null : editing}
          defaultTimezone={workspace.data?.timezone ?? "UTC"}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </SettingsSection>
  );
}
