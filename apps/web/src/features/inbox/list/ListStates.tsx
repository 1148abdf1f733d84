import { Alert, Button } from "@mantine/core";
import type { Conversation } from "@parley/contracts";
import { IconAlertCircle, IconInbox } from "@tabler/icons-react";
import type { InfiniteData, UseInfiniteQueryResult } from "@tanstack/react-query";
import { Link } from "react-router";
import type { Page } from "../../../app/api";
import { errorMessage } from "../../../app/api";
import { useCan } from "../../../app/auth";
import { EmptyState } from "../../../ui/EmptyState";
import type { InboxParams } from "../useInboxParams";
import { ListSkeleton } from "./ListSkeleton";

interface ListStatesProps {
  list: UseInfiniteQueryResult<InfiniteData<Page<Conversation>>>;
  params: InboxParams;
  empty: boolean;
}

/** Loading, failure and "nothing here" for the list, each saying what would change it. */
export function ListStates({ list, params, empty }: ListStatesProps) {
  const canManageChannels = useCan("channels:manage");
  if (list.isPending) return <ListSkeleton />;
  if (list.isError && !list.data) {
    return (
      <Alert m="md" color="red" variant="light" icon={<IconAlertCircle size={16} />} title="Could not load">
        {errorMessage(list.error)}
      </Alert>
    );
  }
  if (!empty) return null;
  const all = params.view.id === "all";
  return (
    <EmptyState
      compact
      icon={<IconInbox size={22} stroke={1.6} />}
      title={params.hasFilters ? "No matches" : all ? "No conversations yet" : "All clear"}
      description={
        params.hasFilters ? "No conversation in this view matches the search and filters." : params.view.empty
      }
      action={
        params.hasFilters ? (
          <Button variant="default" size="xs" onClick={params.clearFilters}>
            Clear filters
          </Button>
        ) : all ? (
          <Button component={Link} to="/settings/channels" variant="default" size="xs">
            {canManageChannels ? "Connect a channel" : "Check channel health"}
          </Button>
        ) : null
      }
    />
  );
}
