import { Group, Text, Tooltip } from "@mantine/core";
import { Dot } from "../ui/Dot";
import { type LiveStatus, useLiveStatus } from "./live";

const META: Record<LiveStatus, { label: string; hint: string; color: string }> = {
  open: {
    label: "Live",
    hint: "Connected: new conversations and changes appear as they happen",
    color: "var(--mantine-color-teal-6)",
  },
  connecting: {
    label: "Connecting",
    hint: "Connecting to live updates…",
    color: "var(--mantine-color-yellow-6)",
  },
  closed: {
    label: "Offline",
    hint: "Live updates are down; reconnecting. The inbox refreshes every 15 seconds meanwhile.",
    color: "var(--mantine-color-red-6)",
  },
};

/** A small status light in the header for the live channel. */
export function LiveIndicator() {
  const status = useLiveStatus();
  const { label, hint, color } = META[status];
  return (
    <Tooltip label={hint} multiline w={240}>
      <Group gap={6} wrap="nowrap" role="status" aria-label={`Live updates: ${label}`} tabIndex={0}>
        <Dot color={color} />
        <Text size="xs" c="dimmed" fw={550}>
          {label}
        </Text>
      </Group>
    </Tooltip>
  );
}
