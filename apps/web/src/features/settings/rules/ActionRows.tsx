import {
  ActionIcon,
  Button,
  Group,
  Menu,
  MultiSelect,
  Paper,
  Select,
  Stack,
  Text,
  TextInput,
} from "@mantine/core";
import { IconPlus, IconTrash } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { ACTION_CATALOG, actionLabel, blankAction } from "./action-catalog";
import type { ActionDraft } from "./rule-form";
import type { Option } from "./ValueInput";

export interface ActionOptions {
  teams: Option[];
  users: Option[];
  templates: Option[];
}

interface ActionRowsProps {
  actions: ActionDraft[];
  onChange: (actions: ActionDraft[]) => void;
  issues: Record<number, Record<string, string>>;
  options: ActionOptions;
  readOnly: boolean;
}

const PRIORITIES = ["urgent", "high", "normal", "low"];
const STATUSES = ["new", "open", "pending", "on_hold", "resolved", "closed", "archived", "spam"];
const ROLES = ["lead", "admin", "approver", "agent", "analyst"];

/** The actions of a rule, each with the inputs its type needs. */
export function ActionRows({ actions, onChange, issues, options, readOnly }: ActionRowsProps) {
  const update = (i: number, a: ActionDraft) => onChange(actions.map((x, j) => (j === i ? a : x)));
  return (
    <Stack gap={6}>
      {actions.length === 0 ? (
        <Text size="xs" c="dimmed">
          No actions yet: a rule needs at least one to do anything.
        </Text>
      ) : null}
      {actions.map((action, i) => {
        const n = i + 1;
        const err = issues[i] ?? {};
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: actions have no identity beyond their place
          <Paper key={i} withBorder p={8} radius="sm" style={{ borderColor: "var(--parley-border)" }}>
            <Group gap={6} align="flex-start" wrap="nowrap">
              <Select
                size="xs"
                aria-label={`Action ${n} type`}
                data={ACTION_CATALOG.map((a) => ({ value: a.type, label: a.label }))}
                value={action.type}
                onChange={(t) => t && update(i, blankAction(t))}
                allowDeselect={false}
                w={210}
                error={err.type}
              />
              <Group gap={6} style={{ flex: 1 }} wrap="nowrap" align="flex-start">
                <ActionFields
                  action={action}
                  n={n}
                  onChange={(a) => update(i, a)}
                  err={err}
                  options={options}
                />
              </Group>
              {readOnly ? null : (
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  aria-label={`Remove action ${n}`}
                  onClick={() => onChange(actions.filter((_, j) => j !== i))}
                  mt={2}
                >
                  <IconTrash size={15} />
                </ActionIcon>
              )}
            </Group>
            {err[""] ? (
              <Text size="xs" c="red" mt={4}>
                {err[""]}
              </Text>
            ) : null}
          </Paper>
        );
      })}
      {readOnly ? null : (
        <Group>
          <Menu position="bottom-start" withinPortal>
            <Menu.Target>
              <Button size="xs" variant="subtle" leftSection={<IconPlus size={14} aria-hidden />}>
                Add action
              </Button>
            </Menu.Target>
            <Menu.Dropdown mah={320} style={{ overflowY: "auto" }}>
              {ACTION_CATALOG.map((a) => (
                <Menu.Item key={a.type} onClick={() => onChange([...actions, a.blank()])}>
                  {a.label}
                </Menu.Item>
              ))}
            </Menu.Dropdown>
          </Menu>
        </Group>
      )}
    </Stack>
  );
}

interface FieldsProps {
  action: ActionDraft;
  n: number;
  onChange: (a: ActionDraft) => void;
  err: Record<string, string>;
  options: ActionOptions;
}

const str = (v: unknown) => (typeof v === "string" ? v : "");
const flex = { flex: 1, minWidth: 0 };

