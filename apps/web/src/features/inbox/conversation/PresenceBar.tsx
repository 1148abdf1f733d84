import { Group, Text, Tooltip } from "@mantine/core";
import type { PresenceEntry } from "@parley/contracts";
import { IconEye } from "@tabler/icons-react";
import { useCurrentMe } from "../../../app/auth";
import { usePresence } from "../../../app/live";
import { UserAvatar } from "../../../ui/UserAvatar";
import classes from "./conversation.module.css";

const KIND_WORDS = { public: "a public reply", private: "a private reply", note: "a note" } as const;

/** Everyone else in this conversation right now (the server's list includes this tab's user). */
export function useOtherViewers(conversationId: string): PresenceEntry[] {
  const me = useCurrentMe();
  return usePresence(conversationId).filter((v) => v.user_id !== me.user?.id);
}

/** "Also here: Lee Lead, Sam" with avatars; typing people get a pulsing ring. */
export function PresenceBar({ conversationId }: { conversationId: string }) {
  const others = useOtherViewers(conversationId);
  if (others.length === 0) return null;
  return (
    <Group
      gap={6}
      wrap="nowrap"
      className={classes.presence}
      aria-label="Also viewing this conversation"
      role="group"
    >
      <IconEye size={14} aria-hidden color="var(--mantine-color-gray-5)" />
      {others.map((v) => (
        <Tooltip
          key={v.user_id}
          label={
            v.typing ? `${v.name} is typing ${KIND_WORDS[v.typing_kind ?? "public"]}` : `${v.name} is viewing`
          }
        >
          <Group gap={4} wrap="nowrap" className={classes.viewer} data-typing={v.typing || undefined}>
            <UserAvatar name={v.name} size={20} />
            <Text size="xs" fw={550} truncate maw={120}>
              {v.name}
            </Text>
          </Group>
        </Tooltip>
      ))}
    </Group>
  );
}

/** "Sam is typing a public reply…" just above the composer, where it matters. */
export function TypingIndicator({ conversationId }: { conversationId: string }) {
  const typing = useOtherViewers(conversationId).filter((v) => v.typing);
  const text =
    typing.length === 0
      ? ""
      : typing.length === 1 && typing[0]
        ? `${typing[0].name} is typing ${KIND_WORDS[typing[0].typing_kind ?? "public"]}…`
        : `${typing.map((v) => v.name).join(", ")} are typing…`;
  return (
    <div className={classes.typing} aria-live="polite">
      {text ? (
        <>
          <span className={classes.typingDots} aria-hidden>
            <span />
            <span />
            <span />
          </span>
          {text}
        </>
      ) : null}
    </div>
  );
}
