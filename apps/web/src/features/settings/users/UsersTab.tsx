import { ActionIcon, Badge, Button, Group, Table, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import type { Availability, Team, User } from "@parley/contracts";
import { IconPencil, IconPlus } from "@tabler/icons-react";
import { useMemo, useState } from "react";
import { useCan } from "../../../app/auth";
import { roleLabel } from "../../../app/roles";
import { Dot } from "../../../ui/Dot";
import { RelativeTime } from "../../../ui/RelativeTime";
import { UserAvatar } from "../../../ui/UserAvatar";
import { useTeams, useUsers } from "../queries";
import { SettingsSection } from "../SettingsSection";
import { TableState } from "../TableState";
import { AddUserModal } from "./AddUserModal";
import { EditUserModal } from "./EditUserModal";

const AVAILABILITY: Record<Availability, { label: string; color: string }> = {
  available: { label: "Available", color: "var(--mantine-color-teal-6)" },
  busy: { label: "Busy", color: "var(--mantine-color-orange-6)" },
  away: { label: "Away", color: "var(--mantine-color-yellow-6)" },
  offline: { label: "Offline", color: "var(--mantine-color-gray-4)" },
};

function AvailabilityLabel({ availability }: { availability: Availability }) {
  const { label, color } = AVAILABILITY[availability];
  return (
    <Group gap={7} wrap="nowrap">
      <Dot color={color} />
      <Text size="sm">{label}</Text>
    </Group>
  );
}

export function UsersTab() {
  const users = useUsers();
  const teams = useTeams();
  const canManage = useCan("users:manage");
  const [adding, modal] = useDisclosure(false);
  const [editing, setEditing] = useState<User | null>(null);
  const teamNames = useMemo(
    () => new Map((teams.data?.items ?? []).map((team: Team) => [team.id, team.name])),
    [teams.data],
  );

  return (
    <SettingsSection
      title="Users"
      description="Everyone who works in this workspace, and what their role lets them do."
      action={
        canManage ? (
          <Button leftSection={<IconPlus size={15} aria-hidden />} onClick={modal.open}>
            Add user
          </Button>
        ) : null
      }
    >
      <TableState
        isPending={users.isPending}
        error={users.error}
        hasNextPage={users.hasNextPage}
        isFetchingNextPage={users.isFetchingNextPage}
        onLoadMore={() => void users.fetchNextPage()}
      >
        <Table highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Role</Table.Th>
              <Table.Th>Availability</Table.Th>
              <Table.Th>Teams</Table.Th>
              <Table.Th>Capacity</Table.Th>
              <Table.Th>Skills</Table.Th>
              <Table.Th>Approval</Table.Th>
              <Table.Th>Last sign-in</Table.Th>
              {canManage ? <Table.Th w={40} /> : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(users.data?.items ?? []).map((user) => (
              <Table.Tr key={user.id}>
                <Table.Td>
                  <Group gap="sm" wrap="nowrap">
                    <UserAvatar name={user.name} size={30} />
                    <div>
                      <Text size="sm" fw={600}>
                        {user.name}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {user.email}
                      </Text>
                    </div>
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{roleLabel(user.role)}</Text>
                </Table.Td>
                <Table.Td>
                  <AvailabilityLabel availability={user.availability} />
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c={user.team_ids.length ? undefined : "dimmed"}>
                    {user.team_ids.map((id) => teamNames.get(id) ?? "…").join(", ") || "—"}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{user.capacity}</Text>
                </Table.Td>
                <Table.Td>
                  <Group gap={3}>
                    {[...user.skills, ...user.languages].map((s) => (
                      <Badge key={s} variant="default" size="xs" tt="none">
                        {s}
                      </Badge>
                    ))}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c={user.approval_sample_percent ? undefined : "dimmed"}>
                    {user.approval_sample_percent ? `${user.approval_sample_percent}%` : "—"}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {user.last_login_at ? (
                    <RelativeTime iso={user.last_login_at} size="sm" />
                  ) : (
                    <Text size="sm" c="dimmed">
                      Never
                    </Text>
                  )}
                </Table.Td>
                {canManage ? (
                  <Table.Td>
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      size="sm"
                      aria-label={`Edit ${user.name}`}
                      onClick={() => setEditing(user)}
                    >
                      <IconPencil size={14} />
                    </ActionIcon>
                  </Table.Td>
                ) : null}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TableState>
      {canManage ? <AddUserModal opened={adding} onClose={modal.close} /> : null}
      {editing ? <EditUserModal user={editing} onClose={() => setEditing(null)} /> : null}
    </SettingsSection>
  );
}
