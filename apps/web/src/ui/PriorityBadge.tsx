import { Badge, type BadgeProps, List, Stack, Text, Tooltip } from "@mantine/core";
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

export function priorityLabel(priority: Priority): string {
  return STYLE[priority].label;
}

interface PriorityBadgeProps extends BadgeProps {
  priority: Priority;
  /** With the reasons, hovering or focusing the badge explains the rank ("why"). */
  reasons?: string[];
  score?: number;
}

function Why({ priority, reasons, score }: { priority: Priority; reasons: string[]; score?: number }) {
  return (
    <Stack gap={4} maw={280}>
      <Text size="xs" fw={650}>
        {STYLE[priority].label} priority{score === undefined ? "" : ` · score ${score}/100`}
      </Text>
      {reasons.length > 0 ? (
        <List size="xs" spacing={2} withPadding={false} styles={{ item: { color: "inherit" } }}>
          {reasons.map((reason) => (
            <List.Item key={reason}>{reason}</List.Item>
          ))}
        </List>
      ) : (
        <Text size="xs">No rule or signal raised it.</Text>
      )}
    </Stack>
  );
}

export function PriorityBadge({ priority, reasons, score, ...props }: PriorityBadgeProps) {
  const { label, color, variant } = STYLE[priority];
  const badge = (
    <Badge color={color} variant={variant} {...props}>
      {label}
    </Badge>
  );
  if (!reasons) return badge;
  const why = reasons.length ? `${label} priority: ${reasons.join("; ")}` : `${label} priority`;
  return (
    <Tooltip label={<Why priority={priority} reasons={reasons} score={score} />} multiline withArrow>
      <Badge color={color} variant={variant} tabIndex={-1} aria-label={why} data-priority-badge="" {...props}>
        {label}
      </Badge>
    </Tooltip>
  );
}
