import { Group, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import classes from "./ui.module.css";

interface PageProps {
  title: string;
  description?: string;
  actions?: ReactNode;
  children: ReactNode;
}

/** A scrolling page inside the app layout with a title row. */
export function Page({ title, description, actions, children }: PageProps) {
  return (
    <div className={classes.page}>
      <div className={classes.pageInner}>
        <Group justify="space-between" align="flex-end" mb="lg" wrap="nowrap">
          <div>
            <Title order={1}>{title}</Title>
            {description ? (
              <Text size="sm" c="dimmed" mt={4}>
                {description}
              </Text>
            ) : null}
          </div>
          {actions}
        </Group>
        {children}
      </div>
    </div>
  );
}
