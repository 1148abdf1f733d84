import { Badge, Group, Tooltip } from "@mantine/core";
import type { Visibility } from "@parley/contracts";
import { IconLock, IconWorld } from "@tabler/icons-react";

const META: Record<Visibility, { label: string; hint: string; color: string; Icon: typeof IconLock }> = {
  public: { label: "Public", hint: "Visible to everyone on the network", color: "gray", Icon: IconWorld },
  private: { label: "Private", hint: "Direct message, email or chat", color: "violet", Icon: IconLock },
};

export function VisibilityBadge({ visibility }: { visibility: Visibility }) {
  const { label, hint, color, Icon } = META[visibility];
  return (
    <Tooltip label={hint}>
      <Badge color={color} variant="light" leftSection={<Icon size={11} stroke={2} aria-hidden />}>
        {label}
      </Badge>
    </Tooltip>
  );
}

/** Which sides of the conversation exist: public posts, private messages, or both. */
export function VisibilityBadges({ hasPublic, hasPrivate }: { hasPublic: boolean; hasPrivate: boolean }) {
  if (!hasPublic && !hasPrivate) return null;
  return (
    <Group gap={4} wrap="nowrap">
      {hasPublic ? <VisibilityBadge visibility="public" /> : null}
      {hasPrivate ? <VisibilityBadge visibility="private" /> : null}
    </Group>
  );
}
