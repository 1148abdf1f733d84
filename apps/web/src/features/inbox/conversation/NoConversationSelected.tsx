import { Center, Stack, Text } from "@mantine/core";
import { IconMessages } from "@tabler/icons-react";

/** The quiet right pane before a conversation is opened. */
export function NoConversationSelected() {
  return (
    <Center h="100%" pb={80}>
      <Stack align="center" gap={8}>
        <IconMessages size={28} stroke={1.4} color="var(--mantine-color-gray-4)" aria-hidden />
        <Text size="sm" c="dimmed">
          Select a conversation to read it here
        </Text>
      </Stack>
    </Center>
  );
}
