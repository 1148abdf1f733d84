import { Button, Kbd, Loader, Text, UnstyledButton } from "@mantine/core";
import { IconArrowUp } from "@tabler/icons-react";
import { useVirtualizer } from "@tanstack/react-virtual";
import { type RefObject, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useLocation, useMatch, useNavigate } from "react-router";
import { useCurrentMe } from "../../../app/auth";
import { openShortcutHelp } from "../../../app/ShortcutHelp";
import { useConversationList, useUsersById } from "../queries";
import type { InboxParams } from "../useInboxParams";
import { AssignPicker } from "./AssignPicker";
import { BulkBar } from "./BulkBar";
import { ConversationRow, ROW_HEIGHT } from "./ConversationRow";
import { ListStates } from "./ListStates";
import { ListToolbar } from "./ListToolbar";
import classes from "./list.module.css";
import { markSeen } from "./readState";
import { EMPTY_SELECTION, extendTo, prune, type Selection, selectAll, toggle } from "./selection";
import { useListActions } from "./useListActions";
import { useListKeyboard } from "./useListKeyboard";
import { useStableScroll } from "./useStableScroll";

function countLabel(count: number, more: boolean): string {
  if (more) return `${count}+ loaded`;
  return count === 1 ? "1 conversation" : `${count} conversations`;
}

