import { Avatar, Group, Tooltip } from "@mantine/core";
import { IconEye, IconPencil } from "@tabler/icons-react";
import { usePresence } from "../../../app/live";
import { UserAvatar } from "../../../ui/UserAvatar";
import classes from "./list.module.css";

function describe(viewers: { name: string; typing: boolean }[]): string {
  const names = viewers.map((v) => v.name).join(", ");
  const typing = viewers.filter((v) => v.typing).map((v) => v.name);
  return typing.length ? `Viewed by ${names}; ${typing.join(", ")} typing` : `Being viewed by ${names}`;
}

/** "Being viewed by" from live presence: other agents in this conversation right now. */
export function RowPresence({ conversationId, meId }: { conversationId: string; meId: string | null }) {
  const viewers = usePresence(conversationId).filter((v) => v.user_id !== meId);
  if (viewers.length === 0) return null;
  const label = describe(viewers);
  const typing = viewers.some((v) => v.typing);
  return (
    <Tooltip label={label}>
      <Group
        gap={3}
        wrap="nowrap"
        className={classes.presence}
        role="img"
        aria-label={label}
        data-typing={typing || undefined}
      >
        {typing ? (
          <IconPencil size={12} stroke={2} aria-hidden />
        ) : (
          <IconEye size={12} stroke={2} aria-hidden />
        )}
        <Avatar.Group spacing={6}>
          {viewers.slice(0, 2).map((v) => (
            <UserAvatar key={v.user_id} name={v.name} size={16} aria-hidden />
          ))}
        </Avatar.Group>
      </Group>
    </Tooltip>
  );
}
