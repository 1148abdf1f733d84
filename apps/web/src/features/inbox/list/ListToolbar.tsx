import { CloseButton, Group, Kbd, Menu, Text, TextInput, UnstyledButton } from "@mantine/core";
import { useDebouncedCallback } from "@mantine/hooks";
import type { Channel, Priority, Sentiment } from "@parley/contracts";
import { IconArrowsSort, IconCheck, IconSearch } from "@tabler/icons-react";
import { type RefObject, useEffect, useMemo, useState } from "react";
import { useCurrentMe } from "../../../app/auth";
import { CHANNEL_OPTIONS, ChannelIcon } from "../../../ui/channels";
import { PRIORITY_OPTIONS } from "../../../ui/PriorityBadge";
import { type ConversationSort, useUsers } from "../queries";
import type { InboxParams } from "../useInboxParams";
import { FilterMenu } from "./FilterMenu";
import classes from "./list.module.css";

const SORT_LABELS: Record<ConversationSort, string> = {
  priority: "Priority",
  newest: "Newest",
  oldest: "Oldest",
};
const SENTIMENT_FILTER: { value: Sentiment; label: string }[] = [
  { value: "negative", label: "Negative" },
  { value: "neutral", label: "Neutral" },
  { value: "positive", label: "Positive" },
];
const CHANNEL_FILTER = CHANNEL_OPTIONS.map((o) => ({
  ...o,
  icon: <ChannelIcon channel={o.value} size={18} decorative />,
}));

function SearchBox({
  value,
  onChange,
  inputRef,
}: {
  value: string;
  onChange: (q: string) => void;
  inputRef: RefObject<HTMLInputElement | null>;
}) {
  const [text, setText] = useState(value);
  const commit = useDebouncedCallback(onChange, 300);
  useEffect(() => setText(value), [value]);

  return (
    <TextInput
      ref={inputRef}
      size="xs"
      placeholder="Search subject or message"
      aria-label="Search conversations"
      leftSection={<IconSearch size={14} stroke={1.8} aria-hidden />}
      rightSectionWidth={text ? 28 : 30}
      rightSection={
        text ? (
          <CloseButton
            size="sm"
            aria-label="Clear search"
            onClick={() => {
              setText("");
              onChange("");
            }}
          />
        ) : (
          <Kbd size="xs" aria-hidden>
            /
          </Kbd>
        )
      }
      value={text}
      onChange={(event) => {
        setText(event.currentTarget.value);
        commit(event.currentTarget.value);
      }}
      onKeyDown={(event) => {
        // Esc leaves the box, back to j/k on the list.
        if (event.key === "Escape") event.currentTarget.blur();
      }}
    />
  );
}

function SortMenu({
  value,
  onChange,
}: {
  value: ConversationSort;
  onChange: (sort: ConversationSort) => void;
}) {
  return (
    <Menu position="bottom-end" width={160}>
      <Menu.Target>
        <UnstyledButton
          className={classes.toolbarButton}
          aria-label={`Sort by ${SORT_LABELS[value].toLowerCase()}`}
        >
          <IconArrowsSort size={14} stroke={1.8} aria-hidden />
          {SORT_LABELS[value]}
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>Sort by</Menu.Label>
        {(Object.keys(SORT_LABELS) as ConversationSort[]).map((sort) => (
          <Menu.Item
            key={sort}
            onClick={() => onChange(sort)}
            rightSection={sort === value ? <IconCheck size={14} aria-hidden /> : null}
          >
            {SORT_LABELS[sort]}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}

/** Assignee filter: one person, or nobody; GET /conversations takes a single assignee_id. */
function useAssigneeOptions() {
  const users = useUsers();
  const meId = useCurrentMe().user?.id;
  return useMemo(
    () => [
      { value: "none", label: "Unassigned" },
      ...(users.data?.items ?? [])
        .filter((u) => u.role !== "analyst")
        .map((u) => ({ value: u.id, label: u.id === meId ? `${u.name} (me)` : u.name }))
        .sort((a, b) => a.label.localeCompare(b.label)),
    ],
    [users.data, meId],
  );
}

export function ListToolbar({
  params,
  summary,
  searchRef,
}: {
  params: InboxParams;
  summary: string;
  searchRef: RefObject<HTMLInputElement | null>;
}) {
  const fixedPriority = Boolean(params.view.query.priority);
  const fixedAssignee = Boolean(params.view.query.assignee_id);
  const assignees = useAssigneeOptions();
  return (
    <div className={classes.toolbar}>
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Group gap={8} wrap="nowrap" miw={0}>
          <Text component="h2" fw={650} size="md" truncate>
            {params.view.label}
          </Text>
          <Text size="xs" c="dimmed" aria-live="polite" style={{ whiteSpace: "nowrap" }}>
            {summary}
          </Text>
        </Group>
        <SortMenu
          value={params.sort}
          onChange={(sort) => params.set({ sort: sort === "priority" ? null : sort })}
        />
      </Group>
      <SearchBox value={params.q} onChange={(q) => params.set({ q })} inputRef={searchRef} />
      <Group gap={6} wrap="wrap">
        <FilterMenu<Channel>
          label="Channel"
          options={CHANNEL_FILTER}
          value={params.channels}
          onChange={(value) => params.set({ channel: value.join(",") })}
        />
        <FilterMenu<Priority>
          label="Priority"
          options={PRIORITY_OPTIONS}
          value={fixedPriority ? (params.view.query.priority ?? []) : params.priorities}
          onChange={(value) => params.set({ priority: value.join(",") })}
          disabledReason={fixedPriority ? "This view fixes the priority" : undefined}
        />
        <FilterMenu<Sentiment>
          label="Sentiment"
          options={SENTIMENT_FILTER}
          value={params.sentiments}
          onChange={(value) => params.set({ sentiment: value.join(",") })}
        />
        <FilterMenu<string>
          label="Assignee"
          single
          options={assignees}
          value={fixedAssignee ? [] : params.assignee ? [params.assignee] : []}
          onChange={(value) => params.set({ assignee: value[value.length - 1] ?? null })}
          disabledReason={fixedAssignee ? "This view fixes the assignee" : undefined}
        />
        {params.hasFilters ? (
          <UnstyledButton className={classes.toolbarButton} onClick={params.clearFilters}>
            Clear all
          </UnstyledButton>
        ) : null}
      </Group>
    </div>
  );
}
