import { Checkbox, Combobox, Group, Input, InputBase, Text, useCombobox } from "@mantine/core";
import { CHANNELS, type Channel } from "@parley/contracts";
import { CHANNEL_META, ChannelIcon } from "../../ui/channels";

interface ChannelPickerProps {
  value: Channel[];
  onChange: (value: Channel[]) => void;
  w: number;
}

/** Several channels in a field as tall as the other filters: it names the choice instead of growing pills. */
export function ChannelPicker({ value, onChange, w }: ChannelPickerProps) {
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });
  const first = value[0];
  const summary =
    value.length === 0
      ? null
      : value.length === 1 && first
        ? CHANNEL_META[first].label
        : `${value.length} channels`;
  const toggle = (channel: Channel) =>
    onChange(value.includes(channel) ? value.filter((c) => c !== channel) : [...value, channel]);

  return (
    <Combobox
      store={combobox}
      onOptionSubmit={(v) => toggle(v as Channel)}
      width={210}
      position="bottom-start"
    >
      <Combobox.Target>
        <InputBase
          component="button"
          type="button"
          pointer
          w={w}
          aria-label={`Channels${summary ? `: ${summary}` : ""}`}
          rightSection={
            value.length ? (
              <Combobox.ClearButton onClear={() => onChange([])} aria-label="Clear channels" />
            ) : (
              <Combobox.Chevron />
            )
          }
          rightSectionPointerEvents={value.length ? "all" : "none"}
          onClick={() => combobox.toggleDropdown()}
        >
          {summary ?? <Input.Placeholder>All channels</Input.Placeholder>}
        </InputBase>
      </Combobox.Target>
      <Combobox.Dropdown>
        <Combobox.Options>
          {CHANNELS.map((channel) => (
            <Combobox.Option value={channel} key={channel} active={value.includes(channel)}>
              <Group gap="xs" wrap="nowrap">
                <Checkbox
                  checked={value.includes(channel)}
                  onChange={() => {}}
                  tabIndex={-1}
                  size="xs"
                  aria-hidden
                  style={{ pointerEvents: "none" }}
                />
                <ChannelIcon channel={channel} size={18} decorative />
                <Text size="sm">{CHANNEL_META[channel].label}</Text>
              </Group>
            </Combobox.Option>
          ))}
        </Combobox.Options>
      </Combobox.Dropdown>
    </Combobox>
  );
}
