import { Alert, CloseButton, Group, Text, Textarea, UnstyledButton } from "@mantine/core";
import type { Conversation, Message } from "@parley/contracts";
import { IconAlertCircle, IconHourglass, IconMessage, IconNote } from "@tabler/icons-react";
import { forwardRef, type KeyboardEvent, useImperativeHandle, useMemo, useRef, useState } from "react";
import { useNow } from "../../../ui/time";
import { ActivityZone } from "../conversation/ActivityZone";
import { newestMessageId } from "../conversation/timeline";
import { useActivityKind } from "../conversation/useActivityHeartbeat";
import { CollisionDialog } from "./CollisionDialog";
import { ComposerFooter } from "./ComposerFooter";
import { defaultVisibility, replyCapability } from "./capability";
import classes from "./composer.module.css";
import { countCharacters, type ReplyVisibility } from "./counter";
import { useTypingSignal } from "./presence";
import { SensitiveWarning } from "./SensitiveWarning";
import { SlashMenu, slashOptionId } from "./SlashMenu";
import { detectSensitive } from "./sensitive";
import { useDraft, useDraftBase } from "./useDraft";
import { useSend } from "./useSend";
import { useSlash } from "./useSlash";
import { useReplyVisibility } from "./visibility";

export type ComposerTarget = "public" | "private" | "note";
export interface ComposerHandle {
  /** r, p and n: focus the composer for a public reply, a private reply or a note. */
  focus: (target: ComposerTarget) => void;
  /** `/`: start a template search at the end of the reply. */
  openSlash: () => void;
}

interface ComposerProps {
  conversation: Conversation;
  messages: readonly Message[];
  /** False until the first page of messages has arrived: no side is offered before. */
  messagesLoaded: boolean;
}

function lastInboundVisibility(messages: readonly Message[]): ReplyVisibility | null {
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i];
    if (m?.direction === "inbound") return m.visibility;
  }
  return null;
}

