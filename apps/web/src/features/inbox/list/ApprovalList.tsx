import { Badge, Button, Center, Text, Tooltip } from "@mantine/core";
import type { PendingApproval } from "@parley/contracts";
import { IconShieldCheck } from "@tabler/icons-react";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { Link, useLocation, useMatch } from "react-router";
import { api, type Page } from "../../../app/api";
import { useFallbackPolling } from "../../../app/live";
import { ChannelIcon } from "../../../ui/channels";
import { EmptyState } from "../../../ui/EmptyState";
import { RelativeTime } from "../../../ui/RelativeTime";
import { APPROVALS_VIEW } from "../views";
import { ListSkeleton } from "./ListSkeleton";
import classes from "./list.module.css";

/** Under ["conversations", ...] so live conversation changes refresh it like the other lists. */
export function useApprovalQueue() {
  const refetchInterval = useFallbackPolling();
  return useInfiniteQuery({
    queryKey: ["conversations", "approvals"],
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<PendingApproval>>("/approvals", { limit: 100, cursor: pageParam }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor,
    refetchInterval,
  });
}

function ApprovalRow({ item, search, isOpen }: { item: PendingApproval; search: string; isOpen: boolean }) {
  return (
    <li className={classes.row} style={{ position: "relative" }} aria-current={isOpen ? "true" : undefined}>
      <div className={classes.lead}>
        <ChannelIcon channel={item.channel} size={22} />
      </div>
      <Link
        to={{ pathname: `/inbox/${item.conversation_id}`, search }}
        className={classes.rowLink}
        data-conversation-id={item.conversation_id}
        aria-label={`Reply by ${item.author.name} to ${item.contact.display_name} waiting for approval`}
        style={{ paddingBlock: 8 }}
      >
        <div className={classes.line}>
          <Text span size="sm" className={classes.name} truncate>
            {item.contact.display_name}
          </Text>
          <Text span size="xs" c="dimmed" truncate className={classes.handle}>
            reply by {item.author.name}
          </Text>
          <span className={classes.spacer} />
          <RelativeTime iso={item.requested_at} />
        </div>
        <Text size="sm" className={classes.preview}>
          {item.text}
        </Text>
      </Link>
      <div className={classes.meta} style={{ paddingBottom: 8 }}>
        <Badge size="xs" color={item.visibility === "public" ? "gray" : "violet"}>
          {item.visibility === "public" ? "Public" : "Private"}
        </Badge>
        <Tooltip label={item.reason} multiline w={260}>
          <Text span size="xs" c="dimmed" truncate>
            {item.reason}
          </Text>
        </Tooltip>
      </div>
    </li>
  );
}

/** "Awaiting approval": replies held for an approver (GET /approvals), oldest first. */
export function ApprovalList() {
  const queue = useApprovalQueue();
  const { search } = useLocation();
  const openId = useMatch("/inbox/:conversationId")?.params.conversationId;
  const items = useMemo(() => queue.data?.pages.flatMap((p) => p.items) ?? [], [queue.data]);
  return (
    <section className={classes.list} aria-label="Replies awaiting approval" data-shortcut-scope="list">
      <div className={classes.toolbar}>
        <Text component="h2" fw={650} size="md">
          {APPROVALS_VIEW.label}{" "}
          <Text span size="xs" c="dimmed" fw={400}>
            {queue.data ? `${items.length}${queue.hasNextPage ? "+" : ""} waiting, oldest first` : ""}
          </Text>
        </Text>
      </div>
      <div className={classes.scroll}>
        {queue.isPending ? <ListSkeleton /> : null}
        {queue.data && items.length === 0 ? (
          <EmptyState
            compact
            icon={<IconShieldCheck size={22} stroke={1.6} />}
            title="All clear"
            description={APPROVALS_VIEW.empty}
          />
        ) : null}
        <ul className={classes.rows} aria-label="Replies awaiting approval">
          {items.map((item) => (
            <ApprovalRow
              key={item.message_id}
              item={item}
              search={search}
              isOpen={item.conversation_id === openId}
            />
          ))}
        </ul>
        {queue.hasNextPage ? (
          <Center py="sm">
            <Button
              variant="subtle"
              size="xs"
              onClick={() => void queue.fetchNextPage()}
              loading={queue.isFetchingNextPage}
            >
              Load more
            </Button>
          </Center>
        ) : null}
      </div>
    </section>
  );
}
