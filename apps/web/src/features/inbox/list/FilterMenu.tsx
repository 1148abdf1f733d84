import { Button, Checkbox, Group, Popover, ScrollArea, Stack, Text, Tooltip } from "@mantine/core";
import { IconChevronDown } from "@tabler/icons-react";
import type { ReactNode } from "react";

export interface FilterOption<T extends string> {
  value: T;
  label: string;
  icon?: ReactNode;
}

interface FilterMenuProps<T extends string> {
  label: string;
  options: FilterOption<T>[];
  value: T[];
  onChange: (value: T[]) => void;
  disabledReason?: string;
  /** Only one value at a time (the API takes one): picking another replaces it. */
  single?: boolean;
}

/** A compact multi-select: a button that names the active choice and opens a checklist. */
export function FilterMenu<T extends string>({
  label,
  options,
  value,
  onChange,
  disabledReason,
  single = false,
}: FilterMenuProps<T>) {
  const change = (next: T[]) => onChange(single ? next.filter((v) => !value.includes(v)).slice(-1) : next);
  const first = options.find((o) => o.value === value[0]);
  const summary =
    value.length === 0 ? label : value.length === 1 ? first?.label : `${label} · ${value.length}`;

  const button = (
    <Button
      variant={value.length > 0 ? "light" : "default"}
      size="compact-sm"
      fw={500}
      rightSection={<IconChevronDown size={12} stroke={2} aria-hidden />}
      disabled={Boolean(disabledReason)}
      aria-label={`Filter by ${label.toLowerCase()}${value.length ? `: ${summary}` : ""}`}
    >
      {summary}
    </Button>
  );
  if (disabledReason) return <Tooltip label={disabledReason}>{button}</Tooltip>;

  return (
    <Popover position="bottom-start" shadow="md" radius="md" width={220} trapFocus>
      <Popover.Target>{button}</Popover.Target>
      <Popover.Dropdown p="xs">
        <Checkbox.Group value={value} onChange={(next) => change(next as T[])} aria-label={label}>
          <ScrollArea.Autosize mah={280} type="auto">
            <Stack gap={2}>
              {options.map((option) => (
                <Checkbox
                  key={option.value}
                  value={option.value}
                  size="xs"
                  radius="sm"
                  px={6}
                  py={5}
                  label={
                    <Group gap={8} wrap="nowrap">
                      {option.icon}
                      <Text size="sm">{option.label}</Text>
                    </Group>
                  }
                />
              ))}
            </Stack>
          </ScrollArea.Autosize>
        </Checkbox.Group>
        {value.length > 0 ? (
          <Button
            variant="subtle"
            color="gray"
            size="compact-xs"
            mt={6}
            fullWidth
            onClick={() => onChange([])}
          >
            Clear
          </Button>
        ) : null}
      </Popover.Dropdown>
    </Popover>
  );
}
