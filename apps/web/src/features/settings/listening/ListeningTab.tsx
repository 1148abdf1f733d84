import {
  ActionIcon,
  Badge,
  Button,
  Group,
  Switch,
  Table,
  Text,
  Tooltip,
  VisuallyHidden,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import type { ListeningProfile } from "@parley/contracts";
import { IconEar, IconPencil, IconPlus, IconTrash } from "@tabler/icons-react";
import { useState } from "react";
import { errorMessage } from "../../../app/api";
import { useCan } from "../../../app/auth";
import { EmptyState } from "../../../ui/EmptyState";
import { SettingsSection } from "../SettingsSection";
import { TableState } from "../TableState";
import { DeleteProfileModal } from "./DeleteProfileModal";
import { KIND_META } from "./kinds";
import { ProfileModal } from "./ProfileModal";
import { useListeningProfiles, useSaveProfile } from "./queries";

/** The first few phrases as badges, and how many more there are. */
function Phrases({ values, color = "gray" }: { values: string[]; color?: string }) {
  if (values.length === 0)
    return (
      <Text size="sm" c="dimmed">
        —
      </Text>
    );
  const shown = values.slice(0, 3);
  return (
    <Group gap={4}>
      {shown.map((value) => (
        <Badge key={value} variant="light" color={color} size="sm" tt="none" fw={500}>
          {value}
        </Badge>
      ))}
      {values.length > shown.length ? (
        <Tooltip label={values.slice(3).join(", ")} multiline maw={320}>
          <Text size="xs" c="dimmed">
            +{values.length - shown.length}
          </Text>
        </Tooltip>
      ) : null}
    </Group>
  );
}

interface RowProps {
  profile: ListeningProfile;
  canManage: boolean;
  onEdit: () => void;
  onDelete: () => void;
}

function ProfileRow({ profile: p, canManage, onEdit, onDelete }: RowProps) {
  const save = useSaveProfile();
  const kind = KIND_META[p.kind];
  const filters = [...p.languages.map((l) => l.toUpperCase()), ...p.locations].join(", ");
  const onError = (error: unknown) => notifications.show({ color: "red", message: errorMessage(error) });
  return (
    <Table.Tr opacity={p.enabled ? 1 : 0.6}>
      <Table.Td>
        <Text size="sm" fw={600}>
          {p.name}
        </Text>
        <Badge variant="dot" color={kind.color} size="xs" mt={2}>
          {kind.label}
        </Badge>
      </Table.Td>
      <Table.Td>
        <Phrases values={p.include} color="blue" />
      </Table.Td>
      <Table.Td>
        <Phrases values={p.require_any} />
      </Table.Td>
      <Table.Td>
        <Phrases values={p.exclude} color="red" />
      </Table.Td>
      <Table.Td>
        <Text size="sm" c={filters ? undefined : "dimmed"}>
          {filters || "Any"}
        </Text>
      </Table.Td>
      <Table.Td>
        <Switch
          size="xs"
          checked={p.enabled}
          disabled={!canManage || save.isPending}
          aria-label={`${p.enabled ? "Disable" : "Enable"} ${p.name}`}
          onChange={(e) =>
            save.mutate({ id: p.id, input: { enabled: e.currentTarget.checked } }, { onError })
          }
        />
      </Table.Td>
      {canManage ? (
        <Table.Td ta="right">
          <Group gap={2} justify="flex-end" wrap="nowrap">
            <Tooltip label="Edit">
              <ActionIcon aria-label={`Edit ${p.name}`} onClick={onEdit}>
                <IconPencil size={16} stroke={1.7} />
              </ActionIcon>
            </Tooltip>
            <Tooltip label="Delete">
              <ActionIcon color="red" aria-label={`Delete ${p.name}`} onClick={onDelete}>
                <IconTrash size={16} stroke={1.7} />
              </ActionIcon>
            </Tooltip>
          </Group>
        </Table.Td>
      ) : null}
    </Table.Tr>
  );
}

export function ListeningTab() {
  const profiles = useListeningProfiles();
  const canManage = useCan("listening:manage");
  const [editing, setEditing] = useState<ListeningProfile | null>(null);
  const [opened, setOpened] = useState(false);
  const [deleting, setDeleting] = useState<ListeningProfile | null>(null);
  const items = profiles.data?.items ?? [];
  const open = (profile: ListeningProfile | null) => {
    setEditing(profile);
    setOpened(true);
  };

  return (
    <SettingsSection
      title="Listening"
      description="What to hear beyond @mentions: brand, product and competitor names, and care phrases. Changes apply within seconds."
      action={
        canManage ? (
          <Button leftSection={<IconPlus size={15} aria-hidden />} onClick={() => open(null)}>
            New profile
          </Button>
        ) : null
      }
    >
      <TableState
        isPending={profiles.isPending}
        error={profiles.error}
        hasNextPage={profiles.hasNextPage}
        isFetchingNextPage={profiles.isFetchingNextPage}
        onLoadMore={() => void profiles.fetchNextPage()}
      >
        {items.length === 0 ? (
          <EmptyState
            compact
            icon={<IconEar size={20} stroke={1.6} />}
            title="No listening profiles"
            description={
              canManage
                ? "Add your brand and product names, competitors, and phrases such as “going to switch providers”."
                : "An admin or team lead can add brand names and care phrases to listen for."
            }
          />
        ) : (
          <Table highlightOnHover verticalSpacing={6}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Profile</Table.Th>
                <Table.Th>Listens for</Table.Th>
                <Table.Th style={{ minWidth: 160 }}>Must also mention</Table.Th>
                <Table.Th style={{ minWidth: 160 }}>Excludes</Table.Th>
                <Table.Th style={{ minWidth: 120 }}>Filters</Table.Th>
                <Table.Th w={70}>On</Table.Th>
                {canManage ? (
                  <Table.Th w={80}>
                    <VisuallyHidden>Actions</VisuallyHidden>
                  </Table.Th>
                ) : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((profile) => (
                <ProfileRow
                  key={profile.id}
                  profile={profile}
                  canManage={canManage}
                  onEdit={() => open(profile)}
                  onDelete={() => setDeleting(profile)}
                />
              ))}
            </Table.Tbody>
          </Table>
        )}
      </TableState>
      {canManage ? <ProfileModal opened={opened} profile={editing} onClose={() => setOpened(false)} /> : null}
      {canManage ? <DeleteProfileModal profile={deleting} onClose={() => setDeleting(null)} /> : null}
    </SettingsSection>
  );
}
