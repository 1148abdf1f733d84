import { useDocumentTitle } from "@mantine/hooks";
import { useEffect, useRef } from "react";
import { Outlet, useMatch } from "react-router";
import { useLiveSend } from "../../app/live";
import { InboxViews } from "./InboxViews";
import classes from "./inbox.module.css";
import { ApprovalList } from "./list/ApprovalList";
import { ConversationList } from "./list/ConversationList";
import { useInboxParams, useInboxViews } from "./useInboxParams";

/** Tells the live channel which conversation this tab shows, so others see us in its presence. */
function useAnnounceView() {
  const send = useLiveSend();
  const openId = useMatch("/inbox/:conversationId")?.params.conversationId ?? null;
  useEffect(() => send({ type: "view", conversation_id: openId }), [send, openId]);
  // Leaving the inbox leaves the conversation (switching between conversations is one "view").
  useEffect(() => () => send({ type: "view", conversation_id: null }), [send]);
}

/** Views on the left, the queue in the middle, the open conversation on the right. */
export function InboxPage() {
  const groups = useInboxViews();
  const params = useInboxParams(groups.all);
  const searchRef = useRef<HTMLInputElement>(null);
  useAnnounceView();
  useDocumentTitle(`${params.view.label} · Inbox · Parley`);
  return (
    <div className={classes.inbox}>
      <InboxViews
        groups={groups}
        current={params.view.id}
        onSelect={(view) => params.set({ view: view === "all" ? null : view })}
      />
      {params.view.source === "approvals" ? (
        <ApprovalList />
      ) : (
        <ConversationList params={params} searchRef={searchRef} />
      )}
      <section className={classes.pane} aria-label="Conversation" data-shortcut-scope="conversation">
        <Outlet />
      </section>
    </div>
  );
}
