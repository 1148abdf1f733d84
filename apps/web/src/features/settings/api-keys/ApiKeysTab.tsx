import { ActionIcon, Button, Code, Table, Text, Tooltip, VisuallyHidden } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import type { ApiKey } from "@parley/contracts";
import { IconKey, IconPlus, IconTrash } from "@tabler/icons-react";
import { useState } from "react";
import { roleLabel } from "../../../app/roles";
import { EmptyState } from "../../../ui/EmptyState";
import { RelativeTime } from "../../../ui/RelativeTime";
import { useApiKeys } from "../queries";
import { SettingsSection } from "../SettingsSection";
import { TableState } from "../TableState";
import { CreateApiKeyModal } from "./CreateApiKeyModal";
import { RevokeApiKeyModal } from "./RevokeApiKeyModal";

function KeyRow({ apiKey, onRevoke }: { apiKey: ApiKey; onRevoke: () => void }) {
  return (
    <Table.Tr>
      <Table.Td>
        <Text size="sm" fw={600}>
          {apiKey.name}
        </Text>
      </Table.Td>
      <Table.Td>
        <Code>{apiKey.prefix}…</Code>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{roleLabel(apiKey.role)}</Text>
      </Table.Td>
      <Table.Td>
        <RelativeTime iso={apiKey.created_at} size="sm" />
      </Table.Td>
      <Table.Td>
        {apiKey.last_used_at ? (
          <RelativeTime iso={apiKey.last_used_at} size="sm" />
        ) : (
          <Text size="sm" c="dimmed">
            Never
          </Text>
        )}
      </Table.Td>
      <Table.Td ta="right">
        <Tooltip label="Revoke">
          <ActionIcon color="red" aria-label={`Revoke API key ${apiKey.name}`} onClick={onRevoke}>
            <IconTrash size={16} stroke={1.7} />
          </ActionIcon>
        </Tooltip>
      </Table.Td>
    </Table.Tr>
  );
}

export function ApiKeysTab() {
  const keys = useApiKeys();
  const [creating, modal] = useDisclosure(false);
  const [revoking, setRevoking] = useState<ApiKey | null>(null);
  const items = keys.data?.items ?? [];

  return (
    <SettingsSection
      title="API keys"
      description="Let a CRM, contact center or BI tool call the Parley API. A key acts with the role you give it."
      action={
        <Button leftSection={<IconPlus size={15} aria-hidden />} onClick={modal.open}>
          New API key
        </Button>
      }
    >
      <TableState isPending={keys.isPending} error={keys.error}>
        {items.length === 0 ? (
          <EmptyState
            compact
            icon={<IconKey size={20} stroke={1.6} />}
            title="No API keys"
            description="Create one for each system that connects to Parley, so you can revoke it on its own."
          />
        ) : (
          <Table highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Key</Table.Th>
                <Table.Th>Role</Table.Th>
                <Table.Th>Created</Table.Th>
                <Table.Th>Last used</Table.Th>
                <Table.Th w={48}>
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((apiKey) => (
                <KeyRow key={apiKey.id} apiKey={apiKey} onRevoke={() => setRevoking(apiKey)} />
              ))}
            </Table.Tbody>
          </Table>
        )}
      </TableState>
      <CreateApiKeyModal opened={creating} onClose={modal.close} />
      <RevokeApiKeyModal apiKey={revoking} onClose={() => setRevoking(null)} />
    </SettingsSection>
  );
}
