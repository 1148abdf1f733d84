import { Badge, Button, Checkbox, Group, Kbd, Switch, Text, Tooltip, VisuallyHidden } from "@mantine/core";
import { IconClock, IconClockOff, IconLock, IconNote, IconWorld } from "@tabler/icons-react";
import { useId } from "react";
import type { ReplyCapability, WindowState } from "./capability";
import classes from "./composer.module.css";
import type { CharacterCount, ReplyVisibility } from "./counter";

const WINDOW_COLORS: Record<WindowState["kind"], string> = {
  none: "gray",
  open: "teal",
  extended: "yellow",
  closed: "red",
};

function WindowBadge({ window }: { window: WindowState }) {
  if (window.kind === "none") return null;
  const short =
    window.kind === "closed"
      ? "Window closed"
      : window.kind === "open"
        ? window.label.replace(/^.*window /, "Window ")
        : "Extended window";
  return (
    <Tooltip label={window.label} multiline w={300}>
      <Badge
        color={WINDOW_COLORS[window.kind]}
        variant="light"
        leftSection={
          window.kind === "closed" ? (
            <IconClockOff size={11} aria-hidden />
          ) : (
            <IconClock size={11} aria-hidden />
          )
        }
      >
        <span aria-hidden>{short}</span>
        <VisuallyHidden>{window.label}</VisuallyHidden>
      </Badge>
    </Tooltip>
  );
}

function Counter({ count }: { count: CharacterCount }) {
  if (count.max === null) return null;
  const label = `${count.used} of ${count.max} characters${count.weighted ? " (X counts links as 23 and emoji as 2)" : ""}`;
  const near = count.used > count.max * 0.9;
  return (
    <Tooltip label={label}>
      <Text
        size="xs"
        ff="monospace"
        c={count.over ? "red.7" : near ? "orange.7" : "dimmed"}
        fw={count.over ? 700 : 400}
      >
        <span aria-hidden>
          {count.used}/{count.max}
        </span>
        <VisuallyHidden>{label}</VisuallyHidden>
      </Text>
    </Tooltip>
  );
}

interface ComposerFooterProps {
  mode: "reply" | "note";
  /** Null while the conversation's messages load: no side is offered yet. */
  visibility: ReplyVisibility | null;
  capability: ReplyCapability;
  count: CharacterCount;
  approvalRequired: string | null;
  requestApproval: boolean;
  sendBlocked: string | null;
  sending: boolean;
  onVisibility: (v: ReplyVisibility) => void;
  onRequestApproval: (v: boolean) => void;
  onSend: () => void;
}

/** What Send will do, always on screen next to it (and its description for screen readers). */
function sendHint(mode: ComposerFooterProps["mode"], visibility: ReplyVisibility | null): string {
  if (mode === "note") return "Internal note";
  if (visibility === null) return "Loading…";
  return visibility === "private" ? "Private message" : "Public reply";
}

export function ComposerFooter(p: ComposerFooterProps) {
  const hintId = useId();
  const other: ReplyVisibility = p.visibility === "private" ? "public" : "private";
  const switchBlocked =
    p.mode === "reply"
      ? p.visibility === null
        ? "Loading the conversation…"
        : other === "public"
          ? p.capability.publicBlocked
          : p.capability.privateBlocked
      : null;
  const isPrivate = p.mode === "reply" && p.visibility === "private";
  const icon =
    p.mode === "note" ? (
      <IconNote size={14} aria-hidden />
    ) : isPrivate ? (
      <IconLock size={14} aria-hidden />
    ) : (
      <IconWorld size={14} aria-hidden />
    );
  const send = (
    <Button
      size="xs"
      onClick={p.onSend}
      loading={p.sending}
      disabled={p.sendBlocked !== null}
      leftSection={icon}
      aria-describedby={hintId}
      data-visibility={p.mode === "reply" ? (p.visibility ?? undefined) : undefined}
      color={p.mode === "note" ? "yellow.7" : isPrivate ? "violet" : "accent"}
    >
      {p.mode === "note" ? "Add note" : "Send"}
    </Button>
  );
  return (
    <div className={classes.footer}>
      <Group gap="sm" wrap="nowrap" miw={0}>
        {p.mode === "reply" ? (
          <Tooltip
            label={switchBlocked ?? "Public reply on the network, or a private message in the same channel"}
            multiline
            w={280}
          >
            <span>
              <Switch
                size="sm"
                label="Private"
                checked={p.visibility === "private"}
                disabled={switchBlocked !== null}
                thumbIcon={p.visibility === "private" ? <IconLock size={10} aria-hidden /> : undefined}
                color="violet"
                onChange={(e) => p.onVisibility(e.currentTarget.checked ? "private" : "public")}
              />
            </span>
          </Tooltip>
        ) : (
          <Text size="xs" c="yellow.9" fw={550}>
            Only your team sees notes
          </Text>
        )}
        {p.mode === "reply" && (p.visibility === "private" || p.capability.window.kind === "closed") ? (
          <WindowBadge window={p.capability.window} />
        ) : null}
      </Group>
      <Group gap="sm" wrap="nowrap">
        {p.mode === "reply" ? <Counter count={p.count} /> : null}
        {p.mode === "reply" ? (
          <Tooltip label={p.approvalRequired ?? "An approver reads it before it is posted"} multiline w={260}>
            <span>
              <Checkbox
                size="xs"
                label="Request approval"
                checked={p.approvalRequired !== null || p.requestApproval}
                disabled={p.approvalRequired !== null}
                onChange={(e) => p.onRequestApproval(e.currentTarget.checked)}
              />
            </span>
          </Tooltip>
        ) : null}
        <Text size="xs" c="dimmed" visibleFrom="lg" aria-hidden>
          <Kbd size="xs">Ctrl</Kbd> <Kbd size="xs">Enter</Kbd>
        </Text>
        <Text
          id={hintId}
          size="xs"
          fw={600}
          c={p.mode === "note" ? "yellow.9" : isPrivate ? "violet.8" : "accent.8"}
          className={classes.sendHint}
        >
          {sendHint(p.mode, p.visibility)}
        </Text>
        {p.sendBlocked ? (
          <Tooltip label={p.sendBlocked} multiline w={260}>
            <span>{send}</span>
          </Tooltip>
        ) : (
          send
        )}
      </Group>
    </div>
  );
}
