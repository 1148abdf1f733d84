import { Group, Paper, Text } from "@mantine/core";
import type { ReactNode } from "react";

interface SettingsSectionProps {
  title: string;
  description?: ReactNode;
  action?: ReactNode;
  children: ReactNode;
}

/** A titled block of a settings tab: heading and action above a bordered panel. */
export function SettingsSection({ title, description, action, children }: SettingsSectionProps) {
  return (
    <section aria-label={title}>
      <Group justify="space-between" align="flex-end" mb="sm" wrap="nowrap">
        <div>
          <Text component="h2" fw={650} size="md" m={0}>
            {title}
          </Text>
          {description ? (
            <Text size="sm" c="dimmed" mt={2}>
              {description}
            </Text>
          ) : null}
        </div>
        {action}
      </Group>
      <Paper withBorder radius="md" style={{ overflow: "hidden", borderColor: "var(--parley-border)" }}>
        {children}
      </Paper>
    </section>
  );
}
