import { Badge, Button, Group, Table, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconPlus, IconUsersGroup } from "@tabler/icons-react";
import { useCan } from "../../../app/auth";
import { EmptyState } from "../../../ui/EmptyState";
import { RelativeTime } from "../../../ui/RelativeTime";
import { useTeams } from "../queries";
import { SettingsSection } from "../SettingsSection";
import { TableState } from "../TableState";
import { CreateTeamModal } from "./CreateTeamModal";

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
                <Table.Th>Members</Table.Th>
                <Table.Th>Skills</Table.Th>
                <Table.Th>Languages</Table.Th>
                <Table.Th>Created</Table.Th>
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
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </TableState>
      {canManage ? <CreateTeamModal opened={creating} onClose={modal.close} /> : null}
    </SettingsSection>
  );
}