/** SPEC A3: public or private reply in the conversation's channel, or an internal note. */
export const Composer = forwardRef<ComposerHandle, ComposerProps>(function Composer(
  { conversation: c, messages, messagesLoaded },
  ref,
) {
  const now = useNow(60_000);
  const capability = useMemo(
    () => replyCapability({ channel: c.channel, messages, now }),
    [c.channel, messages, now],
  );
  const [mode, setMode] = useState<"reply" | "note">("reply");
  // Decided once per conversation (never re-derived on a refetch): the agent's choice is what is sent.
  const [settled, setVisibility] = useReplyVisibility(
    c.id,
    messagesLoaded ? defaultVisibility(capability, lastInboundVisibility(messages)) : null,
  );
  const visibility: ReplyVisibility = settled ?? "public";
  const [reply, setReply] = useDraft(`${c.id}:reply`);
  const [note, setNote] = useDraft(`${c.id}:note`);
  const text = mode === "note" ? note : reply;
  const setText = mode === "note" ? setNote : setReply;
  const [allowSensitive, setAllowSensitive] = useState(false);
  const [requestApproval, setRequestApproval] = useState(false);
  const area = useRef<HTMLTextAreaElement>(null);
  const typing = useTypingSignal(c.id);
  const activityKind = useActivityKind();
  const draftBase = useDraftBase(`${c.id}:reply`, reply, newestMessageId(messages));
  const sender = useSend(c.id, (sentMode) => {
    (sentMode === "note" ? setNote : setReply)("");
    setAllowSensitive(false);
    typing.stop();
  });

  const slash = useSlash(c.id, text, setText, area);
  const count = countCharacters(c.channel, visibility, text);
  const sensitive = mode === "reply" && settled === "public" ? detectSensitive(text) : [];
  const blockedSide = visibility === "public" ? capability.publicBlocked : capability.privateBlocked;

  useImperativeHandle(ref, () => ({
    focus: (target) => {
      setMode(target === "note" ? "note" : "reply");
      const blocked = target === "public" ? capability.publicBlocked : capability.privateBlocked;
      if (target !== "note" && !blocked) setVisibility(target);
      requestAnimationFrame(() => area.current?.focus());
    },
    openSlash: () => {
      setMode("reply");
      setReply(slash.start(reply));
      requestAnimationFrame(() => area.current?.focus());
    },
  }));

  const sendBlocked = !text.trim()
    ? "Write something first"
    : mode === "reply" && settled === null
      ? "Loading the conversation…"
      : mode === "note"
        ? null
        : (blockedSide ??
          (count.over ? `Too long for ${c.channel}: ${count.used} of ${count.max}` : null) ??
          (sensitive.length > 0 && !allowSensitive
            ? "Move it to private, or confirm posting the personal data in public"
            : null));
  const send = (force = false) => {
    if (sendBlocked || sender.sending) return;
    const seenMessageId = draftBase.base();
    sender.send({ mode, text, visibility, allowSensitive, requestApproval, seenMessageId }, force);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (slash.onKey(e)) return;
    if (e.key === "Enter" && (e.metaKey || e.ctrlKey)) {
      e.preventDefault();
      send();
    } else if (e.key === "Escape") {
      e.preventDefault();
      e.currentTarget.blur();
    }
  };
  return (
    <section className={classes.composer} data-mode={mode} data-visibility={visibility} aria-label="Composer">
      <Group justify="space-between" gap="xs" className={classes.modes}>
        <Group gap={2} role="group" aria-label="Composer mode">
          <ModeButton
            active={mode === "reply"}
            onClick={() => setMode("reply")}
            icon={<IconMessage size={13} aria-hidden />}
          >
            Reply
          </ModeButton>
          <ModeButton
            active={mode === "note"}
            onClick={() => setMode("note")}
            icon={<IconNote size={13} aria-hidden />}
          >
            Note
          </ModeButton>
        </Group>
        <Text size="xs" c="dimmed">
          Type <b>/</b> for templates, articles and the playbook
        </Text>
      </Group>
      {slash.open ? (
        <ActivityZone kind="lookup">
          <SlashMenu
            items={slash.items}
            active={slash.active}
            loading={slash.loading}
            error={slash.error}
            onPick={slash.pick}
            onHover={slash.setActive}
          />
        </ActivityZone>
      ) : null}
      <Textarea
        ref={area}
        aria-label={mode === "note" ? "Internal note" : "Reply"}
        placeholder={placeholder(mode, visibility, c.contact.display_name)}
        autosize
        minRows={2}
        maxRows={12}
        value={text}
        variant="unstyled"
        classNames={{ input: classes.input }}
        aria-autocomplete="list"
        aria-controls={slash.open ? "composer-slash-menu" : undefined}
        aria-activedescendant={slash.activeItem ? slashOptionId(slash.activeItem.key) : undefined}
        onChange={(e) => {
          setText(e.currentTarget.value);
          slash.onInput(e.currentTarget.value, e.currentTarget.selectionStart);
          typing.typed(mode === "note" ? "note" : visibility);
          activityKind(slash.open ? "lookup" : "typing");
        }}
        onSelect={(e) => slash.onSelect(e.currentTarget.selectionStart)}
        onKeyDown={onKeyDown}
        onBlur={typing.stop}
      />
      {sensitive.length > 0 ? (
        <SensitiveWarning
          kinds={sensitive}
          privateBlocked={capability.privateBlocked}
          allowPublic={allowSensitive}
          onAllowPublic={setAllowSensitive}
          onMovePrivate={() => setVisibility("private")}
        />
      ) : null}
      {sender.error ? (
        <Alert color="red" variant="light" p="xs" icon={<IconAlertCircle size={16} />} role="alert">
          <Group justify="space-between" wrap="nowrap" gap="xs">
            <Text size="xs">{sender.error}</Text>
            <CloseButton size="sm" aria-label="Dismiss error" onClick={sender.clearError} />
          </Group>
        </Alert>
      ) : null}
      <SentState sent={sender.lastSent} messages={messages} />
      <ComposerFooter
        mode={mode}
        visibility={settled}
        capability={capability}
        count={count}
        approvalRequired={
          c.approval_required ? (c.approval_reason ?? "Replies in this conversation need an approver") : null
        }
        requestApproval={requestApproval}
        sendBlocked={sendBlocked}
        sending={sender.sending}
        onVisibility={setVisibility}
        onRequestApproval={setRequestApproval}
        onSend={() => send()}
      />
      <CollisionDialog
        reply={sender.conflict}
        sending={sender.sending}
        onSendAnyway={() => send(true)}
        onEdit={() => {
          draftBase.rebase(sender.conflict?.id);
          sender.clearConflict();
          requestAnimationFrame(() => area.current?.focus());
        }}
        onDiscard={() => {
          sender.clearConflict();
          setReply("");
          typing.stop();
        }}
      />
    </section>
  );
});

function placeholder(mode: "reply" | "note", visibility: ReplyVisibility, name: string) {
  if (mode === "note") return "Write an internal note for your team…";
  return visibility === "private" ? `Private message to ${name}…` : `Public reply to ${name}…`;
}

function ModeButton(p: { active: boolean; onClick: () => void; icon: React.ReactNode; children: string }) {
  return (
    <UnstyledButton className={classes.mode} aria-pressed={p.active} onClick={p.onClick}>
      {p.icon}
      {p.children}
    </UnstyledButton>
  );
}

/** The reply just sent, followed live: waiting for an approver, or rejected with why. */
function SentState({ sent, messages }: { sent: Message | null; messages: readonly Message[] }) {
  const current = sent ? (messages.find((m) => m.id === sent.id) ?? sent) : null;
  if (!current || (current.delivery_status !== "awaiting_approval" && current.delivery_status !== "rejected"))
    return null;
  const waiting = current.delivery_status === "awaiting_approval";
  return (
    <Alert
      color={waiting ? "yellow" : "red"}
      variant="light"
      p="xs"
      icon={<IconHourglass size={16} />}
      role="status"
    >
      <Text size="xs">
        {waiting
          ? `Your reply is awaiting approval${current.approval_reason ? `: ${current.approval_reason}` : ""}. It is posted once an approver accepts it.`
          : `Your reply was rejected${current.review_comment ? `: “${current.review_comment}”` : ""}.`}
      </Text>
    </Alert>
  );
}
