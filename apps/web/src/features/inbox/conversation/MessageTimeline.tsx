import { Alert, Button, Center, Loader } from "@mantine/core";
import type { Message } from "@parley/contracts";
import { IconAlertCircle, IconMessageOff } from "@tabler/icons-react";
import dayjs from "dayjs";
import { Fragment, useLayoutEffect, useMemo, useRef } from "react";
import { errorMessage } from "../../../app/api";
import { EmptyState } from "../../../ui/EmptyState";
import type { useMessages } from "../queries";
import classes from "./conversation.module.css";
import { MessageItem } from "./MessageItem";
import { useEvents, useNotes } from "./queries";
import { EventItem, NoteItem } from "./TimelineItems";
import { buildTimeline, type Names, type TimelineEntry } from "./timeline";

function dayLabel(iso: string): string {
  const day = dayjs(iso);
  if (day.isSame(dayjs(), "day")) return "Today";
  if (day.isSame(dayjs().subtract(1, "day"), "day")) return "Yesterday";
  return day.format(day.isSame(dayjs(), "year") ? "dddd D MMMM" : "D MMMM YYYY");
}

/** Close enough to the bottom that new entries should keep the newest in view. */
const STICK_PX = 120;

interface MessageTimelineProps {
  conversationId: string;
  messages: ReturnType<typeof useMessages>;
  items: Message[];
  names: Names;
}

/**
 * SPEC A2: one timeline of public and private messages, internal notes and history, oldest first
 * with a separator per day. It lands on the newest entry and follows new ones unless the agent
 * scrolled up to read.
 */
export function MessageTimeline({ conversationId, messages, items, names }: MessageTimelineProps) {
  const notes = useNotes(conversationId);
  const events = useEvents(conversationId);
  const scroller = useRef<HTMLDivElement>(null);
  const pinned = useRef(true);
  const entries = useMemo(
    () => buildTimeline(items, notes.data?.items ?? [], events.data?.items ?? [], names),
    [items, notes.data, events.data, names],
  );
  const byExternalId = useMemo(
    () => new Map(items.filter((m) => m.external_id).map((m) => [m.external_id as string, m])),
    [items],
  );

  useLayoutEffect(() => {
    const el = scroller.current;
    if (el && pinned.current && entries.length > 0) el.scrollTop = el.scrollHeight;
  }, [entries]);

  if (messages.isPending) {
    return (
      <Center className={classes.timeline}>
        <Loader size="sm" aria-label="Loading messages" />
      </Center>
    );
  }
  if (messages.isError && !messages.data) {
    return (
      <div className={classes.timeline}>
        <Alert
          m="lg"
          color="red"
          variant="light"
          icon={<IconAlertCircle size={16} />}
          title="Could not load messages"
        >
          {errorMessage(messages.error)}
        </Alert>
      </div>
    );
  }
  if (entries.length === 0) {
    return (
      <div className={classes.timeline}>
        <EmptyState
          compact
          icon={<IconMessageOff size={20} stroke={1.6} />}
          title="No messages in this conversation"
        />
      </div>
    );
  }

  return (
    <div
      className={classes.timeline}
      ref={scroller}
      onScroll={(e) => {
        const el = e.currentTarget;
        pinned.current = el.scrollHeight - el.scrollTop - el.clientHeight < STICK_PX;
      }}
    >
      <ol className={classes.messages} aria-label="Timeline">
        {entries.map((entry, i) => (
          <Fragment key={entry.id}>
            {startsDay(entry, entries[i - 1]) ? (
              <li className={classes.daySeparator} aria-hidden>
                <span>{dayLabel(entry.at)}</span>
              </li>
            ) : null}
            <li>{renderEntry(entry, byExternalId)}</li>
          </Fragment>
        ))}
      </ol>
      {messages.hasNextPage ? (
        <Center pb="lg">
          <Button
            variant="subtle"
            size="xs"
            onClick={() => void messages.fetchNextPage()}
            loading={messages.isFetchingNextPage}
          >
            Load later messages
          </Button>
        </Center>
      ) : null}
    </div>
  );
}

function startsDay(entry: TimelineEntry, previous: TimelineEntry | undefined) {
  return !previous || !dayjs(previous.at).isSame(entry.at, "day");
}

function renderEntry(entry: TimelineEntry, byExternalId: Map<string, Message>) {
  if (entry.kind === "note") return <NoteItem note={entry.note} />;
  if (entry.kind === "event") return <EventItem event={entry.event} text={entry.text} />;
  const parentId = entry.message.reply_to_external_id;
  return <MessageItem message={entry.message} parent={parentId ? byExternalId.get(parentId) : undefined} />;
}
