import { useDocumentTitle } from "@mantine/hooks";
import { Outlet } from "react-router";
import { InboxViews } from "./InboxViews";
import classes from "./inbox.module.css";
import { ConversationList } from "./list/ConversationList";
import { useInboxParams } from "./useInboxParams";

/** Views on the left, the queue in the middle, the open conversation on the right. */
export function InboxPage() {
  const params = useInboxParams();
  useDocumentTitle(`${params.view.label} · Inbox · Parley`);
  return (
    <div className={classes.inbox}>
      <InboxViews
        current={params.view.id}
        onSelect={(view) => params.set({ view: view === "all" ? null : view })}
      />
      <ConversationList params={params} />
      <section className={classes.pane} aria-label="Conversation">
        <Outlet />
      </section>
    </div>
  );
}
