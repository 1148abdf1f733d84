import { CloseButton, Group, Menu, Text, TextInput, UnstyledButton } from "@mantine/core";
import { useDebouncedCallback, useHotkeys } from "@mantine/hooks";
import type { Channel, Priority } from "@parley/contracts";
import { IconArrowsSort, IconCheck, IconSearch } from "@tabler/icons-react";
import { useEffect, useRef, useState } from "react";
import { CHANNEL_OPTIONS, ChannelIcon } from "../../../ui/channels";
import { PRIORITY_OPTIONS } from "../../../ui/PriorityBadge";
import classes from "../inbox.module.css";
import type { ConversationSort } from "../queries";
import type { InboxParams } from "../useInboxParams";
import { FilterMenu } from "./FilterMenu";

const SORT_LABELS: Record<ConversationSort, string> = {
  priority: "Priority",
  newest: "Newest",
  oldest: "Oldest",
};
const CHANNEL_FILTER = CHANNEL_OPTIONS.map((o) => ({
  ...o,
  icon: <ChannelIcon channel={o.value} size={18} decorative />,
}));

function SearchBox({ value, onChange }: { value: string; onChange: (q: string) => void }) {
  const [text, setText] = useState(value);
  const input = useRef<HTMLInputElement>(null);
  const commit = useDebouncedCallback(onChange, 300);
  useEffect(() => setText(value), [value]);
  useHotkeys([["/", () => input.current?.focus()]]);

  return (
    <TextInput
      ref={input}
      className={classes.search}
      size="xs"
      placeholder="Search subject or message"
      aria-label="Search conversations"
      leftSection={<IconSearch size={14} stroke={1.8} aria-hidden />}
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
        ) : null
      }
      value={text}
      onChange={(event) => {
        setText(event.currentTarget.value);
        commit(event.currentTarget.value);
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
          className={classes.sortButton}
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

export function ListToolbar({ params, summary }: { params: InboxParams; summary: string }) {
  const urgentView = Boolean(params.view.query.priority);
  return (
    <div className={classes.toolbar}>
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Group gap={8} wrap="nowrap" miw={0}>
          <Text component="h2" fw={650} size="md" truncate>
            {params.view.label}
          </Text>
          <Text size="xs" c="dimmed" aria-live="polite">
            {summary}
          </Text>
        </Group>
        <SortMenu
          value={params.sort}
          onChange={(sort) => params.set({ sort: sort === "priority" ? null : sort })}
        />
      </Group>
      <SearchBox value={params.q} onChange={(q) => params.set({ q })} />
      <Group gap={6}>
        <FilterMenu<Channel>
          label="Channel"
          options={CHANNEL_FILTER}
          value={params.channels}
          onChange={(value) => params.set({ channel: value.join(",") })}
        />
        <FilterMenu<Priority>
          label="Priority"
          options={PRIORITY_OPTIONS}
          value={urgentView ? ["urgent"] : params.priorities}
          onChange={(value) => params.set({ priority: value.join(",") })}
          disabledReason={urgentView ? "This view shows urgent conversations only" : undefined}
        />
        {params.hasFilters ? (
          <UnstyledButton
            className={classes.clearFilters}
            onClick={() => params.set({ channel: null, priority: null, q: null })}
          >
            Clear all
          </UnstyledButton>
        ) : null}
      </Group>
    </div>
  );
}
