import { Badge, type BadgeProps } from "@mantine/core";
import type { Priority } from "@parley/contracts";

const STYLE: Record<Priority, { label: string; color: string; variant: BadgeProps["variant"] }> = {
  urgent: { label: "Urgent", color: "red", variant: "filled" },
  high: { label: "High", color: "orange", variant: "light" },
  normal: { label: "Normal", color: "gray", variant: "light" },
  low: { label: "Low", color: "gray", variant: "outline" },
};

export const PRIORITY_OPTIONS = (Object.keys(STYLE) as Priority[]).map((value) => ({
  value,
  label: STYLE[value].label,
}));

export function PriorityBadge({ priority, ...props }: { priority: Priority } & BadgeProps) {
  const { label, color, variant } = STYLE[priority];
  return (
    <Badge color={color} variant={variant} {...props}>
      {label}
    </Badge>
  );
}
