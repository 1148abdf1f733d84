import { Badge, Group, Table, Text } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import type { Template } from "@parley/contracts";
import { IconTemplate } from "@tabler/icons-react";
import { useState } from "react";
import { useCan } from "../../../app/auth";
import { ChannelIcon } from "../../../ui/channels";
import { EmptyState } from "../../../ui/EmptyState";
import { RelativeTime } from "../../../ui/RelativeTime";
import { SettingsSection } from "../SettingsSection";
import { TableState } from "../TableState";
import { useTemplates } from "./queries";
import { SearchAndCreate } from "./SearchAndCreate";
import { KIND_LABELS, TemplateModal } from "./TemplateModal";

/** Saved replies with variables, offered in the composer's / menu and used by rules. */
export function TemplatesTab() {
  const [q, setQ] = useState("");
  const [debounced] = useDebouncedValue(q.trim(), 250);
  const templates = useTemplates(debounced);
  const canManage = useCan("templates:manage");
  const [editing, setEditing] = useState<Template | "new" | null>(null);
  const items = templates.data?.items ?? [];

  return (
    <SettingsSection
      title="Templates"
      description="Consistent answers agents insert with / in the composer; variables fill in per conversation."
      action={
        <SearchAndCreate
          searchLabel="Search templates"
          value={q}
          onChange={setQ}
          createLabel="New template"
          onCreate={canManage ? () => setEditing("new") : undefined}
        />
      }
    >
      <TableState
        isPending={templates.isPending}
        error={templates.error}
        hasNextPage={templates.hasNextPage}
        isFetchingNextPage={templates.isFetchingNextPage}
        onLoadMore={() => void templates.fetchNextPage()}
      >
        {items.length === 0 ? (
          <EmptyState
            compact
            icon={<IconTemplate size={20} stroke={1.6} />}
            title={debounced ? "No templates match" : "No templates yet"}
            description="Templates keep answers fast and on-brand."
          />
        ) : (
          <Table highlightOnHover verticalSpacing={6} aria-label="Templates">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Template</Table.Th>
                <Table.Th w={130}>Kind</Table.Th>
                <Table.Th w={150}>Channels</Table.Th>
                <Table.Th w={90}>Language</Table.Th>
                <Table.Th w={90}>Updated</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((t) => (
                <Table.Tr key={t.id} onClick={() => setEditing(t)} style={{ cursor: "pointer" }}>
                  <Table.Td>
                    <Group gap={6} wrap="nowrap">
                      <Text
                        component="button"
                        type="button"
                        size="sm"
                        fw={600}
                        style={{ background: "none", border: 0, padding: 0, cursor: "pointer" }}
                      >
                        {t.name}
                      </Text>
                      {t.shortcut ? (
                        <Badge size="xs" variant="light" tt="none" ff="monospace">
                          /{t.shortcut}
                        </Badge>
                      ) : null}
                      {t.category ? (
                        <Badge size="xs" variant="default" tt="none">
                          {t.category}
                        </Badge>
                      ) : null}
                    </Group>
                    <Text size="xs" c="dimmed" lineClamp={1}>
                      {t.body}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{KIND_LABELS[t.kind]}</Text>
                  </Table.Td>
                  <Table.Td>
                    {t.channels.length === 0 ? (
                      <Text size="sm" c="dimmed">
                        All
                      </Text>
                    ) : (
                      <Group gap={3}>
                        {t.channels.map((c) => (
                          <ChannelIcon key={c} channel={c} size={18} />
                        ))}
                      </Group>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" c={t.language ? undefined : "dimmed"}>
                      {t.language ?? "Any"}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <RelativeTime iso={t.updated_at} size="sm" />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </TableState>
      {editing && canManage ? (
        <TemplateModal template={editing === "new" ? null : editing} onClose={() => setEditing(null)} />
      ) : null}
    </SettingsSection>
  );
}
