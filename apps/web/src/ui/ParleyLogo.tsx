import { Group, Text } from "@mantine/core";

/** The Parley mark: two overlapping speech bubbles, one answering the other. */
export function ParleyMark({ size = 28 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" role="img" aria-label="Parley">
      <rect width="32" height="32" rx="8" fill="var(--mantine-color-accent-6)" />
      <path
        d="M8 9.5A2.5 2.5 0 0 1 10.5 7h9A2.5 2.5 0 0 1 22 9.5v6a2.5 2.5 0 0 1-2.5 2.5H14l-4 3.5V18A2 2 0 0 1 8 16V9.5z"
        fill="#fff"
      />
      <path
        d="M24 12.5h.5A2.5 2.5 0 0 1 27 15v5.5a2 2 0 0 1-2 2V25l-3.6-2.5H17a2.5 2.5 0 0 1-2.5-2.5v-.5H20a4 4 0 0 0 4-4v-3z"
        fill="#fff"
        fillOpacity="0.55"
      />
    </svg>
  );
}

export function ParleyLogo({ size = 28, withWordmark = true }: { size?: number; withWordmark?: boolean }) {
  return (
    <Group gap={8} wrap="nowrap" align="center">
      <ParleyMark size={size} />
      {withWordmark ? (
        <Text
          component="span"
          fw={700}
          fz={size * 0.68}
          lh={1}
          style={{ letterSpacing: "-0.02em" }}
          c="gray.9"
        >
          Parley
        </Text>
      ) : null}
    </Group>
  );
}
