import { Badge, Group, ThemeIcon, Tooltip } from "@mantine/core";
import type { Visibility } from "@parley/contracts";
import { IconLock, IconWorld } from "@tabler/icons-react";

const META: Record<Visibility, { label: string; hint: string; color: string; Icon: typeof IconLock }> = {
  public: { label: "Public", hint: "Visible to everyone on the network", color: "gray", Icon: IconWorld },
  private: { label: "Private", hint: "Direct message, email or chat", color: "violet", Icon: IconLock },
};

export function VisibilityBadge({
  visibility,
  compact = false,
}: {
  visibility: Visibility;
  compact?: boolean;
}) {
  const { label, hint, color, Icon } = META[visibility];
  if (compact) {
    return (
      <Tooltip label={`${label}: ${hint.toLowerCase()}`}>
        <ThemeIcon size={18} radius="sm" variant="light" color={color} role="img" aria-label={label}>
          <Icon size={12} stroke={2} aria-hidden />
        </ThemeIcon>
      </Tooltip>
    );
  }
  return (
    <Tooltip label={hint}>
      <Badge color={color} variant="light" leftSection={<Icon size={11} stroke={2} aria-hidden />}>
        {label}
      </Badge>
    </Tooltip>
  );
}

/** Which sides of the conversation exist: public posts, private messages, or both. */
export function VisibilityBadges({
  hasPublic,
  hasPrivate,
  compact = false,
}: {
  hasPublic: boolean;
  hasPrivate: boolean;
  compact?: boolean;
}) {
  if (!hasPublic && !hasPrivate) return null;
  return (
    <Group gap={compact ? 2 : 4} wrap="nowrap">
      {hasPublic ? <VisibilityBadge visibility="public" compact={compact} /> : null}
      {hasPrivate ? <VisibilityBadge visibility="private" compact={compact} /> : null}
    </Group>
  );
}