function useSelection(ids: string[], resetKey: string) {
  const [selection, setSelection] = useState<Selection>(EMPTY_SELECTION);
  useEffect(() => setSelection((s) => prune(s, ids)), [ids]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new view or filter starts a new selection
  useEffect(() => setSelection(EMPTY_SELECTION), [resetKey]);
  return { selection, setSelection };
}

export function ConversationList({
  params,
  searchRef,
}: {
  params: InboxParams;
  searchRef: RefObject<HTMLInputElement | null>;
}) {
  const list = useConversationList(params.query);
  const users = useUsersById();
  const meId = useCurrentMe().user?.id ?? null;
  const navigate = useNavigate();
  const { search } = useLocation();
  const openId = useMatch("/inbox/:conversationId")?.params.conversationId;
  const scrollRef = useRef<HTMLDivElement>(null);
  const resetKey = JSON.stringify(params.query);

  const conversations = useMemo(() => list.data?.pages.flatMap((page) => page.items) ?? [], [list.data]);
  const ids = useMemo(() => conversations.map((c) => c.id), [conversations]);
  const byId = useMemo(() => new Map(conversations.map((c) => [c.id, c])), [conversations]);
  const { selection, setSelection } = useSelection(ids, resetKey);
  const { fresh, newAbove } = useStableScroll(ids, scrollRef, resetKey);
  const [assigning, setAssigning] = useState<string[]>([]);
  const actions = useListActions(byId, (failed) => setSelection({ ids: new Set(failed), anchor: null }));

  const virtualizer = useVirtualizer({
    count: ids.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    getItemKey: (index) => ids[index] ?? index,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items[items.length - 1]?.index ?? -1;
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = list;
  const loadMore = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);
  // Infinite scroll: the next page is asked for while the reader is still 20 rows away from the end.
  useEffect(() => {
    if (lastIndex >= ids.length - 20) loadMore();
  }, [lastIndex, ids.length, loadMore]);

  const opened = openId ? byId.get(openId) : undefined;
  useEffect(() => {
    if (opened) markSeen(opened.id, opened.last_message_at);
  }, [opened]);

  const reveal = useCallback(
    (id: string) => {
      const index = ids.indexOf(id);
      if (index === -1) return;
      virtualizer.scrollToIndex(index, { align: "auto" });
      requestAnimationFrame(() =>
        scrollRef.current
          ?.querySelector<HTMLElement>(`[data-conversation-id="${CSS.escape(id)}"]`)
          ?.focus({ preventScroll: true }),
      );
    },
    [ids, virtualizer],
  );
  const targets = (cursor: string | undefined) =>
    selection.ids.size > 0 ? [...selection.ids] : cursor ? [cursor] : [];
  const { cursor, setCursor } = useListKeyboard(ids, openId, {
    open: (id) => navigate({ pathname: `/inbox/${id}`, search }),
    close: () => navigate({ pathname: "/inbox", search }),
    reveal,
    toggle: (id) => setSelection((s) => toggle(s, id)),
    extend: (id) => setSelection((s) => extendTo(s, ids, id)),
    selectAll: () => setSelection(selectAll(ids)),
    clearSelection: () => {
      if (selection.ids.size === 0) return false;
      setSelection(EMPTY_SELECTION);
      return true;
    },
    resolve: (c) => {
      const t = targets(c);
      if (t.length === 1 && selection.ids.size === 0) actions.resolve(t[0] as string);
      else if (t.length > 0) actions.runBulk(t, { type: "status", status: "resolved" }, "Resolved");
    },
    assign: (c) => setAssigning(targets(c)),
    focusSearch: () => searchRef.current?.focus(),
    endReached: loadMore,
  });

  const onSelect = useCallback(
    (id: string, range: boolean) => {
      setCursor(id);
      setSelection((s) => (range ? extendTo(s, ids, id) : toggle(s, id)));
    },
    [ids, setCursor, setSelection],
  );
  const pickAssignee = (assigneeId: string | null) => {
    const t = assigning;
    setAssigning([]);
    if (t.length === 1 && selection.ids.size === 0) actions.assign(t[0] as string, assigneeId);
    else actions.runBulk(t, { type: "assign", assignee_id: assigneeId }, "Assigned");
  };
  const isSpamView = params.view.id === "spam";
  const summary = list.data ? countLabel(conversations.length, list.hasNextPage) : "";

  return (
    <section className={classes.list} aria-label="Conversations" data-shortcut-scope="list">
      {selection.ids.size > 0 ? (
        <BulkBar
          count={selection.ids.size}
          total={ids.length}
          busy={actions.busy}
          onRun={(action, label) => actions.runBulk([...selection.ids], action, label)}
          onAssign={() => setAssigning([...selection.ids])}
          onSelectAll={() => setSelection(selectAll(ids))}
          onClear={() => setSelection(EMPTY_SELECTION)}
        />
      ) : (
        <ListToolbar params={params} summary={summary} searchRef={searchRef} />
      )}
      <div
        className={classes.scroll}
        ref={scrollRef}
        data-list-scroll=""
        data-stale={list.isPlaceholderData || undefined}
        data-selecting={selection.ids.size > 0 || undefined}
      >
        {newAbove > 0 ? (
          <Button
            className={classes.newPill}
            size="compact-xs"
            radius="xl"
            leftSection={<IconArrowUp size={12} aria-hidden />}
            onClick={() => scrollRef.current?.scrollTo({ top: 0, behavior: "smooth" })}
          >
            {newAbove} new
          </Button>
        ) : null}
        <ListStates list={list} params={params} empty={conversations.length === 0} />
        {ids.length > 0 ? (
          <ul
            className={classes.rows}
            aria-label={`${params.view.label} conversations`}
            style={{ height: virtualizer.getTotalSize(), position: "relative" }}
          >
            {items.map((item) => {
              const c = conversations[item.index];
              if (!c) return null;
              return (
                <ConversationRow
                  key={c.id}
                  top={item.start}
                  conversation={c}
                  assignee={c.assignee_id ? users.get(c.assignee_id) : undefined}
                  meId={meId}
                  search={search}
                  isOpen={c.id === openId}
                  isCursor={c.id === cursor}
                  isSelected={selection.ids.has(c.id)}
                  isFresh={fresh.has(c.id)}
                  onFocusRow={setCursor}
                  onSelect={onSelect}
                  onNotSpam={isSpamView ? actions.markNotSpam : undefined}
                  notSpamPending={actions.notSpamId === c.id}
                />
              );
            })}
          </ul>
        ) : null}
      </div>
      <div className={classes.footer}>
        <Text size="xs" c="dimmed" truncate>
          <Kbd size="xs">j</Kbd> <Kbd size="xs">k</Kbd> move · <Kbd size="xs">x</Kbd> select ·{" "}
          <Kbd size="xs">e</Kbd> resolve · <Kbd size="xs">a</Kbd> assign
        </Text>
        {list.isFetching && !list.isPending ? <Loader size={12} aria-label="Refreshing" /> : null}
        <UnstyledButton
          className={classes.toolbarButton}
          onClick={openShortcutHelp}
          aria-label="All keyboard shortcuts"
        >
          <Kbd size="xs">?</Kbd> all
        </UnstyledButton>
      </div>
      <AssignPicker count={assigning.length} onClose={() => setAssigning([])} onPick={pickAssignee} />
    </section>
  );
}
