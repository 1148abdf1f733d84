import { ActionIcon, Badge, Button, Group, Table, Text, Tooltip } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import type { Team } from "@parley/contracts";
import { IconPencil, IconPlus, IconUsersGroup } from "@tabler/icons-react";
import { useState } from "react";
import { useCan } from "../../../app/auth";
import { EmptyState } from "../../../ui/EmptyState";
import { RelativeTime } from "../../../ui/RelativeTime";
import { useTeams } from "../queries";
import { SettingsSection } from "../SettingsSection";
import { TableState } from "../TableState";
import { CreateTeamModal } from "./CreateTeamModal";
import { EditTeamModal, ROUTING_LABELS } from "./EditTeamModal";

function Tags({ values }: { values: string[] }) {
  if (values.length === 0)
    return (
      <Text size="sm" c="dimmed">
        —
      </Text>
    );
  return (
    <Group gap={4}>
      {values.map((value) => (
        <Badge key={value} variant="default" size="sm">
          {value}
        </Badge>
      ))}
    </Group>
  );
}

export function TeamsTab() {
  const teams = useTeams();
  const canManage = useCan("teams:manage");
  const [creating, modal] = useDisclosure(false);
  const [editing, setEditing] = useState<Team | null>(null);
  const items = teams.data?.items ?? [];

  return (
    <SettingsSection
      title="Teams"
      description="Queues that conversations are routed to, by skill and language."
      action={
        canManage ? (
          <Button leftSection={<IconPlus size={15} aria-hidden />} onClick={modal.open}>
            New team
          </Button>
        ) : null
      }
    >
      <TableState
        isPending={teams.isPending}
        error={teams.error}
        hasNextPage={teams.hasNextPage}
        isFetchingNextPage={teams.isFetchingNextPage}
        onLoadMore={() => void teams.fetchNextPage()}
      >
        {items.length === 0 ? (
          <EmptyState
            compact
            icon={<IconUsersGroup size={20} stroke={1.6} />}
            title="No teams yet"
            description={
              canManage
                ? "Create teams such as Billing or Social care to route conversations to the right people."
                : "An admin can create teams to route conversations to the right people."
            }
          />
        ) : (
          <Table highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Team</Table.Th>
                <Table.Th>Routing</Table.Th>
                <Table.Th>Members</Table.Th>
                <Table.Th>Skills</Table.Th>
                <Table.Th>Languages</Table.Th>
                <Table.Th>Created</Table.Th>
                {canManage ? <Table.Th w={40} /> : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((team) => (
                <Table.Tr key={team.id}>
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {team.name}
                    </Text>
                    {team.description ? (
                      <Text size="xs" c="dimmed" lineClamp={1}>
                        {team.description}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    <Tooltip label={ROUTING_LABELS[team.routing].hint} withinPortal multiline w={240}>
                      <Badge
                        variant="light"
                        color={team.routing === "manual" ? "gray" : "accent"}
                        size="sm"
                        tt="none"
                      >
                        {ROUTING_LABELS[team.routing].label}
                      </Badge>
                    </Tooltip>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{team.member_ids.length}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Tags values={team.skills} />
                  </Table.Td>
                  <Table.Td>
                    <Tags values={team.languages} />
                  </Table.Td>
                  <Table.Td>
                    <RelativeTime iso={team.created_at} size="sm" />
                  </Table.Td>
                  {canManage ? (
                    <Table.Td>
                      <ActionIcon
                        variant="subtle"
                        color="gray"
                        size="sm"
                        aria-label={`Edit ${team.name}`}
                        onClick={() => setEditing(team)}
                      >
                        <IconPencil size={14} />
                      </ActionIcon>
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </TableState>
      {canManage ? <CreateTeamModal opened={creating} onClose={modal.close} /> : null}
      {editing ? <EditTeamModal team={editing} onClose={() => setEditing(null)} /> : null}
    </SettingsSection>
  );
}
