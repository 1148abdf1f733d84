import { ActionIcon, Button, Group, Menu, Tooltip } from "@mantine/core";
import {
  type Conversation,
  type Message,
  PRIORITIES,
  type Priority,
  type Team,
  type User,
} from "@parley/contracts";
import {
  IconBan,
  IconCheck,
  IconChevronDown,
  IconCircleCheck,
  IconClockPause,
  IconFlag,
  IconRotate,
} from "@tabler/icons-react";
import { errorMessage } from "../../../app/api";
import { useCan } from "../../../app/auth";
import { PriorityBadge, priorityLabel } from "../../../ui/PriorityBadge";
import { AssignMenu } from "./AssignMenu";
import { notify } from "./notify";
import {
  type ConversationChange,
  useMarkConversationSpam,
  useResolveConversation,
  useUpdateConversation,
} from "./queries";

const DONE = new Set(["resolved", "closed", "archived", "spam"]);

interface ConversationActionsProps {
  conversation: Conversation;
  messages: readonly Message[];
  users: User[];
  teams: Team[];
  assignOpen: boolean;
  onAssignOpen: (opened: boolean) => void;
  onEscalate: () => void;
}

const fail = (title: string) => (e: unknown) => notify({ color: "red", title, message: errorMessage(e) });

/** Status, assignment, priority, escalation and spam: the pane's toolbar (SPEC A2). */
export function ConversationActions(p: ConversationActionsProps) {
  const c = p.conversation;
  const canUpdate = useCan("conversations:update");
  const canClassify = useCan("messages:classify");
  const update = useUpdateConversation(c.id);
  const resolve = useResolveConversation(c.id);
  const spam = useMarkConversationSpam(c.id);
  const change = (body: ConversationChange, done?: string) =>
    update.mutate(body, {
      onSuccess: () => (done ? notify({ color: "teal", message: done }) : undefined),
      onError: fail("Could not update the conversation"),
    });
  const onResolve = () =>
    resolve.mutate(undefined, {
      onSuccess: (r) =>
        notify(
          r.close_loop
            ? {
                color: "yellow",
                title: "Resolved: close the loop in public",
                message: r.close_loop.message,
                autoClose: 10_000,
              }
            : { color: "teal", message: "Resolved" },
        ),
      onError: fail("Could not resolve"),
    });
  const firstInbound = p.messages.find((m) => m.direction === "inbound");
  const isSpam = c.status === "spam";

  if (!canUpdate) return null;
  return (
    <Group gap={6} wrap="wrap">
      {DONE.has(c.status) ? (
        <Button
          size="compact-sm"
          variant="default"
          leftSection={<IconRotate size={14} aria-hidden />}
          loading={update.isPending}
          onClick={() => change({ status: "open" }, "Reopened")}
        >
          Reopen
        </Button>
      ) : (
        <>
          <Tooltip label="Resolve (e)">
            <Button
              size="compact-sm"
              color="teal.9"
              leftSection={<IconCircleCheck size={14} aria-hidden />}
              loading={resolve.isPending}
              onClick={onResolve}
            >
              Resolve
            </Button>
          </Tooltip>
          {c.status !== "pending" ? (
            <Tooltip label="Waiting on the customer">
              <Button
                size="compact-sm"
                variant="default"
                leftSection={<IconClockPause size={14} aria-hidden />}
                onClick={() => change({ status: "pending" }, "Marked pending")}
              >
                Pending
              </Button>
            </Tooltip>
          ) : (
            <Button size="compact-sm" variant="default" onClick={() => change({ status: "open" })}>
              Mark open
            </Button>
          )}
        </>
      )}
      <AssignMenu
        conversation={c}
        users={p.users}
        teams={p.teams}
        opened={p.assignOpen}
        onOpenChange={p.onAssignOpen}
        onChange={(body) => change(body)}
      />
      <PriorityMenu priority={c.priority} onChange={(priority) => change({ priority })} />
      <Button
        size="compact-sm"
        variant="default"
        leftSection={<IconFlag size={14} aria-hidden />}
        onClick={p.onEscalate}
      >
        Escalate
      </Button>
      {canClassify && firstInbound ? (
        <SpamToggle
          isSpam={isSpam}
          loading={spam.isPending}
          onToggle={() =>
            spam.mutate({ messageId: firstInbound.id, spam: !isSpam }, { onError: fail("Could not mark") })
          }
        />
      ) : null}
    </Group>
  );
}

function PriorityMenu({ priority, onChange }: { priority: Priority; onChange: (p: Priority) => void }) {
  return (
    <Menu position="bottom-start" width={160}>
      <Menu.Target>
        <Button
          size="compact-sm"
          variant="default"
          rightSection={<IconChevronDown size={12} aria-hidden />}
          aria-label={`Priority ${priorityLabel(priority)}. Change priority`}
        >
          <PriorityBadge priority={priority} />
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>Priority</Menu.Label>
        {PRIORITIES.map((value) => (
          <Menu.Item
            key={value}
            onClick={() => onChange(value)}
            rightSection={value === priority ? <IconCheck size={13} aria-hidden /> : null}
          >
            <PriorityBadge priority={value} />
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}

/** In the spam folder "Not spam" is the main way out, so it is spelled out; elsewhere an icon will do. */
function SpamToggle({
  isSpam,
  loading,
  onToggle,
}: {
  isSpam: boolean;
  loading: boolean;
  onToggle: () => void;
}) {
  if (isSpam)
    return (
      <Tooltip label="Not spam: back to the inbox, and the filter learns">
        <Button
          size="compact-sm"
          variant="light"
          color="teal"
          leftSection={<IconCheck size={14} aria-hidden />}
          loading={loading}
          onClick={onToggle}
        >
          Not spam
        </Button>
      </Tooltip>
    );
  return (
    <Tooltip label="Spam: the filter learns from it">
      <ActionIcon aria-label="Mark as spam" loading={loading} onClick={onToggle}>
        <IconBan size={16} />
      </ActionIcon>
    </Tooltip>
  );
}
