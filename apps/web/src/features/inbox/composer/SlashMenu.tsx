import { Loader, Text } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import type { ComposerSearchResult } from "@parley/contracts";
import { IconAlertTriangle } from "@tabler/icons-react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Fragment, useEffect, useMemo } from "react";
import { api } from "../../../app/api";
import classes from "./composer.module.css";
import { type SlashItem, slashItems } from "./slashItems";

/** GET /composer/search, rendered for the open conversation; debounced as the agent types. */
export function useSlashSearch(conversationId: string, query: string | null) {
  const [debounced] = useDebouncedValue(query, 120);
  const search = useQuery({
    queryKey: ["composer-search", conversationId, debounced],
    queryFn: ({ signal }) =>
      api.get<ComposerSearchResult>(
        "/composer/search",
        { q: debounced ?? "", conversation_id: conversationId },
        signal,
      ),
    enabled: debounced !== null,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
  const items = useMemo(() => slashItems(search.data), [search.data]);
  return { items, loading: search.isFetching, error: search.isError };
}

export const slashOptionId = (key: string) => `slash-option-${key.replace(/[^a-zA-Z0-9_-]/g, "_")}`;

interface SlashMenuProps {
  items: SlashItem[];
  active: number;
  loading: boolean;
  error: boolean;
  onPick: (item: SlashItem) => void;
  onHover: (index: number) => void;
}

/** The listbox under the composer; the textarea keeps focus and points at the active option. */
export function SlashMenu({ items, active, loading, error, onPick, onHover }: SlashMenuProps) {
  useEffect(() => {
    const item = items[active];
    if (item) document.getElementById(slashOptionId(item.key))?.scrollIntoView({ block: "nearest" });
  }, [items, active]);

  return (
    <div className={classes.slashMenu}>
      <div className={classes.slashHeader}>
        <Text size="xs" fw={650} c="gray.7">
          Templates, knowledge base and playbook
        </Text>
        {loading ? <Loader size={12} aria-label="Searching" /> : null}
        <Text size="xs" c="dimmed" ml="auto">
          ↑↓ to choose · Enter to insert · Esc to close
        </Text>
      </div>
      {error ? (
        <Text size="xs" c="red.9" p="sm">
          Could not search templates right now.
        </Text>
      ) : items.length === 0 && !loading ? (
        <Text size="xs" c="gray.7" p="sm">
          Nothing matches. Keep typing, or press Esc.
        </Text>
      ) : null}
      <div
        id="composer-slash-menu"
        role="listbox"
        aria-label="Templates, knowledge base and playbook"
        className={classes.slashList}
      >
        {items.map((item, i) => (
          <Fragment key={item.key}>
            {item.group !== items[i - 1]?.group ? (
              <div className={classes.slashGroup} role="presentation">
                {item.group}
              </div>
            ) : null}
            <div
              id={slashOptionId(item.key)}
              role="option"
              aria-selected={i === active}
              tabIndex={-1}
              className={classes.slashOption}
              onMouseDown={(e) => e.preventDefault()}
              onMouseEnter={() => onHover(i)}
              onClick={() => onPick(item)}
              onKeyDown={(e) => (e.key === "Enter" ? onPick(item) : undefined)}
            >
              <span className={classes.slashTitle}>{item.title}</span>
              <span className={classes.slashDetail}>{item.detail}</span>
              {item.missing.length > 0 ? (
                <span className={classes.slashMissing}>
                  <IconAlertTriangle size={11} aria-hidden /> No value for {item.missing.join(", ")}
                </span>
              ) : null}
            </div>
          </Fragment>
        ))}
      </div>
    </div>
  );
}
