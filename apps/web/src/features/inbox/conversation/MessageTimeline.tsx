import { Alert, Button, Center, Loader } from "@mantine/core";
import type { Message } from "@parley/contracts";
import { IconAlertCircle, IconMessageOff } from "@tabler/icons-react";
import dayjs from "dayjs";
import { Fragment, useEffect, useMemo, useRef } from "react";
import { errorMessage } from "../../../app/api";
import { EmptyState } from "../../../ui/EmptyState";
import { useMessages } from "../queries";
import classes from "./conversation.module.css";
import { MessageItem } from "./MessageItem";

function dayLabel(iso: string): string {
  const day = dayjs(iso);
  if (day.isSame(dayjs(), "day")) return "Today";
  if (day.isSame(dayjs().subtract(1, "day"), "day")) return "Yesterday";
  return day.format(day.isSame(dayjs(), "year") ? "dddd D MMMM" : "D MMMM YYYY");
}

/** Messages oldest first with a separator per day; public and private in one thread. */
export function MessageTimeline({ conversationId }: { conversationId: string }) {
  const messages = useMessages(conversationId);
  const scroller = useRef<HTMLDivElement>(null);
  const items = useMemo<Message[]>(() => messages.data?.pages.flatMap((p) => p.items) ?? [], [messages.data]);
  const loaded = items.length > 0;

  // Land on the latest message when the conversation opens.
  useEffect(() => {
    if (loaded && scroller.current) scroller.current.scrollTop = scroller.current.scrollHeight;
  }, [loaded]);

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
  if (!loaded) {
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
    <div className={classes.timeline} ref={scroller}>
      <ol className={classes.messages} aria-label="Messages">
        {items.map((message, i) => {
          const previous = items[i - 1];
          const newDay = !previous || !dayjs(previous.sent_at).isSame(message.sent_at, "day");
          return (
            <Fragment key={message.id}>
              {newDay ? (
                <li className={classes.daySeparator} aria-hidden>
                  <span>{dayLabel(message.sent_at)}</span>
                </li>
              ) : null}
              <li>
                <MessageItem message={message} />
              </li>
            </Fragment>
          );
        })}
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
