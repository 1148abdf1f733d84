import { Button, Group, TextInput } from "@mantine/core";
import { IconPlus, IconSearch } from "@tabler/icons-react";

/** The content lists' header action: a search box, and a create button for those who may. */
export function SearchAndCreate({
  searchLabel,
  value,
  onChange,
  createLabel,
  onCreate,
}: {
  searchLabel: string;
  value: string;
  onChange: (value: string) => void;
  createLabel: string;
  /** Left out for people who may not create. */
  onCreate?: (() => void) | undefined;
}) {
  return (
    <Group gap="xs">
      <TextInput
        size="xs"
        aria-label={searchLabel}
        placeholder={searchLabel}
        leftSection={<IconSearch size={14} aria-hidden />}
        value={value}
        onChange={(e) => onChange(e.currentTarget.value)}
        w={220}
      />
      {onCreate ? (
        <Button leftSection={<IconPlus size={15} aria-hidden />} onClick={onCreate}>
          {createLabel}
        </Button>
      ) : null}
    </Group>
  );
}