function ActionFields({ action, n, onChange, err, options }: FieldsProps): ReactNode {
  const label = (what: string) => `Action ${n} ${what}`;
  const text = (key: string, what: string, placeholder?: string) => (
    <TextInput
      size="xs"
      aria-label={label(what)}
      placeholder={placeholder ?? what}
      value={str(action[key])}
      onChange={(e) => onChange({ ...action, [key]: e.currentTarget.value })}
      error={err[key]}
      style={flex}
    />
  );
  const choice = (key: string, what: string, data: Option[] | string[]) => (
    <Select
      size="xs"
      aria-label={label(what)}
      placeholder={what}
      data={data}
      value={str(action[key]) || null}
      onChange={(v) => onChange({ ...action, [key]: v ?? "" })}
      error={err[key]}
      searchable
      style={flex}
    />
  );
  switch (action.type) {
    case "route_to_team":
      return choice("team_id", "team", options.teams);
    case "set_priority":
      return choice("priority", "priority", PRIORITIES);
    case "set_status":
      return choice("status", "status", STATUSES);
    case "set_category":
      return text("category", "category", "billing");
    case "add_tag":
    case "remove_tag":
      return text("tag", "tag", "refund");
    case "require_approval":
      return text("reason", "reason", "Why a lead must approve the reply");
    case "suggest_action":
      return text("text", "suggestion", "What the agent should do next");
    case "suggest_template":
      return choice("template_id", "template", options.templates);
    case "send_acknowledgement":
      return (
        <>
          {choice("template_id", "template", options.templates)}
          <Select
            size="xs"
            aria-label={label("visibility")}
            data={["public", "private"]}
            value={str(action.visibility) || "public"}
            onChange={(v) => onChange({ ...action, visibility: v ?? "public" })}
            allowDeselect={false}
            w={100}
          />
        </>
      );
    case "assign":
      return (
        <AssignTo
          action={action}
          onChange={onChange}
          label={label("assignee")}
          err={err}
          users={options.users}
        />
      );
    case "escalate":
      return <EscalateTo action={action} onChange={onChange} n={n} err={err} options={options} text={text} />;
    case "notify":
      return (
        <Stack gap={4} style={flex}>
          <Group gap={6} wrap="nowrap">
            <MultiSelect
              size="xs"
              aria-label={label("users")}
              placeholder="Users"
              data={options.users}
              value={(action.users as string[]) ?? []}
              onChange={(users) => onChange({ ...action, users })}
              error={err.users}
              searchable
              style={flex}
            />
            <MultiSelect
              size="xs"
              aria-label={label("teams")}
              placeholder="Teams"
              data={options.teams}
              value={(action.teams as string[]) ?? []}
              onChange={(teams) => onChange({ ...action, teams })}
              error={err.teams}
              style={flex}
            />
          </Group>
          {text("message", "message", "What to tell them")}
        </Stack>
      );
    default:
      return (
        <Text size="xs" c="dimmed" mt={6}>
          {actionLabel(action.type)} takes no settings.
        </Text>
      );
  }
}

function AssignTo({
  action,
  onChange,
  label,
  err,
  users,
}: {
  action: ActionDraft;
  onChange: (a: ActionDraft) => void;
  label: string;
  err: Record<string, string>;
  users: Option[];
}) {
  const to = action.to as { user_id?: string } | string | undefined;
  const value = typeof to === "object" && to?.user_id ? to.user_id : "auto";
  return (
    <Select
      size="xs"
      aria-label={label}
      data={[{ value: "auto", label: "Automatically (team routing)" }, ...users]}
      value={value}
      onChange={(v) => onChange({ ...action, to: !v || v === "auto" ? "auto" : { user_id: v } })}
      error={err.to}
      searchable
      allowDeselect={false}
      style={flex}
    />
  );
}

function EscalateTo({
  action,
  onChange,
  n,
  err,
  options,
  text,
}: {
  action: ActionDraft;
  onChange: (a: ActionDraft) => void;
  n: number;
  err: Record<string, string>;
  options: ActionOptions;
  text: (key: string, what: string, placeholder?: string) => ReactNode;
}) {
  const to = (action.to ?? {}) as { team_id?: string; role?: string };
  const value = to.team_id ? `team:${to.team_id}` : `role:${to.role ?? "lead"}`;
  const data = [
    { group: "Role", items: ROLES.map((r) => ({ value: `role:${r}`, label: r })) },
    { group: "Team", items: options.teams.map((t) => ({ value: `team:${t.value}`, label: t.label })) },
  ];
  return (
    <>
      <Select
        size="xs"
        aria-label={`Action ${n} escalate to`}
        data={data}
        value={value}
        onChange={(v) => {
          if (!v) return;
          const [kind, id] = v.split(":") as [string, string];
          onChange({ ...action, to: kind === "team" ? { team_id: id } : { role: id } });
        }}
        error={err.to}
        allowDeselect={false}
        w={190}
      />
      {text("reason", "reason", "Why it is escalated")}
    </>
  );
}
