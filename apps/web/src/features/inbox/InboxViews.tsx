import { Text, UnstyledButton, VisuallyHidden } from "@mantine/core";
import { useId } from "react";
import classes from "./inbox.module.css";
import { useApprovalQueue } from "./list/ApprovalList";
import type { InboxViewGroups } from "./useInboxParams";
import type { InboxView, ViewId } from "./views";

interface InboxViewsProps {
  groups: InboxViewGroups;
  current: ViewId;
  onSelect: (view: ViewId) => void;
}

function ApprovalCount() {
  const queue = useApprovalQueue();
  const first = queue.data?.pages[0];
  if (!first || first.items.length === 0) return null;
  const count = `${first.items.length}${first.next_cursor ? "+" : ""}`;
  return (
    <span className={classes.viewCount}>
      {count}
      <VisuallyHidden> waiting</VisuallyHidden>
    </span>
  );
}

function ViewGroup({
  title,
  views,
  current,
  onSelect,
}: Omit<InboxViewsProps, "groups"> & { title: string; views: InboxView[] }) {
  const id = useId();
  if (views.length === 0) return null;
  return (
    <div className={classes.viewGroup}>
      <Text className={classes.viewGroupTitle} id={id}>
        {title}
      </Text>
      <ul aria-labelledby={id} className={classes.viewList}>
        {views.map((view) => (
          <li key={view.id}>
            <UnstyledButton
              className={classes.viewItem}
              aria-current={current === view.id ? "page" : undefined}
              onClick={() => onSelect(view.id)}
            >
              <view.Icon size={16} stroke={1.7} aria-hidden />
              <span className={classes.viewLabel}>{view.label}</span>
              {view.source === "approvals" ? <ApprovalCount /> : null}
            </UnstyledButton>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The saved views of the inbox: queues, the person's teams, then by status. */
export function InboxViews({ groups, ...props }: InboxViewsProps) {
  return (
    <nav className={classes.views} aria-label="Inbox views">
      <Text className={classes.viewsTitle} component="h1">
        Inbox
      </Text>
      <ViewGroup title="Queues" views={groups.queues} {...props} />
      <ViewGroup title="My teams" views={groups.teams} {...props} />
      <ViewGroup title="Status" views={groups.statuses} {...props} />
    </nav>
  );
}
