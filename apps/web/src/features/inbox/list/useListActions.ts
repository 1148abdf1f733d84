import { notifications } from "@mantine/notifications";
import type { BulkAction, Conversation } from "@parley/contracts";
import { useState } from "react";
import { errorMessage } from "../../../app/api";
import {
  type BulkItemResult,
  useAssignConversation,
  useBulkAction,
  useNotSpam,
  useResolveConversation,
} from "./actions";

/** A person-readable summary of a bulk answer: how many worked, and which failed and why. */
export function describeBulk(label: string, results: BulkItemResult[], nameOf: (id: string) => string) {
  const failed = results.filter((r) => !r.ok);
  const done = results.length - failed.length;
  const lines = failed
    .slice(0, 5)
    .map((r) => `${nameOf(r.conversation_id)}: ${r.error?.detail || r.error?.title || "failed"}`);
  if (failed.length > 5) lines.push(`…and ${failed.length - 5} more`);
  return {
    ok: failed.length === 0,
    title:
      failed.length === 0
        ? `${label}: ${done} conversation${done === 1 ? "" : "s"}`
        : `${label}: ${done} of ${results.length} done`,
    message: failed.length === 0 ? "" : `${failed.length} failed. ${lines.join(" · ")}`,
    failedIds: failed.map((r) => r.conversation_id),
  };
}

/** The list's actions (bulk and single), reporting outcomes as notifications. */
export function useListActions(byId: Map<string, Conversation>, keepSelected: (ids: string[]) => void) {
  const bulk = useBulkAction();
  const resolveOne = useResolveConversation();
  const assignOne = useAssignConversation();
  const notSpam = useNotSpam();
  const [notSpamId, setNotSpamId] = useState<string | null>(null);
  const nameOf = (id: string) => byId.get(id)?.contact.display_name ?? "A conversation";
  const fail = (title: string) => (error: unknown) =>
    notifications.show({ color: "red", title, message: errorMessage(error) });

  const runBulk = (ids: string[], action: BulkAction, label: string) =>
    bulk.mutate(
      { ids, action },
      {
        onSuccess: (results) => {
          const summary = describeBulk(label, results, nameOf);
          keepSelected(summary.failedIds);
          notifications.show({
            color: summary.ok ? "teal" : "orange",
            title: summary.title,
            message: summary.message || undefined,
            autoClose: summary.ok ? 3_000 : 10_000,
          });
        },
        onError: fail(`${label}: nothing changed`),
      },
    );

  const resolve = (id: string) =>
    resolveOne.mutate(id, {
      onSuccess: () =>
        notifications.show({ color: "teal", title: "Resolved", message: nameOf(id), autoClose: 2_500 }),
      onError: fail("Could not resolve"),
    });

  const assign = (id: string, assigneeId: string | null) =>
    assignOne.mutate({ id, assigneeId }, { onError: fail("Could not assign") });

  const markNotSpam = (id: string) => {
    setNotSpamId(id);
    notSpam.mutate(id, {
      onSuccess: () =>
        notifications.show({
          color: "teal",
          title: "Moved out of spam",
          message: `${nameOf(id)}: the filter learns from it.`,
        }),
      onError: fail("Could not mark as not spam"),
      onSettled: () => setNotSpamId(null),
    });
  };

  return { runBulk, resolve, assign, markNotSpam, notSpamId, busy: bulk.isPending };
}
