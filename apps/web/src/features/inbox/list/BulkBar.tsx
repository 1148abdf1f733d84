import { Button, CloseButton, Group, Menu, Text, TextInput, Tooltip } from "@mantine/core";
import type { BulkAction } from "@parley/contracts";
import { IconBan, IconCheck, IconChevronDown, IconFlag, IconTag, IconUserPlus } from "@tabler/icons-react";
import { useState } from "react";
import { useCan } from "../../../app/auth";
import { PRIORITY_OPTIONS } from "../../../ui/PriorityBadge";
import classes from "./list.module.css";

interface BulkBarProps {
  count: number;
  total: number;
  busy: boolean;
  onRun: (action: BulkAction, label: string) => void;
  onAssign: () => void;
  onSelectAll: () => void;
  onClear: () => void;
}

function TagMenu({ onTag }: { onTag: (tag: string) => void }) {
  const [tag, setTag] = useState("");
  const submit = () => {
    const clean = tag.trim();
    if (clean) onTag(clean);
    setTag("");
  };
  return (
    <Menu position="bottom-start" width={220} trapFocus>
      <Tooltip label="Add a tag">
        <Menu.Target>
          <Button size="compact-sm" variant="default" aria-label="Tag">
            <IconTag size={13} aria-hidden />
          </Button>
        </Menu.Target>
      </Tooltip>
      <Menu.Dropdown p="xs">
        <form
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
        >
          <TextInput
            size="xs"
            label="Add tag"
            placeholder="e.g. outage"
            value={tag}
            onChange={(e) => setTag(e.currentTarget.value)}
            data-autofocus
          />
          <Button type="submit" size="compact-xs" mt={6} fullWidth disabled={!tag.trim()}>
            Add to selected
          </Button>
        </form>
      </Menu.Dropdown>
    </Menu>
  );
}

/** Actions on the selected conversations; failures are reported per conversation by the caller. */
export function BulkBar({ count, total, busy, onRun, onAssign, onSelectAll, onClear }: BulkBarProps) {
  const canUpdate = useCan("conversations:update");
  const canClassify = useCan("messages:classify");
  return (
    <div className={classes.bulkBar} role="toolbar" aria-label={`Bulk actions for ${count} selected`}>
      <CloseButton size="sm" aria-label="Clear selection" onClick={onClear} />
      <Text size="sm" fw={650} style={{ whiteSpace: "nowrap" }} aria-live="polite">
        {count} selected
      </Text>
      {count < total ? (
        <Button size="compact-xs" variant="subtle" onClick={onSelectAll}>
          All {total}
        </Button>
      ) : null}
      <span className={classes.spacer} />
      <Group gap={4} wrap="nowrap">
        <Tooltip label="Assign (a)">
          <Button
            size="compact-sm"
            variant="default"
            leftSection={<IconUserPlus size={13} aria-hidden />}
            onClick={onAssign}
            disabled={busy || !canUpdate}
          >
            Assign
          </Button>
        </Tooltip>
        <Tooltip label="Resolve (e)">
          <Button
            size="compact-sm"
            variant="default"
            leftSection={<IconCheck size={13} aria-hidden />}
            onClick={() => onRun({ type: "status", status: "resolved" }, "Resolved")}
            disabled={busy || !canUpdate}
          >
            Resolve
          </Button>
        </Tooltip>
        <Menu position="bottom-end" width={150}>
          <Menu.Target>
            <Button
              size="compact-sm"
              variant="default"
              aria-label="Set priority"
              disabled={busy || !canUpdate}
              rightSection={<IconChevronDown size={12} aria-hidden />}
            >
              <IconFlag size={13} aria-hidden />
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Label>Set priority</Menu.Label>
            {PRIORITY_OPTIONS.map((o) => (
              <Menu.Item
                key={o.value}
                onClick={() =>
                  onRun({ type: "priority", priority: o.value }, `Priority ${o.label.toLowerCase()}`)
                }
              >
                {o.label}
              </Menu.Item>
            ))}
          </Menu.Dropdown>
        </Menu>
        <TagMenu onTag={(tag) => onRun({ type: "tag", add: [tag] }, `Tagged #${tag}`)} />
        <Tooltip label="Mark spam (the filter learns from it)">
          <Button
            size="compact-sm"
            variant="default"
            color="red"
            aria-label="Mark spam"
            onClick={() => onRun({ type: "spam", spam: true }, "Marked spam")}
            disabled={busy || !canClassify}
          >
            <IconBan size={13} aria-hidden />
          </Button>
        </Tooltip>
      </Group>
    </div>
  );
}
