import { Badge } from "@mantine/core";
import type { ConversationStatus } from "@parley/contracts";

const STATUS: Record<ConversationStatus, { label: string; color: string }> = {
  new: { label: "New", color: "accent" },
  open: { label: "Open", color: "blue" },
  pending: { label: "Pending", color: "yellow" },
  on_hold: { label: "On hold", color: "gray" },
  escalated: { label: "Escalated", color: "grape" },
  resolved: { label: "Resolved", color: "teal" },
  closed: { label: "Closed", color: "gray" },
  archived: { label: "No response needed", color: "gray" },
  spam: { label: "Spam", color: "red" },
};

export function statusLabel(status: ConversationStatus): string {
  return STATUS[status].label;
}

export function StatusBadge({ status }: { status: ConversationStatus }) {
  const { label, color } = STATUS[status];
  return (
    <Badge color={color} variant="dot">
      {label}
    </Badge>
  );
}
