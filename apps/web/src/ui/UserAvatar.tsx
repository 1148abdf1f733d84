import { Avatar, type AvatarProps, Tooltip } from "@mantine/core";

export function initials(name: string): string {
  const words = name
    .trim()
    .split(/[\s._@-]+/)
    .filter(Boolean);
  const first = words[0]?.[0] ?? "?";
  const last = words.length > 1 ? (words[words.length - 1]?.[0] ?? "") : "";
  return `${first}${last}`.toUpperCase();
}

// Only hues whose light variant keeps initials at 4.5:1 contrast (teal and orange did not).
const AVATAR_COLORS = ["accent", "blue", "grape", "cyan", "violet", "pink", "indigo"];

interface UserAvatarProps extends AvatarProps {
  name: string;
  withTooltip?: boolean;
}

/** Initials in a tinted circle; the colour is derived from the name so a person keeps theirs. */
export function UserAvatar({ name, withTooltip = false, size = 24, ...props }: UserAvatarProps) {
  const avatar = (
    <Avatar
      name={name}
      color="initials"
      allowedInitialsColors={AVATAR_COLORS}
      size={size}
      radius="xl"
      {...props}
    >
      {initials(name)}
    </Avatar>
  );
  return withTooltip ? <Tooltip label={name}>{avatar}</Tooltip> : avatar;
}
