import { ActionIcon, Badge, Button, Group, Stack, Switch, Table, Text, Tooltip } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import {
  IconArrowDown,
  IconArrowUp,
  IconClockHour4,
  IconMessage,
  IconPlus,
  IconRefresh,
  IconRoute,
} from "@tabler/icons-react";
import { useMemo, useState } from "react";
import { errorMessage } from "../../../app/api";
import { useCan } from "../../../app/auth";
import { EmptyState } from "../../../ui/EmptyState";
import { useTemplateOptions } from "../content/queries";
import { formatDuration } from "../duration";
import { useTeams, useUsers } from "../queries";
import { SettingsSection } from "../SettingsSection";
import { TableState } from "../TableState";
import type { ActionOptions } from "./ActionRows";
import { describeAction, type Names } from "./action-catalog";
import { type Rule, usePatchRule, useReorderRules, useRules } from "./queries";
import { RuleEditor } from "./RuleEditor";
import { moveBy } from "./reorder";

function useRuleLookups(): { names: Names; options: ActionOptions } {
  const teams = useTeams();
  const users = useUsers();
  const templates = useTemplateOptions();
  return useMemo(() => {
    const teamOpts = (teams.data?.items ?? []).map((t) => ({ value: t.id, label: t.name }));
    const userOpts = (users.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }));
    const byId = (opts: { value: string; label: string }[]) => {
      const map = new Map(opts.map((o) => [o.value, o.label]));
      return (id: string) => map.get(id) ?? (id ? `${id.slice(0, 8)}…` : "?");
    };
    return {
      names: { team: byId(teamOpts), user: byId(userOpts), template: byId(templates) },
      options: { teams: teamOpts, users: userOpts, templates },
    };
  }, [teams.data, users.data, templates]);
}

function TriggerBadge({ rule }: { rule: Rule }) {
  if (rule.trigger === "time_elapsed")
    return (
      <Badge
        variant="light"
        color="grape"
        size="sm"
        leftSection={<IconClockHour4 size={11} aria-hidden />}
        tt="none"
      >
        After {formatDuration(rule.after_seconds)}
      </Badge>
    );
  const updated = rule.trigger === "conversation_updated";
  return (
    <Badge
      variant="light"
      color={updated ? "cyan" : "accent"}
      size="sm"
      tt="none"
      leftSection={updated ? <IconRefresh size={11} aria-hidden /> : <IconMessage size={11} aria-hidden />}
    >
      {updated ? "Update" : "Message"}
    </Badge>
  );
}

function conditionCount(conditions: Record<string, unknown>): string {
  const list = (conditions.all ?? conditions.any) as unknown[] | undefined;
  if (!list) return "field" in conditions ? "1 condition" : "nested conditions";
  if (list.length === 0) return "every message";
  return `${conditions.any ? "any" : "all"} of ${list.length} condition${list.length === 1 ? "" : "s"}`;
}

/** Rules (SPEC W1): the ordered list, switched on and off in place, and the editor. */
export function RulesTab() {
  const rules = useRules();
  const canManage = useCan("rules:manage");
  const { names, options } = useRuleLookups();
  const [editing, setEditing] = useState<Rule | "new" | null>(null);
  const patch = usePatchRule();
  const reorder = useReorderRules();
  const items = rules.data ?? [];

  const toggle = (rule: Rule, enabled: boolean) =>
    patch.mutate(
      { id: rule.id, patch: { enabled } },
      {
        onSuccess: () =>
          notifications.show({
            color: "teal",
            message: `“${rule.name}” ${enabled ? "enabled" : "disabled"}`,
          }),
        onError: (e) => notifications.show({ color: "red", message: errorMessage(e) }),
      },
    );
  const move = (index: number, delta: -1 | 1) =>
    reorder.mutate(moveBy(items, index, delta), {
      onError: (e) => notifications.show({ color: "red", message: errorMessage(e) }),
    });

  return (
    <SettingsSection
      title="Rules"
      description="Run in this order on every customer message, change or timer; the first rule to decide something wins."
      action={
        canManage ? (
          <Button leftSection={<IconPlus size={15} aria-hidden />} onClick={() => setEditing("new")}>
            New rule
          </Button>
        ) : null
      }
    >
      <TableState isPending={rules.isPending} error={rules.error}>
        {items.length === 0 ? (
          <EmptyState
            compact
            icon={<IconRoute size={20} stroke={1.6} />}
            title="No rules yet"
            description="Rules route, tag, prioritise and escalate conversations as they arrive."
          />
        ) : (
          <Table highlightOnHover verticalSpacing={6} aria-label="Rules">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={70}>Order</Table.Th>
                <Table.Th>Rule</Table.Th>
                <Table.Th w={120}>Trigger</Table.Th>
                <Table.Th>Actions</Table.Th>
                <Table.Th w={80}>Enabled</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((rule, i) => (
                <Table.Tr key={rule.id} style={{ opacity: rule.enabled ? 1 : 0.6 }}>
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
                            aria-label={`Move ${rule.name} up`}
                            disabled={i === 0 || reorder.isPending}
                            onClick={() => move(i, -1)}
                          >
                            <IconArrowUp size={14} />
                          </ActionIcon>
                          <ActionIcon
                            size="sm"
                            variant="subtle"
                            color="gray"
                            aria-label={`Move ${rule.name} down`}
                            disabled={i === items.length - 1 || reorder.isPending}
                            onClick={() => move(i, 1)}
                          >
                            <IconArrowDown size={14} />
                          </ActionIcon>
                        </>
                      ) : null}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Stack gap={0}>
                      <Text
                        component="button"
                        type="button"
                        size="sm"
                        fw={600}
                        ta="left"
                        onClick={() => setEditing(rule)}
                        style={{ background: "none", border: 0, padding: 0, cursor: "pointer" }}
                      >
                        {rule.name}
                      </Text>
                      <Text size="xs" c="dimmed">
                        When {conditionCount(rule.conditions)}
                        {rule.stop_processing ? " · stops later rules" : ""}
                      </Text>
                    </Stack>
                  </Table.Td>
                  <Table.Td>
                    <TriggerBadge rule={rule} />
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {rule.actions.map((a) => (
                        <Badge key={JSON.stringify(a)} size="sm" variant="default" tt="none" fw={500}>
                          {describeAction(a, names)}
                        </Badge>
                      ))}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Tooltip label={rule.enabled ? "Running" : "Off"} withinPortal>
                      <Switch
                        size="sm"
                        aria-label={`Enable ${rule.name}`}
                        checked={rule.enabled}
                        disabled={!canManage}
                        onChange={(e) => toggle(rule, e.currentTarget.checked)}
                      />
                    </Tooltip>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </TableState>
      {editing ? (
        <RuleEditor
          rule={editing === "new" ? null : editing}
          onClose={() => setEditing(null)}
          names={names}
          options={options}
          canManage={canManage}
        />
      ) : null}
    </SettingsSection>
  );
}
