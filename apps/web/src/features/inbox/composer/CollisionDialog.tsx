import { Alert, Button, Group, Modal, Text } from "@mantine/core";
import { IconUsers } from "@tabler/icons-react";
import { formatFull } from "../../../ui/time";
import { UserAvatar } from "../../../ui/UserAvatar";
import { VisibilityBadge } from "../../../ui/VisibilityBadges";
import classes from "./composer.module.css";

/** The reply another agent sent after what this agent last saw (the 409 reply-conflict problem). */
export interface ConflictingReply {
  id: string;
  author: { id: string | null; name: string };
  text: string;
  visibility: "public" | "private";
  created_at: string;
}

/** Reads `conflicting_message` from a reply-conflict problem body, defensively. */
export function conflictingReplyOf(problem: Record<string, unknown>): ConflictingReply | null {
  const m = problem.conflicting_message as Partial<ConflictingReply> | undefined;
  if (!m || typeof m.text !== "string" || typeof m.author?.name !== "string") return null;
  return {
    id: String(m.id ?? ""),
    author: { id: m.author.id ?? null, name: m.author.name },
    text: m.text,
    visibility: m.visibility === "private" ? "private" : "public",
    created_at: typeof m.created_at === "string" ? m.created_at : new Date().toISOString(),
  };
}

interface CollisionDialogProps {
  reply: ConflictingReply | null;
  sending: boolean;
  onSendAnyway: () => void;
  onEdit: () => void;
  onDiscard: () => void;
}

/** A conversation is never answered twice by accident: show what was sent, then let the agent decide. */
export function CollisionDialog({ reply, sending, onSendAnyway, onEdit, onDiscard }: CollisionDialogProps) {
  return (
    <Modal opened={reply !== null} onClose={onEdit} title="Someone already replied" size="lg">
      {reply ? (
        <>
          <Alert color="orange" variant="light" icon={<IconUsers size={16} />} mb="md">
            {reply.author.name} answered this conversation after you opened it. Read their reply before you
            send yours.
          </Alert>
          <div className={classes.conflictReply}>
            <Group gap={8} mb={6} wrap="nowrap">
              <UserAvatar name={reply.author.name} size={22} />
              <Text size="sm" fw={650}>
                {reply.author.name}
              </Text>
              <VisibilityBadge visibility={reply.visibility} />
              <Text size="xs" c="dimmed">
                {formatFull(reply.created_at)}
              </Text>
            </Group>
            <Text size="sm" className={classes.conflictText}>
              {reply.text}
            </Text>
          </div>
          <Group justify="flex-end" mt="lg" gap="sm">
            <Button variant="subtle" color="red" onClick={onDiscard}>
              Discard
            </Button>
            <Button variant="default" onClick={onEdit} data-autofocus>
              Edit
            </Button>
            <Button color="orange" onClick={onSendAnyway} loading={sending}>
              Send anyway
            </Button>
          </Group>
        </>
      ) : null}
    </Modal>
  );
}
