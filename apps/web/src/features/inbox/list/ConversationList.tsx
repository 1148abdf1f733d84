import { Alert, Button, Center, Group, Kbd, Loader, Text } from "@mantine/core";
import { IconAlertCircle, IconInbox } from "@tabler/icons-react";
import { useMemo, useRef } from "react";
import { Link, useLocation, useMatch, useNavigate } from "react-router";
import { errorMessage } from "../../../app/api";
import { useCan } from "../../../app/auth";
import { EmptyState } from "../../../ui/EmptyState";
import classes from "../inbox.module.css";
import { useConversationList, useUsersById } from "../queries";
import type { InboxParams } from "../useInboxParams";
import { ConversationRow } from "./ConversationRow";
import { ListSkeleton } from "./ListSkeleton";
import { ListToolbar } from "./ListToolbar";
import { useListKeyboard } from "./useListKeyboard";

function countLabel(count: number, more: boolean): string {
  if (more) return `${count}+`;
  return count === 1 ? "1 conversation" : `${count} conversations`;
}

export function ConversationList({ params }: { params: InboxParams }) {
  const list = useConversationList(params.query);
  const users = useUsersById();
  const canManageChannels = useCan("channels:manage");
  const navigate = useNavigate();
  const { search } = useLocation();
  const openId = useMatch("/inbox/:conversationId")?.params.conversationId;
  const container = useRef<HTMLDivElement>(null);

  const conversations = useMemo(() => list.data?.pages.flatMap((page) => page.items) ?? [], [list.data]);
  const ids = useMemo(() => conversations.map((c) => c.id), [conversations]);
  const loadMore = () => {
    if (list.hasNextPage && !list.isFetchingNextPage) void list.fetchNextPage();
  };
  const { cursor, setCursor } = useListKeyboard({
    ids,
    openId,
    container,
    onOpen: (id) => navigate({ pathname: `/inbox/${id}`, search }),
    onClose: () => navigate({ pathname: "/inbox", search }),
    onEndReached: loadMore,
  });

  const summary = list.data ? countLabel(conversations.length, list.hasNextPage) : "";

  return (
    <section className={classes.list} aria-label="Conversations">
      <ListToolbar params={params} summary={summary} />
      <div className={classes.listScroll} ref={container} data-stale={list.isPlaceholderData || undefined}>
        {list.isPending ? <ListSkeleton /> : null}
        {list.isError && !list.data ? (
          <Alert
            m="md"
            color="red"
            variant="light"
            icon={<IconAlertCircle size={16} />}
            title="Could not load"
          >
            {errorMessage(list.error)}
          </Alert>
        ) : null}
        {list.data && conversations.length === 0 ? (
          <EmptyState
            compact
            icon={<IconInbox size={22} stroke={1.6} />}
            title={
              params.hasFilters
                ? "No matches"
                : params.view.id === "all"
                  ? "No conversations yet"
                  : "All clear"
            }
            description={
              params.hasFilters
                ? "No conversation in this view matches the search and filters."
                : params.view.empty
            }
            action={
              params.hasFilters ? (
                <Button
                  variant="default"
                  size="xs"
                  onClick={() => params.set({ channel: null, priority: null, q: null })}
                >
                  Clear filters
                </Button>
              ) : params.view.id === "all" ? (
                <Button component={Link} to="/settings/channels" variant="default" size="xs">
                  {canManageChannels ? "Connect a channel" : "Check channel health"}
                </Button>
              ) : null
            }
          />
        ) : null}
        {conversations.length > 0 ? (
          <ul className={classes.rows} aria-label={`${params.view.label} conversations`}>
            {conversations.map((c) => (
              <ConversationRow
                key={c.id}
                conversation={c}
                assignee={c.assignee_id ? users.get(c.assignee_id) : undefined}
                search={search}
                isOpen={c.id === openId}
                isCursor={c.id === cursor}
                onFocusRow={setCursor}
              />
            ))}
          </ul>
        ) : null}
        {list.hasNextPage ? (
          <Center py="sm">
            <Button variant="subtle" size="xs" onClick={loadMore} loading={list.isFetchingNextPage}>
              Load more
            </Button>
          </Center>
        ) : null}
      </div>
      <Group className={classes.listFooter} gap={6} justify="space-between">
        <Text size="xs" c="dimmed">
          <Kbd size="xs">j</Kbd> <Kbd size="xs">k</Kbd> move · <Kbd size="xs">Enter</Kbd> open ·{" "}
          <Kbd size="xs">Esc</Kbd> close · <Kbd size="xs">/</Kbd> search
        </Text>
        {list.isFetching && !list.isPending ? <Loader size={12} aria-label="Refreshing" /> : null}
      </Group>
    </section>
  );
}
