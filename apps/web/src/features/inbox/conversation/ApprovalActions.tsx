import { Button, Group, Popover, Stack, Textarea } from "@mantine/core";
import type { Message } from "@parley/contracts";
import { IconCheck, IconX } from "@tabler/icons-react";
import { useState } from "react";
import { errorMessage } from "../../../app/api";
import { useCan, useCurrentMe } from "../../../app/auth";
import { notify } from "./notify";
import { useDecideApproval } from "./queries";

/** Approve or reject a reply waiting for approval (SPEC W5), for those who may decide. */
export function ApprovalActions({ message: m }: { message: Message }) {
  const me = useCurrentMe();
  const canDecide = useCan("approvals:decide");
  const decide = useDecideApproval(m.conversation_id);
  const [comment, setComment] = useState("");
  const [rejecting, setRejecting] = useState(false);
  // The server refuses an author deciding on their own reply unless they are an admin.
  const own = m.author.id !== null && m.author.id === me.user?.id && me.role !== "admin";
  if (!canDecide || own || m.delivery_status !== "awaiting_approval") return null;

  const run = (decision: "approve" | "reject") =>
    decide.mutate(
      { messageId: m.id, decision, ...(decision === "reject" ? { comment: comment.trim() } : {}) },
      {
        onSuccess: () => {
          setRejecting(false);
          notify({
            color: "teal",
            message:
              decision === "approve"
                ? "Approved: the reply is being sent"
                : "Rejected: the author sees your comment",
          });
        },
        onError: (e) => notify({ color: "red", title: "Could not decide", message: errorMessage(e) }),
      },
    );

  return (
    <Group gap={6} wrap="nowrap">
      <Button
        size="compact-xs"
        color="teal"
        leftSection={<IconCheck size={12} aria-hidden />}
        loading={decide.isPending && !rejecting}
        onClick={() => run("approve")}
        aria-label={`Approve reply by ${m.author.name}`}
      >
        Approve
      </Button>
      <Popover
        opened={rejecting}
        onChange={setRejecting}
        width={280}
        position="bottom-end"
        trapFocus
        withArrow
      >
        <Popover.Target>
          <Button
            size="compact-xs"
            variant="light"
            color="red"
            leftSection={<IconX size={12} aria-hidden />}
            onClick={() => setRejecting((o) => !o)}
            aria-label={`Reject reply by ${m.author.name}`}
          >
            Reject
          </Button>
        </Popover.Target>
        <Popover.Dropdown>
          <Stack gap="xs">
            <Textarea
              label="Why? The author sees this"
              size="xs"
              autosize
              minRows={2}
              value={comment}
              onChange={(e) => setComment(e.currentTarget.value)}
              data-autofocus
            />
            <Button
              size="xs"
              color="red"
              disabled={!comment.trim()}
              loading={decide.isPending}
              onClick={() => run("reject")}
            >
              Reject reply
            </Button>
          </Stack>
        </Popover.Dropdown>
      </Popover>
    </Group>
  );
}
