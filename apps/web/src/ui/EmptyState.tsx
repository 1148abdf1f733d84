import { EmptyState as MantineEmptyState } from "@mantine/core";
import type { ReactNode } from "react";

interface EmptyStateProps {
  icon: ReactNode;
  title: string;
  description?: ReactNode;
  action?: ReactNode;
  compact?: boolean;
}

/** A centred, quiet explanation of why there is nothing to show, and what would change that. */
export function EmptyState({ icon, title, description, action, compact = false }: EmptyStateProps) {
  return (
    <MantineEmptyState
      icon={icon}
      title={title}
      description={description}
      size={compact ? "xs" : "sm"}
      withIndicatorBackground
      py={compact ? "lg" : 56}
      px="lg"
      maw={420}
      mx="auto"
    >
      {action ? <MantineEmptyState.Actions>{action}</MantineEmptyState.Actions> : null}
    </MantineEmptyState>
  );
}
